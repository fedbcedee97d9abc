package org.cardiacrnn.evaluation;

/** Precision, recall and F1 of one class, with its support (number of true members in the test set). */
public record ClassMetrics(String className, double precision, double recall, double f1, int support) {
}
