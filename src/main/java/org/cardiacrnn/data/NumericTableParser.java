package org.cardiacrnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Byte-level parser of a delimited table's body: each row holds a fixed number of leading text cells
 * (sample id, donor, …) and then numbers. It avoids a String per number, which is what makes loading a
 * 275 MB table take seconds rather than tens of seconds. Missing values (empty, NA, NaN) become NaN and are
 * counted; infinite values and text in a numeric cell are errors naming the line and column.
 */
final class NumericTableParser {

    /** What was read: numbers row-major as in the file, the leading text cells by column, and each row's line. */
    record Body(int rows, int numericColumns, float[] values, List<List<String>> textColumns, int[] lineNumbers,
                long missingCount, long firstMissingLine, int firstMissingColumn) {
    }

    private static final ThreadLocal<CharsetDecoder> STRICT_UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private final Path file;
    private final byte delimiter;
    private final int skipLines;
    private final int textColumns;
    private final int numericColumns;
    private final FloatStore store;
    private final List<List<String>> text = new ArrayList<>();
    private int[] lineNumbers = new int[1024];
    private int rows;
    private byte[] buf = new byte[1 << 20];
    private long line;
    private int skipped;
    private long missing;
    private long firstMissingLine;
    private int firstMissingColumn;

    private NumericTableParser(Path file, char delimiter, int skipLines, int textColumns, int numericColumns,
                               long rowHint) {
        this.file = file;
        this.delimiter = (byte) delimiter;
        this.skipLines = skipLines;
        this.textColumns = textColumns;
        this.numericColumns = numericColumns;
        this.store = new FloatStore(rowHint > 0 ? rowHint * numericColumns : -1);
        for (int c = 0; c < textColumns; c++) {
            text.add(new ArrayList<>());
        }
    }

    /**
     * Parses the stream to its end.
     *
     * @param rowHint the exact number of data rows when known (lets the parser fill one array), else -1
     */
    static Body parse(InputStream in, Path file, char delimiter, int skipLines, int textColumns, int numericColumns,
                      long rowHint) {
        NumericTableParser parser = new NumericTableParser(file, delimiter, skipLines, textColumns, numericColumns,
                rowHint);
        parser.run(in);
        return new Body(parser.rows, numericColumns, parser.store.toArray(), parser.text,
                Arrays.copyOf(parser.lineNumbers, parser.rows), parser.missing, parser.firstMissingLine,
                parser.firstMissingColumn);
    }

