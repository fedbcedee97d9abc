package org.cardiacrnn.evaluation;

/** Precision, recall and F1 averaged over classes (macro: equal weight; weighted: by support). */
public record AverageMetrics(double precision, double recall, double f1) {
}
