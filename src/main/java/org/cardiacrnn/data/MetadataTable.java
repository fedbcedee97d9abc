package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sample annotations from separate files: a keyed metadata table, or a headerless per-sample table. */
final class MetadataTable {

    private MetadataTable() {
    }

    /** Result of joining a metadata table onto the matrix's samples. */
    record Joined(List<SampleMetadata.Column> columns, JoinReport report) {
    }

    /** Reads a CSV/TSV metadata table with a header and aligns its rows to {@code sampleIds}. */
    static Joined join(Path file, List<String> sampleIds, String idColumnName) {
        List<List<String>> rows = readTable(file);
        if (rows.size() < 2) {
            throw new DataFormatException(file, "the metadata table needs a header line and at least one row");
        }
        List<String> header = rows.get(0);
        int idColumn = idColumn(file, header, rows, sampleIds, idColumnName);
        Map<String, Integer> rowById = new HashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<String> unmatchedRows = new ArrayList<>();
        Set<String> samples = new java.util.HashSet<>(sampleIds);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new DataFormatException(file, r + 1, 0, "this row has " + row.size() + " fields but the header "
                        + "has " + header.size());
            }
            String id = row.get(idColumn);
            if (rowById.putIfAbsent(id, r) != null) {
                duplicates.add(id);
            } else if (!samples.contains(id)) {
                unmatchedRows.add(id);
            }
        }
        List<String> withoutMetadata = new ArrayList<>();
        int matched = 0;
        for (String id : sampleIds) {
            if (rowById.containsKey(id)) {
                matched++;
            } else {
                withoutMetadata.add(id);
            }
        }
        if (matched == 0) {
            throw new DataFormatException(file, 0, idColumn + 1, "no metadata row matches a sample: the ids in "
                    + "column \"" + header.get(idColumn) + "\" (e.g. \"" + rows.get(1).get(idColumn)
                    + "\") never equal the "
                    + "matrix's sample ids (e.g. \"" + sampleIds.get(0) + "\")", LoadRemedy.SAMPLE_ID_COLUMN);
        }
        List<SampleMetadata.Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == idColumn) {
                continue;
            }
            List<String> values = new ArrayList<>(sampleIds.size());
            for (String id : sampleIds) {
                Integer r = rowById.get(id);
                values.add(r == null ? "" : rows.get(r).get(c));
            }
            columns.add(SampleMetadata.Column.of(header.get(c), values));
        }
        return new Joined(columns, new JoinReport(header.get(idColumn), matched, withoutMetadata, unmatchedRows,
                List.copyOf(duplicates)));
    }

    private static int idColumn(Path file, List<String> header, List<List<String>> rows, List<String> sampleIds,
                                String requested) {
        if (requested != null) {
            int c = header.indexOf(requested);
            if (c < 0) {
                throw new DataFormatException(file, 1, 0, "no column \"" + requested + "\"; columns are " + header,
                        LoadRemedy.SAMPLE_ID_COLUMN);
            }
            return c;
        }
        Set<String> samples = new java.util.HashSet<>(sampleIds);
        int best = 0;
        int bestMatches = -1;
        for (int c = 0; c < header.size(); c++) {
            int matches = 0;
            for (int r = 1; r < rows.size(); r++) {
                if (c < rows.get(r).size() && samples.contains(rows.get(r).get(c))) {
                    matches++;
                }
            }
            if (matches > bestMatches) {
                best = c;
                bestMatches = matches;
            }
        }
        return best;
    }

    /** Reads a headerless table whose rows follow the matrix's sample order (e.g. hours and pseudotime). */
    static List<SampleMetadata.Column> annotations(Path file, List<String> names, int samples) {
        List<String> lines = InputFiles.readNonBlankLines(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, "the annotation file is empty");
        }
        char delimiter = lines.get(0).indexOf('\t') >= 0 ? '\t' : lines.get(0).indexOf(',') >= 0 ? ',' : ' ';
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(delimiter == ' ' ? List.of(line.trim().split("\\s+")) : DelimitedLayout.split(line, delimiter));
        }
        int width = rows.get(0).size();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != width) {
                throw new DataFormatException(file, r + 1, 0, "this row has " + rows.get(r).size()
                        + " fields but the first has " + width);
            }
        }
        if (rows.size() != samples) {
            throw new DataFormatException(file, "has " + rows.size() + " rows but the matrix has " + samples
                    + " samples (its rows must follow the matrix's sample order)");
        }
        List<String> columnNames = names == null ? Names.generated("annotation", width) : names;
        if (columnNames.size() != width) {
            throw new DataFormatException(file, "has " + width + " columns but " + columnNames.size()
                    + " names were given (" + String.join(",", columnNames) + ")");
        }
        List<SampleMetadata.Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> values = new ArrayList<>(samples);
            for (List<String> row : rows) {
                values.add(row.get(c));
            }
            columns.add(SampleMetadata.Column.of(columnNames.get(c), values));
        }
        return columns;
    }

    /** Commons CSV is not used: DL4J pins commons-io 2.7, which Commons CSV 1.14 cannot run with. */
    private static List<List<String>> readTable(Path file) {
        List<String> lines = InputFiles.readNonBlankLines(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, "the metadata table is empty");
        }
        String first = lines.get(0);
        char delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(';') > first.indexOf(',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>(lines.size());
        for (String line : lines) {
            rows.add(DelimitedLayout.split(line, delimiter));
        }
        return rows;
    }
}
