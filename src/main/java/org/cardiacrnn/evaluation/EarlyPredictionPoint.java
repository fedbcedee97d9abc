package org.cardiacrnn.evaluation;

/** Accuracy of the predictions made from only the first {@code stepsSeen} time steps of each sequence. */
public record EarlyPredictionPoint(int stepsSeen, double accuracy) {
}
