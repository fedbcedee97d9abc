package org.cardiacrnn.data;

import java.util.Arrays;

import io.jhdf.filter.Filter;
import io.jhdf.filter.FilterManager;

/**
 * Decodes h5py's LZF chunks (HDF5 filter 32000). jHDF 0.9.4 has its own decoder, but it needs the chunk size in
 * the filter's client data, which h5py leaves empty for variable-length strings, so anndata's {@code obs/_index}
 * written with {@code compression="lzf"} could not be read. Without a size this decoder grows its buffer.
 */
final class LzfChunkFilter implements Filter {

    private static final int H5PY_LZF_ID = 32000;
    private static volatile boolean registered;

    /** Replaces jHDF's decoder for the whole program; safe to call more than once. */
    static void register() {
        if (!registered) {
            FilterManager.addFilter(new LzfChunkFilter());
            registered = true;
        }
    }

    @Override
    public int getId() {
        return H5PY_LZF_ID;
    }

    @Override
    public String getName() {
        return "lzf";
    }

    @Override
    public byte[] decode(byte[] encoded, int[] filterData) {
        int size = filterData != null && filterData.length >= 3 && filterData[2] > 0 ? filterData[2]
                : Math.max(64, encoded.length * 4);
        if (size == encoded.length) {
            // h5py stores a chunk that LZF cannot shrink as it is (the filter is optional)
            return encoded;
        }
        while (true) {
            byte[] out = new byte[size];
            int length;
            try {
                length = decode(encoded, out);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException notLzf) {
                // jHDF does not read the chunk's filter mask, so a chunk stored unfiltered arrives here as is
                return encoded;
            }
            if (length >= 0) {
                return length == out.length ? out : Arrays.copyOf(out, length);
            }
            size = Math.multiplyExact(size, 2);
        }
    }

    /** Returns the decoded length, or -1 when {@code out} is too small. */
    private static int decode(byte[] in, byte[] out) {
        int ip = 0;
        int op = 0;
        while (ip < in.length) {
            int control = in[ip++] & 0xff;
            if (control < 32) {
                int literal = control + 1;
                if (op + literal > out.length) {
                    return -1;
                }
                if (ip + literal > in.length) {
                    throw new IllegalArgumentException("an LZF chunk ends inside a literal run");
                }
                System.arraycopy(in, ip, out, op, literal);
                ip += literal;
                op += literal;
            } else {
                int length = control >> 5;
                if (length == 7) {
                    length += in[ip++] & 0xff;
                }
                int reference = op - ((control & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
                length += 2;
                if (reference < 0) {
                    throw new IllegalArgumentException("LZF chunk refers before its start");
                }
                if (op + length > out.length) {
                    return -1;
                }
                for (int i = 0; i < length; i++) {
                    out[op++] = out[reference++];
                }
            }
        }
        return op;
    }
}
