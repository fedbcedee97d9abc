package org.cardiacrnn.data;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.zip.Inflater;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * Reads part of a numeric HDF5 dataset. jHDF 0.9.4's {@code getData(offset, shape)} returns zeros past the first
 * chunk of a chunked dataset (whole-dataset reads are right), which went unnoticed on one-chunk fixtures and
 * summed a 230,000-cell .h5ad into near-empty samples. So a slice of a chunked dataset is assembled here from
 * whole decompressed chunks, keeping the last chunk for the next slice, which usually starts inside it.
 * Contiguous datasets are sliced by jHDF, which reads them right.
 */
final class HdfSlices {

    /** The HDF5 filter id of gzip (deflate). */
    private static final int DEFLATE = 1;

    private enum Kind { FLOAT32, FLOAT64, FLOAT16, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64 }

    private final Dataset dataset;
    private final ChunkedDataset chunked;
    private final int[] chunkDimensions;
    private final Kind kind;
    private final int elementSize;
    private final boolean onlyDeflate;
    private final int chunkBytes;
    private final Inflater inflater = new Inflater();
    private java.nio.ByteOrder order;
    private int[] cachedOrigin;
    private ByteBuffer cached;
    private FloatBuffer cachedFloats;
    private IntBuffer cachedInts;

    HdfSlices(Dataset dataset) {
        this.dataset = dataset;
        this.chunked = dataset instanceof ChunkedDataset c ? c : null;
        this.chunkDimensions = chunked == null ? null : chunked.getChunkDimensions();
        DataType type = dataset.getDataType();
        this.elementSize = type.getSize();
        this.kind = chunked == null ? null : kind(type);
        this.onlyDeflate = chunked != null && dataset.getFilters().size() == 1
                && dataset.getFilters().get(0).getId() == DEFLATE;
        int elements = 1;
        if (chunked != null) {
            for (int dimension : chunkDimensions) {
                elements = Math.multiplyExact(elements, dimension);
            }
        }
        this.chunkBytes = Math.multiplyExact(elements, elementSize);
    }

    private Kind kind(DataType type) {
        if (type instanceof FloatingPoint floating) {
            order = floating.getByteOrder();
            return switch (type.getSize()) {
                case 2 -> Kind.FLOAT16;
                case 4 -> Kind.FLOAT32;
                case 8 -> Kind.FLOAT64;
                default -> throw unsupported(type);
            };
        }
        if (type instanceof FixedPoint fixed) {
            order = fixed.getByteOrder();
            boolean signed = fixed.isSigned();
            return switch (type.getSize()) {
                case 1 -> signed ? Kind.INT8 : Kind.UINT8;
                case 2 -> signed ? Kind.INT16 : Kind.UINT16;
                case 4 -> signed ? Kind.INT32 : Kind.UINT32;
                case 8 -> Kind.INT64;
                default -> throw unsupported(type);
            };
        }
        throw unsupported(type);
    }

    private IllegalArgumentException unsupported(DataType type) {
        return new IllegalArgumentException(dataset.getPath() + " holds " + type.getClass().getSimpleName()
                + " values of " + type.getSize() + " bytes, not numbers this reader knows");
    }

    /** Elements {@code [from, from + length)} of a 1-D dataset. */
    float[] floats(long from, int length) {
        if (chunked == null) {
            return HdfSparse.floats(dataset.getData(new long[] {from}, new int[] {length}));
        }
        float[] out = new float[length];
        forEachChunkRun(from, length, (bytes, offset, done, n) -> {
            if (kind == Kind.FLOAT32) {
                cachedFloats.get(offset, out, done, n);
            } else {
                for (int k = 0; k < n; k++) {
                    out[done + k] = (float) value(bytes, offset + k);
                }
            }
        });
        return out;
    }

