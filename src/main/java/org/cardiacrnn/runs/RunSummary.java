package org.cardiacrnn.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the Runs table. For an {@link RunState#UNREADABLE} folder only {@code id}, {@code directory},
 * {@code state} and {@code message} (the reason) are meaningful; the rest are null or NaN.
 *
 * @param duration time from start to end; null while running or unknown
 */
public record RunSummary(String id, Path directory, String name, String preset, RunState state, Instant startedAt,
                         Instant finishedAt, Duration duration, Map<String, String> hyperparameters,
                         double bestValidationAccuracy, double testAccuracy, String message) {

    public RunSummary {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    static RunSummary of(RunFolder folder, RunStatus status) {
        return new RunSummary(folder.id(), folder.directory(), status.name(), status.preset(), status.state(),
                status.startedAt(), status.finishedAt(), status.duration(), status.hyperparameters(),
                status.bestValidationAccuracy(), status.testAccuracy(), status.message());
    }

    static RunSummary unreadable(RunFolder folder, String reason) {
        return new RunSummary(folder.id(), folder.directory(), folder.id(), null, RunState.UNREADABLE, null, null,
                null, Map.of(), Double.NaN, Double.NaN, reason);
    }
}
