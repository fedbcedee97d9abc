package org.cardiacrnn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only file channel that refuses, with the offsets in its message, any positioned read or mapping that would
 * run past the end of the file. jHDF trusts the lengths in a file's headers; behind this channel a damaged length
 * fails on the first read instead of making jHDF re-read the same bytes until its oversized buffer is full, and a
 * mapping past the end cannot fault later when touched.
 */
final class BoundedFileChannel extends FileChannel {

    private final FileChannel file;
    private final long size;

    BoundedFileChannel(FileChannel file) throws IOException {
        this.file = file;
        this.size = file.size();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        requireInside(position, dst.remaining());
        return file.read(dst, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long length) throws IOException {
        if (mode != MapMode.READ_ONLY) {
            throw new NonWritableChannelException();
        }
        requireInside(position, length);
        return file.map(mode, position, length);
    }

    private void requireInside(long position, long length) throws IOException {
        if (position < 0 || length < 0 || position > size || length > size - position) {
            throw new IOException("the file claims " + length + " bytes at offset " + position + ", but it has only "
                    + size + " bytes");
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        requireInside(position, count);
        return file.transferTo(position, count, target);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // Nothing is ever written through this channel.
    }

    @Override
    public FileLock lock(long position, long length, boolean shared) throws IOException {
        return file.lock(position, length, shared);
    }

    @Override
    public FileLock tryLock(long position, long length, boolean shared) throws IOException {
        return file.tryLock(position, length, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
