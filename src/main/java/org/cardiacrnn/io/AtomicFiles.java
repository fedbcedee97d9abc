package org.cardiacrnn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole-file writes that a reader sees either before or after, never half done: the bytes go to a
 * temporary file in the same folder (so the move stays on one file system), which then replaces the
 * target. Every file the workbench writes for the user goes through here. Callers turn the
 * {@link IOException} into their own stage's message.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so listings and clean-up can recognise them. */
    public static final String TEMP_PREFIX = ".tmp-";

    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (UTF-8). */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with what {@code content} writes. On failure the temporary file is removed,
     * the old target (if any) is untouched, and the failure is rethrown (checked ones as IOException).
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, TEMP_PREFIX + absolute.getFileName() + "-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            readableLikeAnySavedFile(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error failure) {
            deleteQuietly(temp);
            throw failure;
        } catch (Exception failure) {
            deleteQuietly(temp);
            throw new IOException(failure.getMessage(), failure);
        }
    }

    /** A plain-language reason for a failed write, for messages to the user. */
    public static String describe(Exception failure) {
        if (failure instanceof java.nio.file.FileSystemException fileSystem) {
            String reason = fileSystem.getReason();
            return reason == null ? "cannot create or write " + fileSystem.getFile()
                    : reason + " (" + fileSystem.getFile() + ")";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Temporary files are created owner-only; the user's results should be as readable as any saved file. */
    private static void readableLikeAnySavedFile(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that failure is the one worth reporting.
        }
    }
}
