package org.cardiacrnn.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.jhdf.HdfFile;

/**
 * Opens HDF5 files for jHDF so that a damaged file fails at once instead of costing seconds and gigabytes.
 * jHDF 0.9.4 reads an object header by allocating a heap buffer of the length the header claims and then reading
 * the same file offset over and over until that buffer is full; a header claiming 1 GB in a 1 kB file took up to
 * 13 s (found by fuzzing). A file that fits one buffer is therefore handed to jHDF memory-mapped: every region
 * jHDF reads is then a view of the mapping, so a claim past the end of the file fails before anything is allocated.
 * Larger files go through a channel that refuses any read or mapping past the end of the file; there jHDF may
 * still allocate once what a damaged header claims (at most 2 GB) before the read past the end fails.
 */
final class HdfFiles {

    /**
     * Files up to this size are mapped. Every page of a mapping that is read counts toward the process's resident
     * memory until it ends, so an atlas-sized file read whole would add its own size to the reader's footprint;
     * large files therefore go through the bounded channel, which reads into jHDF's own small buffers.
     */
    static final long LARGEST_MAPPING = 64L << 20;

    private HdfFiles() {
    }

    static HdfFile open(Path path) throws IOException {
        return open(path, LARGEST_MAPPING);
    }

    /** @param largestMapping files up to this size are mapped, larger ones read through a bounded channel */
    static HdfFile open(Path path, long largestMapping) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= largestMapping) {
                // The mapping outlives the channel it came from, so nothing stays open once jHDF is done.
                return HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
            }
        }
        return new HdfFile(new BoundedFileChannel(FileChannel.open(path, StandardOpenOption.READ)));
    }

    /**
     * Closes a file from {@link #open}. A mapping needs no closing. jHDF's own close of a file opened from a channel
     * closes the channel and then fails to log the path it does not know, so the channel is closed directly.
     */
    static void close(HdfFile hdf) {
        if (!hdf.inMemory()) {
            hdf.getHdfBackingStorage().close();
        }
    }
}
