package org.cardiacrnn.runs;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.MetadataColumns;
import org.cardiacrnn.evaluation.Predictor;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.PredictionCharts;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.SequenceConfig;
import org.cardiacrnn.sequences.SequenceDataset;

/**
 * A trained run's predictions on new data, labelled or not: one row per sequence. For the time-course builder
 * each row also holds the probabilities after each time point, so a user sees how early the fate is called.
 *
 * @param stepTimes the time of each step of a time course (empty for sliding windows)
 */
public record Predictions(List<String> classNames, boolean labelled, List<Row> rows, List<Double> stepTimes,
                          List<String> notes) {

    /**
     * One sequence's prediction.
     *
     * @param trueClass          the label in the file, or null when the file has none
     * @param probabilitiesByStep for a time course, the probabilities from the first k steps, k = 1..T; else empty
     */
    public record Row(String group, double firstTime, double lastTime, int samples, String firstSample,
                      String lastSample, String trueClass, float[] probabilities, String predictedClass,
                      boolean genesPartlyMissing, List<float[]> probabilitiesByStep) {
    }

    public Predictions {
        classNames = List.copyOf(classNames);
        rows = List.copyOf(rows);
        stepTimes = List.copyOf(stepTimes);
        notes = List.copyOf(notes);
    }

    /** Predicts every sequence of {@code data}, built as the run built its training data. */
    public static Predictions of(SavedRun run, ExpressionData data, String groupColumn) {
        NewDataSequences sequences = run.sequences(data, groupColumn);
        return of(run.model(), sequences, data, run.config().preparation().sequences());
    }

    static Predictions of(Predictor model, NewDataSequences sequences, ExpressionData data, SequenceConfig config) {
        SequenceDataset dataset = sequences.dataset();
        List<String> classes = dataset.classNames();
        float[][] probabilities = model.predictProbabilities(dataset);
        boolean timeCourse = config.builder() == SequenceConfig.Builder.TIME_COURSE;
        List<float[][]> byStep = new ArrayList<>();
        if (timeCourse) {
            for (int k = 1; k <= dataset.timeSteps(); k++) {
                byStep.add(k == dataset.timeSteps() ? probabilities : model.predictProbabilities(dataset.prefix(k)));
            }
        }
        double[] times = MetadataColumns.requireNumeric(data.metadata(), config.timeColumn(), null);
        TreeSet<Double> union = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
        List<String> ids = data.matrix().sampleIds();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            int[] source = dataset.sourceRows(i);
            double first = Double.POSITIVE_INFINITY;
            double last = Double.NEGATIVE_INFINITY;
            for (int row : source) {
                first = Math.min(first, times[row]);
                last = Math.max(last, times[row]);
                union.add(times[row]);
            }
            List<float[]> steps = new ArrayList<>();
            for (float[][] step : byStep) {
                steps.add(step[i]);
            }
            rows.add(new Row(dataset.groupIds().get(i), first, last, source.length, ids.get(source[0]),
                    ids.get(source[source.length - 1]), sequences.labelled() ? classes.get(dataset.label(i)) : null,
                    probabilities[i], classes.get(argmax(probabilities[i])), sequences.genesPartlyMissing()[i],
                    steps));
        }
        return new Predictions(classes, sequences.labelled(), rows, timeCourse ? List.copyOf(union) : List.of(),
                sequences.warnings());
    }

    /**
     * Per group, the probability of the class it is called (its most frequent call) against time: after each
     * time point for a time course, at each window's last time point for sliding windows.
     */
    public Figure probabilityOverTime(String timeLabel) {
        Map<String, List<Row>> byGroup = new LinkedHashMap<>();
        rows.forEach(row -> byGroup.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row));
        List<PredictionCharts.GroupLine> lines = new ArrayList<>();
        byGroup.forEach((group, groupRows) -> {
            int[] calls = new int[classNames.size()];
            groupRows.forEach(row -> calls[classNames.indexOf(row.predictedClass())]++);
            int called = 0;
            for (int c = 1; c < calls.length; c++) {
                called = calls[c] > calls[called] ? c : called;
            }
            List<double[]> points = new ArrayList<>();
            for (Row row : groupRows) {
                if (row.probabilitiesByStep().isEmpty()) {
                    points.add(new double[] {row.lastTime(), row.probabilities()[called]});
                } else {
                    for (int k = 0; k < row.probabilitiesByStep().size(); k++) {
                        points.add(new double[] {stepTimes.get(k), row.probabilitiesByStep().get(k)[called]});
                    }
                }
            }
            lines.add(new PredictionCharts.GroupLine(group, classNames.get(called),
                    points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
        });
        return PredictionCharts.probabilityOverTime(timeLabel, lines);
    }

    static int argmax(float[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** One CSV row per sequence, probabilities to 6 decimals; time courses add the class called after each step. */
    public String toCsv() {
        List<String> header = new ArrayList<>(List.of("sequence", "group", "first_sample", "last_sample"));
        if (labelled) {
            header.add("true_class");
        }
        header.add("predicted_class");
        classNames.forEach(name -> header.add("p_" + name));
        header.addAll(List.of("first_time", "last_time", "samples", "genes_partly_missing"));
        stepTimes.forEach(t -> header.add("predicted_after_" + number(t)));
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(header);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                List<Object> record = new ArrayList<>(List.of(i + 1, row.group(), row.firstSample(),
                        row.lastSample()));
                if (labelled) {
                    record.add(row.trueClass());
                }
                record.add(row.predictedClass());
                for (float p : row.probabilities()) {
                    record.add(String.format(Locale.ROOT, "%.6f", p));
                }
                record.addAll(List.of(number(row.firstTime()), number(row.lastTime()), row.samples(),
                        row.genesPartlyMissing()));
                row.probabilitiesByStep().forEach(p -> record.add(classNames.get(argmax(p))));
                printer.printRecord(record);
            }
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to memory failed", impossible);
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
