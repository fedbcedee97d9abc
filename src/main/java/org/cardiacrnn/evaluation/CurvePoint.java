package org.cardiacrnn.evaluation;

/**
 * One point of a ROC curve ({@code x} = false positive rate, {@code y} = true positive rate) or a PR curve
 * ({@code x} = recall, {@code y} = precision), reached by calling positive every score ≥ {@code threshold}.
 */
public record CurvePoint(double x, double y, double threshold) {
}