    /** Elements {@code [from, from + length)} of a 1-D dataset of whole numbers. */
    int[] ints(long from, int length) {
        if (chunked == null) {
            return HdfSparse.ints(dataset.getData(new long[] {from}, new int[] {length}));
        }
        int[] out = new int[length];
        forEachChunkRun(from, length, (bytes, offset, done, n) -> {
            if (kind == Kind.INT32) {
                cachedInts.get(offset, out, done, n);
            } else {
                for (int k = 0; k < n; k++) {
                    double value = value(bytes, offset + k);
                    out[done + k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
                }
            }
        });
        return out;
    }

    /** A stretch of one decompressed chunk: {@code n} elements from {@code offset}, the slice's {@code done} on. */
    private interface ChunkRun {
        void copy(ByteBuffer bytes, int offset, int done, int n);
    }

    /** Walks the chunks of a 1-D chunked dataset that hold {@code [from, from + length)}, one stretch each. */
    private void forEachChunkRun(long from, int length, ChunkRun run) {
        int chunk = chunkDimensions[0];
        for (int done = 0; done < length; ) {
            long position = from + done;
            int origin = (int) (position / chunk * chunk);
            ByteBuffer bytes = chunk(new int[] {origin});
            int offset = (int) (position - origin);
            int n = Math.min(length - done, chunk - offset);
            run.copy(bytes, offset, done, n);
            done += n;
        }
    }

    /** Rows {@code [from, from + rows)} of a 2-D dataset, each row whole. */
    float[][] rows(int from, int rows) {
        int columns = dataset.getDimensions()[1];
        if (chunked == null) {
            Object block = dataset.getData(new long[] {from, 0}, new int[] {rows, columns});
            float[][] out = new float[rows][];
            for (int r = 0; r < rows; r++) {
                out[r] = HdfSparse.floats(Array.get(block, r));
            }
            return out;
        }
        float[][] out = new float[rows][columns];
        int chunkRows = chunkDimensions[0];
        int chunkColumns = chunkDimensions[1];
        for (int rowOrigin = from / chunkRows * chunkRows; rowOrigin < from + rows; rowOrigin += chunkRows) {
            for (int columnOrigin = 0; columnOrigin < columns; columnOrigin += chunkColumns) {
                ByteBuffer bytes = chunk(new int[] {rowOrigin, columnOrigin});
                int firstRow = Math.max(from, rowOrigin);
                int endRow = Math.min(from + rows, rowOrigin + chunkRows);
                int endColumn = Math.min(columns, columnOrigin + chunkColumns);
                for (int r = firstRow; r < endRow; r++) {
                    int base = (r - rowOrigin) * chunkColumns - columnOrigin;
                    for (int c = columnOrigin; c < endColumn; c++) {
                        out[r - from][c] = (float) value(bytes, base + c);
                    }
                }
            }
        }
        return out;
    }

    private ByteBuffer chunk(int[] origin) {
        if (!Arrays.equals(origin, cachedOrigin)) {
            cached = ByteBuffer.wrap(onlyDeflate ? inflate(origin) : chunked.getDecompressedChunk(origin))
                    .order(order);
            cachedFloats = kind == Kind.FLOAT32 ? cached.asFloatBuffer() : null;
            cachedInts = kind == Kind.INT32 ? cached.asIntBuffer() : null;
            cachedOrigin = origin;
        }
        return cached;
    }

    /**
     * A gzip chunk inflated straight into an array of the chunk's size with one reused inflater: jHDF's own
     * filter makes a new inflater and grows a stream for every chunk, which cost about a third of the read time
     * of a large .h5ad.
     */
    private byte[] inflate(int[] origin) {
        ByteBuffer raw = chunked.getRawChunkBuffer(origin);
        byte[] input = new byte[raw.remaining()];
        raw.get(input);
        byte[] out = new byte[chunkBytes];
        inflater.reset();
        inflater.setInput(input);
        try {
            int at = 0;
            while (at < out.length && !inflater.finished()) {
                int n = inflater.inflate(out, at, out.length - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("a gzip chunk of " + dataset.getPath() + " at "
                            + Arrays.toString(origin) + " ends early (truncated)");
                }
                at += n;
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("a gzip chunk of " + dataset.getPath() + " at "
                    + Arrays.toString(origin) + " is damaged: " + e.getMessage(), e);
        }
        return out;
    }

    private double value(ByteBuffer bytes, int element) {
        int at = element * elementSize;
        return switch (kind) {
            case FLOAT32 -> bytes.getFloat(at);
            case FLOAT64 -> bytes.getDouble(at);
            case FLOAT16 -> FloatingPoint.toFloat(bytes.getShort(at));
            case INT8 -> bytes.get(at);
            case UINT8 -> bytes.get(at) & 0xFF;
            case INT16 -> bytes.getShort(at);
            case UINT16 -> bytes.getShort(at) & 0xFFFF;
            case INT32 -> bytes.getInt(at);
            case UINT32 -> bytes.getInt(at) & 0xFFFFFFFFL;
            case INT64 -> bytes.getLong(at);
        };
    }
}
