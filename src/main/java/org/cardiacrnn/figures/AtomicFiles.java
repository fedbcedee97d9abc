package org.cardiacrnn.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file through a temporary sibling and a rename, so a reader never sees half a figure. */
final class AtomicFiles {

    /** Writes the content of one file to a stream. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            readableByOthers(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Exception e) {
            deleteQuietly(temp);
            throw new FigureException(absolute, "Could not write the figure file " + absolute + ": "
                    + describe(e), e);
        }
    }

    /** Temporary files are created owner-only; a figure should be as readable as any file the user saves. */
    private static void readableByOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason();
            return (reason == null ? "cannot create or write " + fs.getFile() : reason + " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; a leftover hidden temp file is harmless.
        }
    }
}
