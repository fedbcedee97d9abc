package org.cardiacrnn.data;

import java.nio.file.Path;

/** Keeps every cell as a sample: only for data small enough to hold densely, checked before the read. */
final class DenseCells implements CellSink {

    /** Share of the maximum heap a dense matrix may take, leaving room for the stages that copy it. */
    private static final double HEAP_SHARE = 0.4;

    private final float[] values;
    private final int genes;

    private DenseCells(int cells, int genes) {
        this.values = new float[cells * genes];
        this.genes = genes;
    }

    /**
     * Allocates a cells × genes matrix, or explains how much memory it would need and how to avoid it.
     *
     * @throws DataFormatException when the matrix would not fit
     */
    static DenseCells allocate(Path file, int cells, int genes) {
        long count = (long) cells * genes;
        long bytes = count * Float.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (count > FloatStore.MAX_ARRAY || bytes > heap * HEAP_SHARE) {
            throw tooLarge(file, cells, genes, heap);
        }
        try {
            return new DenseCells(cells, genes);
        } catch (OutOfMemoryError e) {
            throw tooLarge(file, cells, genes, heap);
        }
    }

    static DataFormatException tooLarge(Path file, long cells, long genes, long heap) {
        return new DataFormatException(file, String.format(java.util.Locale.ROOT, "%,d cells × %,d genes held as one "
                + "dense table would need %.1f GB of memory (this program may use %.1f GB); aggregate the cells "
                + "while reading with --pseudobulk COLUMN,… (e.g. --pseudobulk individual,diffday)", cells, genes,
                cells * genes * (double) Float.BYTES / 1e9, heap / 1e9));
    }

    @Override
    public void add(int cell, int gene, float value) {
        values[cell * genes + gene] = value;
    }

    float[] values() {
        return values;
    }
}
