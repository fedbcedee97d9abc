package org.cardiacrnn.data;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import io.jhdf.api.Dataset;

/**
 * Streams a compressed-sparse matrix stored as three HDF5 datasets (data, indices, indptr), as AnnData and
 * Cell Ranger write it, a slice at a time: only the pointer array (one number per row) is read whole.
 */
final class HdfSparse {

    /** Non-zeros per slice: a few MB of data and indices, read and decompressed together. */
    private static final int SLICE = 1 << 20;
    private static final int PROGRESS_EVERY = 1 << 14;

    private HdfSparse() {
    }

    /**
     * @param cellMajor true when each pointer range is one cell (CSR cells × genes, or Cell Ranger's CSC
     *                  genes × cells); false when it is one gene
     */
    static void stream(Path file, String where, Dataset data, Dataset indices, Dataset pointers, boolean cellMajor,
                       int cells, int genes, CellSink sink, LoadProgress progress) {
        int outer = cellMajor ? cells : genes;
        int inner = cellMajor ? genes : cells;
        long[] indptr;
        try {
            indptr = longs(pointers.getData());
        } catch (RuntimeException e) {
            throw damaged(file, where + "/indptr", e);
        }
        long stored = data.getDimensions().length == 0 ? 0 : data.getDimensions()[0];
        if (indptr.length != outer + 1 || indptr[outer] != stored || indices.getDimensions()[0] != stored) {
            throw new DataFormatException(file, where + " has indptr/indices/data arrays that do not fit " + cells
                    + " cells × " + genes + " genes (indptr has " + indptr.length + " entries, data " + stored + ")");
        }
        long bytesPerValue = stored == 0 ? 0 : Math.max(1, (data.getStorageInBytes() + indices.getStorageInBytes())
                / stored);
        HdfSlices dataSlices = new HdfSlices(data);
        HdfSlices indexSlices = new HdfSlices(indices);
        int o = 0;
        long lastReport = 0;
        while (o < outer) {
            CellSource.checkCancelled();
            int end = o + 1;
            while (end < outer && indptr[end + 1] - indptr[o] <= SLICE) {
                end++;
            }
            long from = indptr[o];
            int length = (int) (indptr[end] - from);
            float[] values;
            int[] index;
            try {
                values = length == 0 ? new float[0] : dataSlices.floats(from, length);
                index = length == 0 ? new int[0] : indexSlices.ints(from, length);
            } catch (CancellationException | DataFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw damaged(file, where, e);
            }
            for (int row = o; row < end; row++) {
                for (long k = indptr[row] - from, stop = indptr[row + 1] - from; k < stop; k++) {
                    int i = index[(int) k];
                    if (i < 0 || i >= inner) {
                        throw new DataFormatException(file, where + "/indices holds " + i + ", outside 0…"
                                + (inner - 1));
                    }
                    if (cellMajor) {
                        sink.add(row, i, values[(int) k]);
                    } else {
                        sink.add(i, row, values[(int) k]);
                    }
                }
            }
            o = end;
            if (o - lastReport >= PROGRESS_EVERY || o == outer) {
                lastReport = o;
                progress.progress((long) cells * o / outer, cells, indptr[o] * bytesPerValue);
            }
        }
    }

    static DataFormatException damaged(Path file, String where, RuntimeException e) {
        return new DataFormatException(file, where + " cannot be read, its compressed chunks may be damaged or "
                + "truncated: " + e.getMessage(), e);
    }

    static float[] floats(Object array) {
        if (array instanceof float[] f) {
            return f;
        }
        int n = Array.getLength(array);
        float[] out = new float[n];
        if (array instanceof double[] d) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        } else if (array instanceof int[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
        } else if (array instanceof long[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = v[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = number(Array.get(array, i)).floatValue();
            }
        }
        return out;
    }

    static int[] ints(Object array) {
        if (array instanceof int[] v) {
            return v;
        }
        int n = Array.getLength(array);
        int[] out = new int[n];
        if (array instanceof long[] v) {
            for (int i = 0; i < n; i++) {
                out[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v[i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = number(Array.get(array, i)).intValue();
            }
        }
        return out;
    }

    static long[] longs(Object array) {
        if (array instanceof long[] v) {
            return v;
        }
        int n = Array.getLength(array);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = number(Array.get(array, i)).longValue();
        }
        return out;
    }

    private static Number number(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : (Number) value;
    }
}
