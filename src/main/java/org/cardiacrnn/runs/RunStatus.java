package org.cardiacrnn.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code run.json}: what the Runs table shows and how a crashed run is recognised.
 *
 * @param name                    the name the user gave the run
 * @param preset                  the hyperparameter preset it started from, or null
 * @param state                   where the run stands
 * @param startedAt               when it was created
 * @param finishedAt              when it ended (or was found interrupted); null while running
 * @param hyperparameters         a few key settings for display (e.g. "layers" → "3"), in insertion order
 * @param bestValidationAccuracy  best validation accuracy of any epoch so far, NaN if none yet
 * @param testAccuracy            accuracy on the test split, NaN until evaluated
 * @param message                 why it failed, stopped or was interrupted; null otherwise
 * @param lastCheckpoint          for an interrupted run, the newest file in {@code checkpoints/}; else null
 * @param ownerPid                process id that runs it, to recognise a run whose process died
 * @param ownerStartedAt          that process's start time (guards against a reused process id); may be null
 */
public record RunStatus(String name, String preset, RunState state, Instant startedAt, Instant finishedAt,
                        Map<String, String> hyperparameters, double bestValidationAccuracy, double testAccuracy,
                        String message, String lastCheckpoint, long ownerPid, Instant ownerStartedAt) {

    public RunStatus {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** Time from start to end, or null while the run has not ended. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    RunStatus withState(RunState newState, Instant at, String why) {
        return new RunStatus(name, preset, newState, startedAt, at, hyperparameters, bestValidationAccuracy,
                testAccuracy, why, lastCheckpoint, ownerPid, ownerStartedAt);
    }

    RunStatus withAccuracies(double bestValidation, double test) {
        return new RunStatus(name, preset, state, startedAt, finishedAt, hyperparameters, bestValidation, test,
                message, lastCheckpoint, ownerPid, ownerStartedAt);
    }

    RunStatus interrupted(Instant at, String checkpoint) {
        return new RunStatus(name, preset, RunState.INTERRUPTED, startedAt, at, hyperparameters,
                bestValidationAccuracy, testAccuracy, "the program running this run ended before it finished",
                checkpoint, ownerPid, ownerStartedAt);
    }

    RunStatus resumedBy(ProcessHandle process) {
        return new RunStatus(name, preset, RunState.RUNNING, startedAt, null, hyperparameters, bestValidationAccuracy,
                testAccuracy, null, lastCheckpoint, process.pid(), process.info().startInstant().orElse(null));
    }

    /** True if this run claims to be running but the process that ran it is gone. */
    boolean ownerIsGone() {
        if (state != RunState.RUNNING) {
            return false;
        }
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        Optional<Instant> ownerStart = owner.get().info().startInstant();
        // A live process with the same id but a different start time reused the id after a crash.
        return ownerStartedAt != null && ownerStart.isPresent()
                && Duration.between(ownerStart.get(), ownerStartedAt).abs().toSeconds() > 1;
    }
}
