package org.cardiacrnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of a delimited text table, read from its first lines: the delimiter, whether the first line is
 * a header, and how many leading columns hold sample annotations rather than numbers.
 *
 * @param header       the header cells (padded with "" in front when the header lacks the row-name cell), or null
 * @param textColumns  leading columns that are annotations (sample id, donor, day…)
 * @param fieldCount   cells per data row
 */
record DelimitedLayout(char delimiter, List<String> header, int textColumns, int fieldCount) {

    private static final int SNIFF_LINES = 30;
    private static final char[] DELIMITERS = {'\t', ',', ';'};

    /** Header names that mark a leading column as sample annotation even when its values are numbers. */
    private static final Set<String> ANNOTATION_NAMES = Set.of("sample", "samples", "sampleid", "samplename", "id",
            "cell", "cellid", "cellname", "barcode", "barcodes", "day", "days", "time", "timepoint", "hour", "hours",
            "pseudotime", "trajectory", "lineage", "donor", "batch", "group", "label", "celltype", "condition",
            "replicate", "stage", "cluster", "individual", "cellline", "treatment", "sex", "age", "gene", "geneid",
            "genename", "symbol", "feature", "");

    boolean hasHeader() {
        return header != null;
    }

    int numericColumns() {
        return fieldCount - textColumns;
    }

    /** True when a header cell names a sample annotation (or is empty, as R writes a row-name column). */
    static boolean isAnnotationName(String name) {
        return ANNOTATION_NAMES.contains(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    /** Reads the first lines of the file and works out its layout. */
    static DelimitedLayout detect(Path file, Integer forcedTextColumns) {
        List<String> lines = firstLines(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, "the file is empty (no rows to read)");
        }
        char delimiter = detectDelimiter(file, lines);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(split(line, delimiter));
        }
        int fieldCount = rows.size() > 1 ? rows.get(1).size() : rows.get(0).size();
        int dataText = leadingText(rows.subList(rows.size() > 1 ? 1 : 0, rows.size()), fieldCount);
        List<String> first = rows.get(0);
        boolean header = false;
        for (int c = dataText; c < first.size(); c++) {
            if (!isNumberLike(first.get(c))) {
                header = true;
                break;
            }
        }
        if (!header) {
            int text = forcedTextColumns != null ? forcedTextColumns : leadingText(rows, fieldCount);
            return checked(file, new DelimitedLayout(delimiter, null, text, first.size()));
        }
        List<String> names = new ArrayList<>(first);
        if (rows.size() > 1 && names.size() == fieldCount - 1) {
            names.add(0, "");
        }
        if (rows.size() == 1) {
            throw new DataFormatException(file, "the file has a header line but no data rows");
        }
        int text = dataText;
        while (forcedTextColumns == null && text < names.size() - 1 && isAnnotationName(names.get(text))) {
            text++;
        }
        if (forcedTextColumns != null) {
            text = forcedTextColumns;
        }
        return checked(file, new DelimitedLayout(delimiter, names, text, names.size()));
    }

    private static DelimitedLayout checked(Path file, DelimitedLayout layout) {
        if (layout.textColumns < 0 || layout.textColumns >= layout.fieldCount) {
            throw new DataFormatException(file, 1, 0, "no numeric columns found: " + layout.fieldCount
                    + " column(s), " + layout.textColumns + " of them sample annotations");
        }
        return layout;
    }

    private static int leadingText(List<List<String>> rows, int fieldCount) {
        int text = 0;
        while (text < fieldCount - 1) {
            boolean allNumbers = true;
            for (List<String> row : rows) {
                if (text < row.size() && !isNumberLike(row.get(text))) {
                    allNumbers = false;
                    break;
                }
            }
            if (allNumbers) {
                return text;
            }
            text++;
        }
        return text;
    }

    /** "1,5": a decimal comma, as spreadsheets in many locales write (quoted in a comma CSV). */
    static boolean isDecimalComma(String token) {
        return token.matches("[+-]?\\d*,\\d+");
    }

    /** A number, or a token the numeric parser accepts as missing or rejects as infinite. */
    static boolean isNumberLike(String cell) {
        String token = unquote(cell.trim()).toLowerCase(Locale.ROOT);
        if (token.isEmpty() || token.equals("na") || token.equals("nan") || token.equals("n/a")
                || token.equals("null") || token.matches("[+-]?inf(inity)?") || isDecimalComma(token)) {
            return true;
        }
        try {
            Double.parseDouble(token);
            return !token.endsWith("d") && !token.endsWith("f");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static char detectDelimiter(Path file, List<String> lines) {
        char best = 0;
        int bestCount = 0;
        for (char candidate : DELIMITERS) {
            int count = split(lines.get(lines.size() > 1 ? 1 : 0), candidate).size() - 1;
            boolean consistent = count > 0;
            for (int i = 1; i < lines.size() && consistent; i++) {
                consistent = split(lines.get(i), candidate).size() - 1 == count;
            }
            if (consistent && count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        if (best == 0) {
            for (char candidate : DELIMITERS) {
                int count = split(lines.get(0), candidate).size() - 1;
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
        }
        if (best == 0) {
            throw new DataFormatException(file, 1, 0, "no delimiter found: expected values separated by tabs, "
                    + "commas or semicolons");
        }
        return best;
    }

    /** Splits one line on the delimiter, honouring double quotes. */
    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == delimiter && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }

    private static List<String> firstLines(Path file) {
        List<String> lines = new ArrayList<>();
        // Blank lines do not count towards the sniffed ones; a few dozen of them are allowed for.
        for (String line : InputFiles.readLines(file, SNIFF_LINES + 64)) {
            if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank() && lines.size() < SNIFF_LINES) {
                lines.add(line);
            }
        }
        return lines;
    }
}
