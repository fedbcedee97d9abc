package org.cardiacrnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A text matrix as the readers need it: a regular file they can read more than once, with LF line ends. A pipe,
 * {@code /dev/stdin} or {@code -} is read once into a temporary file; text whose lines end in CR alone (old
 * Mac exports) is copied with LF ends. Binary input is refused before any of its bytes could reach a message.
 */
final class TextSources {

    /** The name that stands for standard input. */
    static final String STANDARD_INPUT = "-";
    private static final int SNIFF_BYTES = 1 << 16;

    private TextSources() {
    }

    /** The readable copy (or the file itself) and, when a copy was made, the folder to delete afterwards. */
    record Local(Path path, Path temporaryFolder) implements AutoCloseable {
        @Override
        public void close() {
            if (temporaryFolder == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(temporaryFolder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // A leftover in the temporary folder harms nothing; the load itself succeeded or failed already.
            }
        }
    }

    static boolean isStandardInput(Path path) {
        return path.toString().equals(STANDARD_INPUT);
    }

    /** True for what must be read once, as a stream: standard input, a pipe, a device. */
    static boolean isStream(Path path) {
        return isStandardInput(path) || Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    /** Copies a stream into a temporary file named like the original, so messages still name it. */
    static Local spool(Path path) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("cardiac-rnn-input");
            Path copy = folder.resolve(isStandardInput(path) ? "stdin" : String.valueOf(path.getFileName()));
            try (InputStream in = isStandardInput(path) ? System.in : Files.newInputStream(path)) {
                Files.copy(in, copy);
            }
            return new Local(copy, folder);
        } catch (IOException e) {
            new Local(null, folder).close();
            throw InputFiles.failure(path, 0, e);
        }
    }

    /**
     * Refuses binary data and converts CR-only line ends; {@code local} is a regular file (gzip allowed).
     * Returns {@code local} itself when nothing needed changing.
     */
    static Local textMatrix(Path original, Local local) {
        byte[] head;
        try (InputStream in = InputFiles.open(local.path())) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException damaged) {
            // A truncated or damaged gzip: the table parser reports it with the line it reached.
            return local;
        }
        if (looksBinary(head)) {
            local.close();
            throw new DataFormatException(original, "not a text matrix: it holds binary data (expected CSV or TSV "
                    + "text, gzip allowed, a 10x folder or an .h5ad file)");
        }
        if (!crOnly(head)) {
            return local;
        }
        try {
            Path folder = local.temporaryFolder() != null ? local.temporaryFolder()
                    : Files.createTempDirectory("cardiac-rnn-input");
            Path converted = Files.createDirectories(folder.resolve("lf")).resolve(local.path().getFileName());
            try (InputStream in = InputFiles.open(local.path()); OutputStream out = Files.newOutputStream(converted)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\r') {
                            buffer[i] = '\n';
                        }
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new Local(converted, folder);
        } catch (IOException e) {
            local.close();
            throw InputFiles.failure(original, 0, e);
        }
    }

    /** NUL bytes, or many control characters, never occur in a delimited text table. */
    static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 20;
    }

    private static boolean crOnly(byte[] head) {
        boolean cr = false;
        for (byte b : head) {
            if (b == '\n') {
                return false;
            }
            cr |= b == '\r';
        }
        return cr;
    }
}
