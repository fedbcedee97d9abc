package org.cardiacrnn.interpret;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.io.AtomicFiles;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes embeddings as CSV (ids, then one column per unit) or as {@code .npy} (float32, {@code [n, units]} or
 * {@code [n, time, units]}) with a sidecar {@code NAME.rows.csv} holding the ids of each row, which NumPy,
 * PyTorch and PyTorch Geometric users load directly.
 */
public final class EmbeddingFiles {

    /** What identifies one sequence (a row of the output). */
    public record RowId(String group, String className, String firstSample, String lastSample) {
    }

    private EmbeddingFiles() {
    }

    /** The sidecar of an {@code .npy} file. */
    public static Path rowsFile(Path npy) {
        String name = npy.getFileName().toString();
        return npy.resolveSibling(name.substring(0, name.length() - ".npy".length()) + ".rows.csv");
    }

    public static boolean isNpy(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /**
     * @param values    [n][1][units] for pooled embeddings or [n][time][units] per step
     * @param perStep   whether the middle axis is time (then CSV rows are per sequence and step)
     * @param overwrite whether existing files may be replaced
     * @return the files written
     */
    public static List<Path> write(Path file, List<RowId> ids, float[][][] values, boolean perStep,
                                   boolean overwrite) {
        List<Path> targets = isNpy(file) ? List.of(file, rowsFile(file)) : List.of(file);
        for (Path target : targets) {
            if (!overwrite && Files.exists(target)) {
                throw new WorkbenchException(target + ": already exists; choose another name or allow overwriting");
            }
        }
        try {
            if (isNpy(file)) {
                int n = values.length;
                int steps = n == 0 ? 0 : values[0].length;
                int units = n == 0 || steps == 0 ? 0 : values[0][0].length;
                float[] flat = new float[n * steps * units];
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(values[i][t], 0, flat, (i * steps + t) * units, units);
                    }
                }
                long[] shape = perStep ? new long[] {n, steps, units} : new long[] {n, units};
                var array = Nd4j.create(flat, shape, org.nd4j.linalg.api.buffer.DataType.FLOAT);
                AtomicFiles.write(file, out -> Nd4j.writeAsNumpy(array, out));
                AtomicFiles.writeString(rowsFile(file), csv(ids, null, false));
            } else {
                AtomicFiles.writeString(file, csv(ids, values, perStep));
            }
        } catch (IOException failure) {
            throw new WorkbenchException(file + ": the embeddings cannot be written (" + AtomicFiles.describe(failure)
                    + ")", failure);
        }
        return targets;
    }

    /** Ids alone ({@code values} null: the sidecar) or ids then units, per sequence or per sequence and step. */
    private static String csv(List<RowId> ids, float[][][] values, boolean perStep) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            List<String> header = new ArrayList<>(List.of("row", "group", "class", "first_sample", "last_sample"));
            if (perStep) {
                header.add("step");
            }
            int units = values == null || values.length == 0 || values[0].length == 0 ? 0 : values[0][0].length;
            for (int u = 1; u <= units; u++) {
                header.add("e" + u);
            }
            printer.printRecord(header);
            for (int i = 0; i < ids.size(); i++) {
                RowId id = ids.get(i);
                int rows = values == null || !perStep ? 1 : values[i].length;
                for (int t = 0; t < rows; t++) {
                    List<Object> record = new ArrayList<>(List.of(i, id.group(), id.className(), id.firstSample(),
                            id.lastSample()));
                    if (perStep) {
                        record.add(t + 1);
                    }
                    if (values != null) {
                        for (float v : values[i][t]) {
                            record.add(String.format(Locale.ROOT, "%.6g", v));
                        }
                    }
                    printer.printRecord(record);
                }
            }
        }
        return text.toString();
    }
}
