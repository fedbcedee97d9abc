package org.cardiacrnn.training;

import java.util.List;

/**
 * The outcome of training: the per-epoch history, the epoch whose weights the model holds, and why it
 * ended. {@code model} holds the best weights (null only when training failed before the first epoch).
 */
public record TrainingResult(int bestEpoch, List<TrainingEvent.Epoch> history, StopReason stopReason,
                             String failure, TrainedModel model) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The epoch whose weights were kept, or null when there is none. */
    public TrainingEvent.Epoch best() {
        return history.stream().filter(e -> e.epoch() == bestEpoch).findFirst().orElse(null);
    }
}
