package org.cardiacrnn.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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

    static DataFormatException notUtf8(Path file, long line, Exception cause) {
        return new DataFormatException(file, line, 0, "this line is not UTF-8 text (was the file saved as "
                + "Windows-1252 or Latin-1, e.g. by Excel?); save it as UTF-8 and load it again", cause);
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
        return readLines(file, Integer.MAX_VALUE);
    }

    /**
     * The first {@code maxLines} lines (LF, CRLF or CR ends), each decoded as UTF-8 on its own so that text in
     * another encoding is reported with its exact line.
     */
    static List<String> readLines(Path file, int maxLines) {
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = open(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            int b;
            while (lines.size() < maxLines && (b = in.read()) >= 0) {
                if (b == '\n' && previous == '\r') {
                    previous = b;
                    continue;
                }
                if (b == '\n' || b == '\r') {
                    lines.add(decode(decoder, line, file, lines.size() + 1L));
                    line.reset();
                } else {
                    line.write(b);
                }
                previous = b;
            }
            if (line.size() > 0 && lines.size() < maxLines) {
                lines.add(decode(decoder, line, file, lines.size() + 1L));
            }
        } catch (IOException e) {
            throw failure(file, lines.size() + 1L, e);
        }
        return lines;
    }

    private static String decode(CharsetDecoder decoder, ByteArrayOutputStream line, Path file, long number) {
        try {
            return decoder.decode(ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw notUtf8(file, number, notUtf8);
        }
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

    /**
     * A reader that refuses bytes that are not UTF-8 rather than turning them into U+FFFD: the workbench reads
     * text as UTF-8 (ASCII included) and names the line of any other encoding, so a Windows-1252 label never
     * becomes a different class name unnoticed.
     */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Turns an I/O failure into a message a researcher can act on. */
    static DataFormatException failure(Path file, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return notUtf8(file, line, e);
        }
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
