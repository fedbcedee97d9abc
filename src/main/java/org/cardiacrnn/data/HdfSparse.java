package org.cardiacrnn.data;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

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
        SliceReader reader = new SliceReader(file, where, data, indices, indptr, outer);
        reader.start();
        try {
            long lastReport = 0;
            for (Slice slice = reader.next(); slice != null; slice = reader.next()) {
                CellSource.checkCancelled();
                for (int row = slice.first(); row < slice.end(); row++) {
                    for (long k = indptr[row] - slice.from(), stop = indptr[row + 1] - slice.from(); k < stop; k++) {
                        int i = slice.index()[(int) k];
                        if (i < 0 || i >= inner) {
                            throw new DataFormatException(file, where + "/indices holds " + i + ", outside 0…"
                                    + (inner - 1));
                        }
                        if (cellMajor) {
                            sink.add(row, i, slice.values()[(int) k]);
                        } else {
                            sink.add(i, row, slice.values()[(int) k]);
                        }
                    }
                }
                int o = slice.end();
                if (o - lastReport >= PROGRESS_EVERY || o == outer) {
                    lastReport = o;
                    progress.progress((long) cells * o / outer, cells, indptr[o] * bytesPerValue);
                }
            }
        } finally {
            reader.interrupt();
        }
    }

    /** Rows {@code [first, end)} of the pointer array, whose stored values start at {@code from}. */
    private record Slice(int first, int end, long from, float[] values, int[] index) {
    }

    /**
     * Reads and inflates the next slices while the caller sums the current one: on two cores the inflating
     * (about half of the work for gzip chunks) then overlaps the summing instead of adding to it.
     */
    private static final class SliceReader extends Thread {
        private static final Object END = new Object();

        private final Path file;
        private final String where;
        private final HdfSlices data;
        private final HdfSlices indices;
        private final long[] indptr;
        private final int outer;
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
        private volatile Throwable failure;

        SliceReader(Path file, String where, Dataset data, Dataset indices, long[] indptr, int outer) {
            super("hdf5-slice-reader");
            setDaemon(true);
            this.file = file;
            this.where = where;
            this.data = new HdfSlices(data);
            this.indices = new HdfSlices(indices);
            this.indptr = indptr;
            this.outer = outer;
        }

        @Override
        public void run() {
            try {
                readAll();
            } catch (InterruptedException stopped) {
                // the caller finished, failed or was cancelled: nothing waits for more slices
            } catch (RuntimeException | Error unexpected) {
                failure = unexpected;
            }
        }

        private void readAll() throws InterruptedException {
            int o = 0;
            while (o < outer) {
                int end = o + 1;
                while (end < outer && indptr[end + 1] - indptr[o] <= SLICE) {
                    end++;
                }
                long from = indptr[o];
                int length = (int) (indptr[end] - from);
                Object next;
                try {
                    next = new Slice(o, end, from, length == 0 ? new float[0] : data.floats(from, length),
                            length == 0 ? new int[0] : indices.ints(from, length));
                } catch (DataFormatException e) {
                    next = e;
                } catch (RuntimeException e) {
                    next = damaged(file, where, e);
                }
                ready.put(next);
                if (next instanceof RuntimeException) {
                    return;
                }
                o = end;
            }
            ready.put(END);
        }

        /** The next slice, or null after the last. */
        Slice next() {
            Object next = null;
            try {
                while (next == null) {
                    next = ready.poll(200, TimeUnit.MILLISECONDS);
                    if (next == null && !isAlive() && ready.isEmpty()) {
                        throw new IllegalStateException("the HDF5 reading thread stopped: " + failure, failure);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("reading was cancelled");
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return next == END ? null : (Slice) next;
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
