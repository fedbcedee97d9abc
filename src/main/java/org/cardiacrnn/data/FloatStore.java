package org.cardiacrnn.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Growable float storage. With an exact size hint it fills one array that becomes the matrix without a
 * copy (peak memory 1× the matrix); otherwise it grows in fixed chunks, never by doubling, so the final
 * copy needs at most 2× the matrix.
 */
final class FloatStore {

    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 20;

    private final List<float[]> fullChunks = new ArrayList<>();
    private float[] current;
    private int used;
    private long size;

    FloatStore(long sizeHint) {
        current = new float[sizeHint > 0 && sizeHint <= MAX_ARRAY ? (int) sizeHint : CHUNK];
    }

    void add(float value) {
        if (used == current.length) {
            fullChunks.add(current);
            current = new float[CHUNK];
            used = 0;
        }
        current[used++] = value;
        size++;
    }

    long size() {
        return size;
    }

    /** The values as one array of exactly {@link #size()} elements; the store must not be used afterwards. */
    float[] toArray() {
        if (fullChunks.isEmpty() && used == current.length) {
            return current;
        }
        float[] all = new float[(int) size];
        int at = 0;
        for (int i = 0; i < fullChunks.size(); i++) {
            float[] chunk = fullChunks.get(i);
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
            fullChunks.set(i, null);
        }
        System.arraycopy(current, 0, all, at, used);
        current = null;
        return all;
    }
}
