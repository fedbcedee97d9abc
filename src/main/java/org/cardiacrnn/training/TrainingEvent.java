package org.cardiacrnn.training;

import java.nio.file.Path;

/**
 * What the trainer reports while it runs. Plain immutable values, free of DL4J and JavaFX types, so the
 * CLI prints them and the GUI charts them.
 */
public sealed interface TrainingEvent {

    /**
     * One mini-batch was trained. {@code iteration} counts from 1 over the whole run; {@code loss} is the
     * batch's training objective as DL4J computed it (dropout and augmentation on, without the L2 penalty).
     */
    record Iteration(int epoch, int iteration, int iterationsPerEpoch, double loss, double learningRate)
            implements TrainingEvent {
    }

    /**
     * An epoch ended. Training loss and accuracy are the mean over the epoch's training sequences, each
     * measured in the forward pass that trained it (dropout and augmentation on, weights changing through the
     * epoch: the Keras convention, which needs no second pass over the training data). Validation loss and
     * accuracy are measured after the epoch without dropout or augmentation. Neither includes the L2 penalty.
     */
    record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                 double validationAccuracy, double learningRate, double seconds) implements TrainingEvent {
    }

    /** The learning rate was lowered because validation loss stopped improving. */
    record LearningRateReduced(int epoch, double from, double to) implements TrainingEvent {
    }

    /** A checkpoint to resume from was written after this epoch. */
    record CheckpointSaved(int epoch, Path directory) implements TrainingEvent {
    }

    /** Training stopped early; the weights of {@code bestEpoch} are kept. */
    record EarlyStopped(int epoch, int bestEpoch) implements TrainingEvent {
    }

    /** Training ended (completed, stopped early, or stopped by the user). */
    record Finished(TrainingResult result) implements TrainingEvent {
    }

    /** Training could not go on; the last good checkpoint is kept. */
    record Failed(String message) implements TrainingEvent {
    }
}
