package org.cardiacrnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a gzip stream on its own thread, handing blocks to the reader through a short queue, so that
 * inflating and parsing a large {@code matrix.mtx.gz} use two cores instead of one.
 */
final class BackgroundInflater extends InputStream {

    private static final int BLOCK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(4);
    private final Thread worker;
    private final CountingInput compressed;
    private volatile IOException failure;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int position;

    BackgroundInflater(InputStream raw) {
        compressed = new CountingInput(raw);
        worker = new Thread(this::inflate, "gzip-inflater");
        worker.setDaemon(true);
        worker.start();
    }

    /** Compressed bytes consumed so far, for progress in MB/s of the file. */
    long compressedBytesRead() {
        return compressed.count;
    }

    private void inflate() {
        try (InputStream in = new GZIPInputStream(compressed, 1 << 16)) {
            while (!closed) {
                byte[] block = in.readNBytes(BLOCK);
                if (block.length == 0) {
                    break;
                }
                put(block);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(byte[] block) throws InterruptedException {
        while (!closed && !blocks.offer(block, 100, TimeUnit.MILLISECONDS)) {
            // the reader has not taken a block yet; wait unless it closed the stream
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position == current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("reading was cancelled");
            }
            position = 0;
            if (current == END) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        worker.interrupt();
        compressed.close();
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        private volatile long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
