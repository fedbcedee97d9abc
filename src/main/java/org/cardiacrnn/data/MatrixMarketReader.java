package org.cardiacrnn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a 10x-style folder: {@code matrix.mtx[.gz]} (sparse counts, genes × cells), {@code features.tsv[.gz]}
 * or {@code genes.tsv[.gz]}, and {@code barcodes.tsv[.gz]}. The names and the size line are read when the
 * folder is opened; the entries are parsed from bytes as they stream in (gzip inflated on its own thread).
 */
final class MatrixMarketReader implements CellSource {

    private static final int PROGRESS_EVERY = 1 << 20;

    private final Path mtx;
    private final List<String> genes;
    private final List<String> cells;
    private final List<String> warnings = new ArrayList<>();
    private final InputStream in;
    private final BackgroundInflater inflater;
    private final long fileBytes;
    private long entriesAnnounced;
    private long lineNumber;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private int position;

    private MatrixMarketReader(Path folder) throws IOException {
        mtx = find(folder, "matrix.mtx");
        Path features = Files.exists(folder.resolve("features.tsv")) || Files.exists(folder.resolve("features.tsv.gz"))
                ? find(folder, "features.tsv") : find(folder, "genes.tsv");
        Path barcodes = find(folder, "barcodes.tsv");
        genes = geneNames(features, warnings);
        cells = Names.readFile(barcodes, "barcode");
        fileBytes = Files.size(mtx);
        InputStream raw = new BufferedInputStream(Files.newInputStream(mtx), 1 << 16);
        inflater = InputFiles.isGzip(mtx) ? new BackgroundInflater(raw) : null;
        in = inflater != null ? inflater : raw;
        try {
            readHeader(features, barcodes);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
        warnings.add("orientation GENES_BY_SAMPLES: the Matrix Market format stores genes × cells");
    }

    static MatrixMarketReader open(Path folder) {
        try {
            return new MatrixMarketReader(folder);
        } catch (IOException e) {
            throw InputFiles.failure(folder, 0, e);
        }
    }

    private static Path find(Path folder, String name) {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path file = folder.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataFormatException(folder, "this folder has no " + name + " or " + name + ".gz (a 10x folder holds "
                + "matrix.mtx, features.tsv or genes.tsv, and barcodes.tsv)");
    }

    /** Gene symbols (second column) when they are unique, made unique with the gene id where they are not. */
    private static List<String> geneNames(Path features, List<String> warnings) {
        List<String> ids = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (String line : InputFiles.readNonBlankLines(features)) {
            String[] cells = line.split("\t");
            ids.add(cells[0]);
            symbols.add(cells.length > 1 ? cells[1] : cells[0]);
        }
        if (ids.isEmpty()) {
            throw new DataFormatException(features, "the file is empty (expected one gene per line)");
        }
        return uniqueNames(features, ids, symbols, warnings);
    }

    static List<String> uniqueNames(Path file, List<String> ids, List<String> symbols, List<String> warnings) {
        int duplicateId = Names.firstDuplicate(ids);
        if (duplicateId >= 0) {
            throw new DataFormatException(file, duplicateId + 1, 1, "duplicate gene id \"" + ids.get(duplicateId)
                    + "\"");
        }
        Map<String, Integer> counts = new HashMap<>();
        symbols.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<String> names = new ArrayList<>(symbols.size());
        int renamed = 0;
        for (int i = 0; i < symbols.size(); i++) {
            boolean shared = counts.get(symbols.get(i)) > 1;
            names.add(shared ? symbols.get(i) + "|" + ids.get(i) : symbols.get(i));
            renamed += shared ? 1 : 0;
        }
        if (renamed > 0) {
            warnings.add(renamed + " gene symbol(s) occur more than once; they are named SYMBOL|gene-id");
        }
        return names;
    }

    private void readHeader(Path features, Path barcodes) throws IOException {
        String line = readLine();
        if (line == null) {
            throw new DataFormatException(mtx, "the file is empty");
        }
        if (!line.startsWith("%%MatrixMarket matrix coordinate")) {
            throw new DataFormatException(mtx, 1, 0, "not a Matrix Market coordinate file (the first line should "
                    + "start with \"%%MatrixMarket matrix coordinate\")");
        }
        if (line.contains("complex") || line.contains("pattern")) {
            throw new DataFormatException(mtx, 1, 0, "only integer or real matrices are supported");
        }
        do {
            line = readLine();
        } while (line != null && (line.startsWith("%") || line.isBlank()));
        if (line == null) {
            throw new DataFormatException(mtx, lineNumber, 0, "the size line (rows columns entries) is missing");
        }
        long[] size = numbers(line);
        if (size[0] != genes.size() || size[1] != cells.size()) {
            throw new DataFormatException(mtx, lineNumber, 0, "the matrix is " + size[0] + " genes × " + size[1]
                    + " cells, but " + features.getFileName() + " lists " + genes.size() + " genes and "
                    + barcodes.getFileName() + " lists " + cells.size() + " barcodes");
        }
        entriesAnnounced = size[2];
    }

    private long[] numbers(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new DataFormatException(mtx, lineNumber, 0, "expected 3 whole numbers, found \"" + text + "\"");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                numbers[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new DataFormatException(mtx, lineNumber, i + 1, "\"" + parts[i] + "\" is not a whole number");
            }
        }
        return numbers;
    }

