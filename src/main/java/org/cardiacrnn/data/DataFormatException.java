package org.cardiacrnn.data;

import java.nio.file.Path;

import org.cardiacrnn.WorkbenchException;

/**
 * An input file that cannot be read as expression data or metadata. The message names the file and,
 * where known, the 1-based line and column, e.g. {@code counts.csv, line 12, column 7: "abc" is not a number}.
 */
public class DataFormatException extends WorkbenchException {

    private final Path file;
    private final long line;
    private final int column;
    private final LoadRemedy remedy;

    public DataFormatException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, (Throwable) null);
    }

    /** A problem the user fixes through a load setting, which each face names in its own words. */
    public DataFormatException(Path file, long line, int column, String problem, LoadRemedy remedy) {
        super(describe(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.remedy = remedy;
    }

    public DataFormatException(Path file, long line, int column, String problem, Throwable cause) {
        super(describe(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.remedy = null;
    }

    public DataFormatException(Path file, String problem) {
        this(file, 0, 0, problem, (Throwable) null);
    }

    public DataFormatException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String describe(Path file, long line, int column, String problem) {
        StringBuilder where = new StringBuilder(file == null ? "input" : String.valueOf(file.getFileName()));
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        return where + ": " + problem;
    }

    /** The file at fault, or null when the input did not come from a file. */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    /** 1-based column, or 0 when the problem is not tied to a column. */
    public int column() {
        return column;
    }

    /** The setting that fixes this problem, or null when the file itself must change. */
    public LoadRemedy remedy() {
        return remedy;
    }
}
