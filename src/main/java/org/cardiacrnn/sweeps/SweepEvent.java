package org.cardiacrnn.sweeps;

import java.util.List;

import org.cardiacrnn.training.TrainingEvent;

/** What a running sweep reports, in order, on the sweep's thread. */
public sealed interface SweepEvent {

    /** A trial began (its values are chosen). */
    record TrialStarted(Trial trial) implements SweepEvent {
    }

    /** An event of the training of one fold of a trial. */
    record Training(int trial, int fold, TrainingEvent event) implements SweepEvent {
    }

    /** A trial finished, was stopped by the median rule, or failed. */
    record TrialEnded(Trial trial) implements SweepEvent {
    }

    /**
     * The sweep ended.
     *
     * @param stopped true when the user stopped it; unfinished trials run when it is resumed
     */
    record Finished(List<Trial> ranked, boolean stopped) implements SweepEvent {
    }
}