    private void run(InputStream in) {
        int pos = 0;
        int limit = 0;
        int scanFrom = 0;
        boolean eof = false;
        try {
            while (true) {
                int newline = -1;
                for (int i = scanFrom; i < limit; i++) {
                    if (buf[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                if (newline >= 0) {
                    parseLine(pos, newline);
                    pos = newline + 1;
                    scanFrom = pos;
                    continue;
                }
                if (eof) {
                    if (pos < limit) {
                        parseLine(pos, limit);
                    }
                    return;
                }
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                scanFrom = limit;
                if (limit == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int read = in.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    eof = true;
                } else {
                    limit += read;
                }
            }
        } catch (IOException e) {
            throw InputFiles.failure(file, line + 1, e);
        }
    }

    private void parseLine(int start, int end) {
        line++;
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        if (line == 1 && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
                && buf[start + 2] == (byte) 0xBF) {
            start += 3;
        }
        if (isBlank(start, end)) {
            return;
        }
        if (skipped < skipLines) {
            skipped++;
            return;
        }
        if (store.size() + numericColumns > FloatStore.MAX_ARRAY) {
            throw new DataFormatException(file, line, 0, "the matrix has more than "
                    + FloatStore.MAX_ARRAY + " values, too many to hold in memory as one table");
        }
        int p = start;
        for (int c = 0; c < textColumns; c++) {
            if (p > end) {
                throw ragged(start, end);
            }
            p = readText(p, end, c);
        }
        for (int j = 0; j < numericColumns; j++) {
            if (p > end) {
                throw ragged(start, end);
            }
            int q = cellEnd(p, end);
            store.add(number(p, q, textColumns + j + 1));
            p = q + 1;
        }
        if (p <= end) {
            throw ragged(start, end);
        }
        if (rows == lineNumbers.length) {
            lineNumbers = Arrays.copyOf(lineNumbers, rows * 2);
        }
        lineNumbers[rows++] = (int) Math.min(line, Integer.MAX_VALUE);
    }

    /** Where the cell starting at {@code p} ends: the next delimiter outside double quotes. */
    private int cellEnd(int p, int end) {
        int q = p;
        while (q < end && buf[q] == ' ') {
            q++;
        }
        if (q < end && buf[q] == '"') {
            q++;
            while (q < end && buf[q] != '"') {
                q++;
            }
        }
        while (q < end && buf[q] != delimiter) {
            q++;
        }
        return q;
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Reads one text cell (quotes allowed) and returns the position after its delimiter. */
    private int readText(int p, int end, int column) {
        String value;
        int next;
        if (p < end && buf[p] == '"') {
            StringBuilder quoted = new StringBuilder();
            int i = p + 1;
            while (i < end) {
                if (buf[i] == '"' && i + 1 < end && buf[i + 1] == '"') {
                    quoted.append('"');
                    i += 2;
                } else if (buf[i] == '"') {
                    break;
                } else {
                    int from = i;
                    while (i < end && buf[i] != '"') {
                        i++;
                    }
                    quoted.append(utf8(from, i));
                }
            }
            value = quoted.toString();
            next = i + 1;
            while (next < end && buf[next] != delimiter) {
                next++;
            }
        } else {
            next = p;
            while (next < end && buf[next] != delimiter) {
                next++;
            }
            value = utf8(p, next).trim();
        }
        text.get(column).add(value);
        return next + 1;
    }

    private String utf8(int from, int to) {
        try {
            return STRICT_UTF8.get().decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw InputFiles.notUtf8(file, line, notUtf8);
        }
    }

    private float number(int p, int q, int column) {
        while (p < q && buf[p] == ' ') {
            p++;
        }
        while (q > p && buf[q - 1] == ' ') {
            q--;
        }
        if (q - p >= 2 && buf[p] == '"' && buf[q - 1] == '"') {
            p++;
            q--;
            return quotedNumber(new String(buf, p, q - p, StandardCharsets.ISO_8859_1), column);
        }
        if (p == q) {
            return missingAt(column);
        }
        float fast = DecimalBytes.parseExact(buf, p, q);
        if (!Float.isNaN(fast)) {
            return fast;
        }
        return slowNumber(new String(buf, p, q - p, StandardCharsets.UTF_8), column);
    }

    /** A quoted cell may hold a decimal comma ("1,5"): that is why a spreadsheet quoted it in a comma CSV. */
    private float quotedNumber(String token, int column) {
        String trimmed = token.trim();
        if (trimmed.isEmpty()) {
            return missingAt(column);
        }
        return slowNumber(trimmed, column);
    }

    private float slowNumber(String token, int column) {
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("na") || lower.equals("nan") || lower.equals("n/a") || lower.equals("null")) {
            return missingAt(column);
        }
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            throw new DataFormatException(file, line, column, "infinite value \"" + token + "\": expression values "
                    + "must be finite (an infinity usually comes from log(0) upstream; write NA for a missing value)");
        }
        float value;
        try {
            value = Float.parseFloat(DelimitedLayout.isDecimalComma(token) ? token.replace(',', '.') : token);
        } catch (NumberFormatException notNumber) {
            throw new DataFormatException(file, line, column, "\"" + token + "\" is not a number (text in a numeric "
                    + "cell)");
        }
        if (Float.isNaN(value)) {
            return missingAt(column);
        }
        if (Float.isInfinite(value)) {
            throw new DataFormatException(file, line, column, "\"" + token + "\" is too large for a float32 value");
        }
        return value;
    }

    private float missingAt(int column) {
        if (missing++ == 0) {
            firstMissingLine = line;
            firstMissingColumn = column;
        }
        return Float.NaN;
    }

    private DataFormatException ragged(int start, int end) {
        int fields = 1;
        for (int i = start; i < end; i++) {
            if (buf[i] == delimiter) {
                fields++;
            }
        }
        return new DataFormatException(file, line, 0, "this row has " + fields + " fields but the table has "
                + (textColumns + numericColumns) + " (ragged rows, or a wrong delimiter)");
    }
}
