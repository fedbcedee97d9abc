package org.cardiacrnn.evaluation;

/**
 * A percentile bootstrap interval: {@code level} (e.g. 0.95) of {@code resamples} resampled estimates lie
 * between {@code lower} and {@code upper}. {@code seed} makes it reproducible.
 */
public record ConfidenceInterval(double lower, double upper, double level, int resamples, long seed) {
}
