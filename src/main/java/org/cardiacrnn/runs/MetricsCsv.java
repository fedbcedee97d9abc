package org.cardiacrnn.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code metrics.csv}: a header, then one row per epoch; an empty cell stands for NaN. */
final class MetricsCsv {

    static final String HEADER =
            "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,seconds";
    private static final String[] COLUMNS = HEADER.split(",");

    private MetricsCsv() {
    }

    static String row(EpochMetrics m) {
        return m.epoch() + "," + cell(m.trainLoss()) + "," + cell(m.trainAccuracy()) + ","
                + cell(m.validationLoss()) + "," + cell(m.validationAccuracy()) + "," + cell(m.learningRate())
                + "," + cell(m.seconds());
    }

    /** {@link Double#toString} is locale-free and round-trips exactly. */
    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    static List<EpochMetrics> parse(Path file, List<String> lines) {
        List<EpochMetrics> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        if (!lines.get(0).strip().equals(HEADER)) {
            throw new RunStoreException(file, "line 1: expected the header \"" + HEADER + "\"");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != COLUMNS.length) {
                throw new RunStoreException(file, "line " + (i + 1) + ": expected " + COLUMNS.length
                        + " columns, found " + cells.length);
            }
            double[] values = new double[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                values[c] = number(file, i + 1, c, cells[c]);
            }
            if (Double.isNaN(values[0]) || values[0] != Math.rint(values[0])) {
                throw new RunStoreException(file, "line " + (i + 1) + ", column 1 (epoch): expected a whole "
                        + "number, found \"" + cells[0] + "\"");
            }
            rows.add(new EpochMetrics((int) values[0], values[1], values[2], values[3], values[4], values[5],
                    values[6]));
        }
        return rows;
    }

    private static double number(Path file, int line, int column, String cell) {
        if (cell.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new RunStoreException(file, "line " + line + ", column " + (column + 1) + " (" + COLUMNS[column]
                    + "): \"" + cell + "\" is not a number");
        }
    }
}
