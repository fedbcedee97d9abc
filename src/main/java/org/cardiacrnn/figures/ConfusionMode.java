package org.cardiacrnn.figures;

/** What the cells of a confusion matrix show. */
public enum ConfusionMode {
    /** Number of sequences. */
    COUNTS,
    /** Percentage of the true class (row) — recall on the diagonal. */
    ROW_PERCENT,
    /** Percentage of the predicted class (column) — precision on the diagonal. */
    COLUMN_PERCENT
}
