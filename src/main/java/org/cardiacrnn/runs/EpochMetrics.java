package org.cardiacrnn.runs;

/**
 * One row of {@code metrics.csv}. Validation values are NaN when the run has no validation split;
 * {@code seconds} is the wall-clock time the epoch took.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double learningRate, double seconds) {
}
