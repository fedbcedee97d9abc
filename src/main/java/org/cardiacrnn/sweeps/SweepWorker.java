package org.cardiacrnn.sweeps;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cardiacrnn.data.ExpressionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.cardiacrnn.runs.DatasetFingerprint;
import org.cardiacrnn.runs.RunStore;

/**
 * One of possibly many processes, on any nodes that share the sweep folder, that train a sweep's trials: it
 * claims the next waiting trial, trains it, records it and repeats until no trial waits or runs. While it
 * trains it sends heartbeats; a trial whose worker falls silent for longer than the lease goes back in line.
 */
public final class SweepWorker {

    /** How long a silent worker keeps its trial: long enough for a busy file server, short enough to matter. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SweepWorker.class);

    private final SweepFolder folder;
    private final Duration lease;
    private final Clock clock;

    public SweepWorker(SweepFolder folder, Duration lease) {
        this(folder, lease, Clock.systemUTC());
    }

    SweepWorker(SweepFolder folder, Duration lease, Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new SweepException("the lease must be longer than zero; got " + lease.toSeconds() + " s");
        }
        this.folder = folder;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Trains the sweep's trials until none is left, on data loaded as the sweep's definition says.
     *
     * @return how many trials this worker ended
     * @throws SweepException when the data differ from those the sweep was created with
     */
    public int work(RunStore runs, SweepStore sweeps, ExpressionData data, SweepListener listener,
                    SweepControl control) {
        checkSameData(folder, data);
        return work(new SweepRunner(runs, sweeps).trainer(folder, data, listener, control), control);
    }

    /** The loop itself, with the training of one trial given (tests race workers without training). */
    int work(SweepRunner.TrialTrainer trainer, SweepControl control) {
        SweepPlanner planner = new SweepPlanner(folder.definition().spec());
        int ended = 0;
        while (!control.isStopRequested() && folder.stopRequest().isEmpty()) {
            folder.requeueLost(lease, clock.instant());
            Optional<SweepFolder.Claim> claim = folder.claimNext(TrialWorker.current(clock.instant()), planner);
            if (claim.isEmpty()) {
                if (folder.trials().stream().noneMatch(trial -> trial.state() == Trial.TrialState.RUNNING)) {
                    break;
                }
                // Others still train: wait, since a lost one's trial comes back in line when its lease ends.
                sleep(pollInterval());
                continue;
            }
            ScheduledExecutorService heartbeats = heartbeats(claim.get().trial().worker(), control);
            try {
                trainer.train(claim.get().trial(), claim.get().before());
                ended++;
            } finally {
                heartbeats.shutdownNow();
            }
        }
        return ended;
    }

    /** Stops with one line when the data on disk are not those the sweep's trials were ranked on. */
    static void checkSameData(SweepFolder folder, ExpressionData data) {
        String recorded = folder.definition().dataFingerprint();
        if (recorded == null) {
            return;
        }
        String loaded = DatasetFingerprint.of(data.matrix());
        if (!recorded.equals(loaded)) {
            throw new SweepException(folder.definition().data().matrix() + ": the data changed since sweep "
                    + folder.id() + " was created (recorded " + recorded + ", now " + loaded + "); this worker "
                    + "stops so that trials on different data are never ranked together");
        }
    }

    private ScheduledExecutorService heartbeats(TrialWorker worker, SweepControl control) {
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sweep-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = pollInterval().toMillis();
        beat.scheduleAtFixedRate(() -> {
            try {
                folder.heartbeat(worker);
                if (folder.stopRequest().filter(mode -> mode == SweepFolder.StopMode.ABANDON).isPresent()) {
                    control.stop();
                }
            } catch (RuntimeException missed) {
                // One missed beat costs nothing while the lease lasts; a failure here must not end the schedule.
                LOG.warn("heartbeat of {} failed: {}", worker.describe(), missed.getMessage(), missed);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return beat;
    }

    /** A fifth of the lease, so several heartbeats may go missing before a trial is given away. */
    private Duration pollInterval() {
        Duration fifth = lease.dividedBy(5);
        return fifth.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
                : fifth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : fifth;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SweepException("the sweep worker was interrupted", interrupted);
        }
    }
}
