package org.cardiacrnn.evaluation;

/** Top-class confidences in {@code [lower, upper)} (last bin includes 1.0), split by right and wrong. */
public record HistogramBin(double lower, double upper, int correctCount, int incorrectCount) {
}
