package org.cardiacrnn.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The numbers behind a figure as a table (column names + rows of cells), written as the figure's CSV.
 * Cells are already text so class names and numbers share one row type.
 *
 * @param columns column names, the CSV header
 * @param rows    one list of cells per row, each as long as {@code columns}
 */
public record FigureData(List<String> columns, List<List<String>> rows) {

    public FigureData {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells but there are "
                        + columns.size() + " columns");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** Starts a table with the given column names. */
    public static Builder builder(String... columns) {
        return new Builder(List.of(columns));
    }

    /** Collects rows; numbers are written with {@link Double#toString} precision, NaN as an empty cell. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        /** Adds one row; each cell may be a String or a Number. */
        public Builder row(Object... cells) {
            List<String> row = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                row.add(format(cell));
            }
            rows.add(row);
            return this;
        }

        public FigureData build() {
            return new FigureData(columns, rows);
        }

        private static String format(Object cell) {
            Objects.requireNonNull(cell, "cell");
            if (cell instanceof Double d) {
                return d.isNaN() ? "" : (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                        : d.toString());
            }
            if (cell instanceof Float f) {
                return format(f.doubleValue());
            }
            return cell.toString();
        }
    }
}
