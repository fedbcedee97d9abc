package org.cardiacrnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a 10x-style folder: {@code matrix.mtx[.gz]} (sparse counts, genes × cells), {@code features.tsv[.gz]}
 * or {@code genes.tsv[.gz]}, and {@code barcodes.tsv[.gz]}, into a dense cells × genes matrix.
 */
final class MatrixMarketReader {

    private MatrixMarketReader() {
    }

    static MatrixRead read(Path folder) {
        Path mtx = find(folder, "matrix.mtx");
        Path features = Files.exists(folder.resolve("features.tsv")) || Files.exists(folder.resolve("features.tsv.gz"))
                ? find(folder, "features.tsv") : find(folder, "genes.tsv");
        Path barcodes = find(folder, "barcodes.tsv");
        List<String> warnings = new ArrayList<>();
        List<String> genes = geneNames(features, warnings);
        List<String> cells = Names.readFile(barcodes, "barcode");
        float[] values = readCounts(mtx, genes.size(), cells.size(), features, barcodes);
        warnings.add("orientation GENES_BY_SAMPLES: the Matrix Market format stores genes × cells");
        return new MatrixRead(new ExpressionMatrix(values, cells, genes), List.of(), Orientation.GENES_BY_SAMPLES,
                false, "10x Matrix Market folder", warnings);
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
        int duplicateId = Names.firstDuplicate(ids);
        if (duplicateId >= 0) {
            throw new DataFormatException(features, duplicateId + 1, 1, "duplicate gene id \"" + ids.get(duplicateId)
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

    private static float[] readCounts(Path mtx, int genes, int cells, Path features, Path barcodes) {
        long lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(InputFiles.open(mtx), StandardCharsets.US_ASCII), 1 << 16)) {
            String line = reader.readLine();
            lineNumber++;
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
                line = reader.readLine();
                lineNumber++;
            } while (line != null && (line.startsWith("%") || line.isBlank()));
            if (line == null) {
                throw new DataFormatException(mtx, lineNumber, 0, "the size line (rows columns entries) is missing");
            }
            long[] size = numbers(mtx, lineNumber, line, 3);
            if (size[0] != genes || size[1] != cells) {
                throw new DataFormatException(mtx, lineNumber, 0, "the matrix is " + size[0] + " genes × " + size[1]
                        + " cells, but " + features.getFileName() + " lists " + genes + " genes and "
                        + barcodes.getFileName() + " lists " + cells + " barcodes");
            }
            if ((long) genes * cells > FloatStore.MAX_ARRAY) {
                throw new DataFormatException(mtx, "the dense matrix would hold " + (long) genes * cells
                        + " values, too many to hold in memory as one table");
            }
            float[] values = new float[genes * cells];
            long entries = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cellsOfLine = line.trim().split("\\s+");
                if (cellsOfLine.length != 3) {
                    throw new DataFormatException(mtx, lineNumber, 0, "expected \"gene cell value\", found \""
                            + line + "\"");
                }
                long[] ij = numbers(mtx, lineNumber, cellsOfLine[0] + " " + cellsOfLine[1], 2);
                if (ij[0] < 1 || ij[0] > genes || ij[1] < 1 || ij[1] > cells) {
                    throw new DataFormatException(mtx, lineNumber, 0, "entry (" + ij[0] + ", " + ij[1]
                            + ") is outside the " + genes + " × " + cells + " matrix");
                }
                float value;
                try {
                    value = Float.parseFloat(cellsOfLine[2]);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(mtx, lineNumber, 3, "\"" + cellsOfLine[2] + "\" is not a number");
                }
                values[(int) (ij[1] - 1) * genes + (int) (ij[0] - 1)] = value;
                entries++;
            }
            if (entries != size[2]) {
                throw new DataFormatException(mtx, lineNumber, 0, "the size line announces " + size[2]
                        + " entries but the file holds " + entries + " (truncated file?)");
            }
            return values;
        } catch (IOException e) {
            throw InputFiles.failure(mtx, lineNumber + 1, e);
        }
    }

    private static long[] numbers(Path file, long line, String text, int count) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != count) {
            throw new DataFormatException(file, line, 0, "expected " + count + " whole numbers, found \"" + text
                    + "\"");
        }
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            try {
                numbers[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, line, i + 1, "\"" + parts[i] + "\" is not a whole number");
            }
        }
        return numbers;
    }
}
