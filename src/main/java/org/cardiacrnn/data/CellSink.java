package org.cardiacrnn.data;

/** Receives the non-zero values of a single-cell matrix one at a time, in whatever order the file stores them. */
interface CellSink {

    void add(int cell, int gene, float value);
}
