package org.cardiacrnn.data;

/** How a table lays out the matrix: one sample per row, or one gene per row. */
public enum Orientation {
    SAMPLES_BY_GENES,
    GENES_BY_SAMPLES
}
