package org.cardiacrnn.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening input files: gzip is recognised from its magic bytes, never from the file name. */
final class InputFiles {

    static final int BUFFER_BYTES = 1 << 16;
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private InputFiles() {
    }

    /** A buffered stream of the file's content, decompressed when it starts with the gzip magic bytes. */
    static InputStream open(Path file) {
        requireReadableFile(file);
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
            if (isGzip(file)) {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
            }
            return raw;
        } catch (IOException e) {
            throw failure(file, 0, e);
        }
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DataFormatException(file, "file not found (" + file.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "is a folder, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw new DataFormatException(file, "cannot be read (check its permissions)");
        }
    }

    static boolean isGzip(Path file) {
        byte[] head = head(file, 2);
        return head.length == 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    }

    static boolean isHdf5(Path file) {
        return java.util.Arrays.equals(head(file, HDF5_MAGIC.length), HDF5_MAGIC);
    }

    private static byte[] head(Path file, int length) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw failure(file, 0, e);
        }
    }

    /** All lines of a small text file (gzip allowed), without line terminators. */
    static List<String> readLines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw failure(file, lines.size() + 1L, e);
        }
        return lines;
    }

    /** Lines of a small file with blank lines dropped and the byte-order mark removed. */
    static List<String> readNonBlankLines(Path file) {
        List<String> lines = new ArrayList<>();
        for (String line : readLines(file)) {
            String text = lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (!text.isBlank()) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** Turns an I/O failure into a message a researcher can act on. */
    static DataFormatException failure(Path file, long line, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataFormatException(file, "file not found", e);
        }
        if (e instanceof EOFException) {
            return new DataFormatException(file, line, 0,
                    "the compressed (gzip) file is truncated: it ends before its data does", e);
        }
        if (e instanceof ZipException) {
            return new DataFormatException(file, line, 0, "the compressed (gzip) data is damaged: " + e.getMessage(),
                    e);
        }
        return new DataFormatException(file, line, 0, "could not be read: " + e.getMessage(), e);
    }
}