    private boolean fill() throws IOException {
        length = in.read(buffer, 0, buffer.length);
        position = 0;
        return length > 0;
    }

    /** One header line, as text; the entries below are parsed from bytes without making strings. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position >= length && !fill()) {
                if (line.length() == 0) {
                    return null;
                }
                lineNumber++;
                return line.toString();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                lineNumber++;
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    @Override
    public List<String> cellIds() {
        return cells;
    }

    @Override
    public List<String> geneNames() {
        return genes;
    }

    @Override
    public Map<String, List<String>> cellColumns() {
        return Map.of();
    }

    @Override
    public String format() {
        return "10x Matrix Market folder";
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void stream(CellSink sink, LoadProgress progress) {
        long entries = 0;
        long[] fields = new long[2];
        try {
            while (true) {
                int c = next();
                if (c < 0) {
                    break;
                }
                if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                    lineNumber += c == '\n' ? 1 : 0;
                    continue;
                }
                position--;
                long entryLine = lineNumber + 1;
                for (int f = 0; f < 2; f++) {
                    fields[f] = wholeNumber(entryLine, f + 1);
                }
                float value = value(entryLine);
                if (fields[0] < 1 || fields[0] > genes.size() || fields[1] < 1 || fields[1] > cells.size()) {
                    throw new DataFormatException(mtx, entryLine, 0, "entry (" + fields[0] + ", " + fields[1]
                            + ") is outside the " + genes.size() + " × " + cells.size() + " matrix");
                }
                sink.add((int) (fields[1] - 1), (int) (fields[0] - 1), value);
                entries++;
                if ((entries & (PROGRESS_EVERY - 1)) == 0) {
                    CellSource.checkCancelled();
                    long bytes = inflater != null ? inflater.compressedBytesRead() : (long) entries * fileBytes
                            / Math.max(1, entriesAnnounced);
                    progress.progress(Math.min(cells.size(), cells.size() * bytes / Math.max(1, fileBytes)),
                            cells.size(), bytes);
                }
            }
        } catch (java.io.InterruptedIOException e) {
            throw new java.util.concurrent.CancellationException("reading was cancelled");
        } catch (IOException e) {
            throw InputFiles.failure(mtx, lineNumber + 1, e);
        }
        if (entries != entriesAnnounced) {
            throw new DataFormatException(mtx, lineNumber, 0, "the size line announces " + entriesAnnounced
                    + " entries but the file holds " + entries + " (truncated file?)");
        }
        progress.progress(cells.size(), cells.size(), fileBytes);
    }

    private int next() throws IOException {
        if (position >= length && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private long wholeNumber(long line, int column) throws IOException {
        int c = next();
        while (c == ' ' || c == '\t') {
            c = next();
        }
        if (c < '0' || c > '9') {
            throw new DataFormatException(mtx, line, column, "expected \"gene cell value\" with whole-number "
                    + "positions, found " + describe(c));
        }
        long number = 0;
        while (c >= '0' && c <= '9') {
            number = number * 10 + (c - '0');
            c = next();
        }
        if (c != ' ' && c != '\t') {
            throw new DataFormatException(mtx, line, column, "expected \"gene cell value\", the line ends early or "
                    + "holds " + describe(c));
        }
        return number;
    }

    private float value(long line) throws IOException {
        int c = next();
        while (c == ' ' || c == '\t') {
            c = next();
        }
        long whole = 0;
        int digits = 0;
        StringBuilder text = null;
        while (c >= 0 && c != '\n' && c != '\r' && c != ' ' && c != '\t') {
            if (text == null && c >= '0' && c <= '9' && digits < 18) {
                whole = whole * 10 + (c - '0');
                digits++;
            } else {
                if (text == null) {
                    text = new StringBuilder(digits == 0 ? "" : Long.toString(whole));
                }
                text.append((char) c);
            }
            c = next();
        }
        if (c == '\n') {
            lineNumber++;
        }
        if (text == null) {
            if (digits == 0) {
                throw new DataFormatException(mtx, line, 3, "the value is missing");
            }
            return whole;
        }
        try {
            return Float.parseFloat(text.toString());
        } catch (NumberFormatException e) {
            throw new DataFormatException(mtx, line, 3, "\"" + text + "\" is not a number");
        }
    }

    private static String describe(int c) {
        return c < 0 ? "the end of the file" : c == '\n' || c == '\r' ? "the end of the line" : "\"" + (char) c + "\"";
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failure to close a file that was read changes nothing
        }
    }
}
