package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Mutual exclusion between processes, possibly on different nodes, that share one sweep folder. The lock is a
 * directory: creating a directory is atomic on every file system a cluster shares, NFS included, where
 * {@code FileChannel} locks are not reliable. It is held only while trials.json is read, changed and written
 * (milliseconds), so a lock older than {@link #STALE} was left by a process that died holding it and is broken.
 */
final class SweepLock implements AutoCloseable {

    static final String NAME = "lock";
    static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Path directory;

    private SweepLock(Path directory) {
        this.directory = directory;
    }

    /** Waits for the lock of the sweep in {@code sweepDirectory}. */
    static SweepLock acquire(Path sweepDirectory) {
        Path lock = sweepDirectory.resolve(NAME);
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                Files.createDirectory(lock);
                Files.writeString(lock.resolve("owner"), ProcessHandle.current().pid() + "\n",
                        StandardCharsets.UTF_8);
                return new SweepLock(lock);
            } catch (FileAlreadyExistsException held) {
                breakIfStale(lock);
            } catch (IOException failure) {
                throw new SweepException(lock + ": cannot take the sweep's lock (" + failure.getMessage() + ")",
                        failure);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new SweepException(lock + ": another process has held the sweep's lock for over "
                        + PATIENCE.toMinutes() + " minutes; if none runs, delete this folder");
            }
            pause();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(directory.resolve("owner"));
            Files.deleteIfExists(directory);
        } catch (IOException failure) {
            throw new SweepException(directory + ": cannot release the sweep's lock (" + failure.getMessage() + ")",
                    failure);
        }
    }

    private static void breakIfStale(Path lock) {
        try {
            FileTime since = Files.getLastModifiedTime(lock);
            if (since.toInstant().plus(STALE).isAfter(Instant.now())) {
                return;
            }
            // Renaming is atomic, so of several processes that find the same stale lock only one removes it.
            Path aside = lock.resolveSibling(NAME + ".stale-" + UUID.randomUUID());
            Files.move(lock, aside);
            try (Stream<Path> files = Files.list(aside)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(aside);
        } catch (NoSuchFileException released) {
            // Released or broken by another process meanwhile: simply try again.
        } catch (IOException failure) {
            throw new SweepException(lock + ": cannot break a stale sweep lock (" + failure.getMessage() + ")",
                    failure);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 60));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while waiting for the sweep's lock", interrupted);
        }
    }
}
