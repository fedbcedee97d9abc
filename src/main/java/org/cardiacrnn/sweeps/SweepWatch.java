package org.cardiacrnn.sweeps;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows a sweep that workers elsewhere are filling, from its folder alone: reads trials.json at a fixed
 * interval and reports the trials whenever they change, until the sweep ends.
 */
public final class SweepWatch {

    private SweepWatch() {
    }

    /**
     * @param changed   receives every trial, at once and then after each change (on the calling thread)
     * @param cancelled polled between reads; true ends the watch early
     * @return the trials when the watch ended
     */
    public static List<Trial> watch(SweepFolder folder, Duration every, Consumer<List<Trial>> changed,
                                    BooleanSupplier cancelled) {
        List<Trial> shown = null;
        while (true) {
            List<Trial> trials = folder.trials();
            if (!trials.equals(shown)) {
                changed.accept(trials);
                shown = trials;
            }
            if (hasEnded(folder, trials) || cancelled.getAsBoolean()) {
                return trials;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return trials;
            }
        }
    }

    /** Every trial is done, or the sweep was stopped and no worker still trains. */
    public static boolean hasEnded(SweepFolder folder, List<Trial> trials) {
        boolean running = trials.stream().anyMatch(trial -> trial.state() == Trial.TrialState.RUNNING);
        return trials.stream().allMatch(Trial::isDone) || folder.stopRequest().isPresent() && !running;
    }

    /** Whether workers train this sweep's trials (it was submitted to a cluster or a worker took a trial). */
    public static boolean isRunByWorkers(SweepFolder folder, List<Trial> trials) {
        return folder.job().isPresent() || trials.stream().anyMatch(trial -> trial.worker() != null);
    }
}
