package org.cardiacrnn.evaluation;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * Anything that turns sequences into class probabilities: a trained network, or a fixed table in tests.
 * Evaluation needs only this, so it stays independent of how the model was built.
 */
@FunctionalInterface
public interface Predictor {

    /** Probabilities {@code [sequence][class]}, each row summing to 1. */
    float[][] predictProbabilities(SequenceDataset sequences);
}
