package org.cardiacrnn.evaluation;

/**
 * Sequences whose top-class confidence lies in {@code [lower, upper)} (the last bin includes 1.0):
 * how many, their mean confidence and the fraction predicted correctly (NaN for an empty bin).
 */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
}
