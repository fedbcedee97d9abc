package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.JoinReport;
import org.cardiacrnn.data.LoadResult;
import org.cardiacrnn.data.MatrixSummary;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.data.TimeText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inspect}: loads a dataset and prints what was understood, so a person can check it before training. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Load an expression dataset and summarise it: shape, orientation, values, metadata.")
public final class InspectCommand implements Callable<Integer> {

    private static final int DISTINCT_SHOWN = 5;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--json", description = "Print the summary as JSON for scripts.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        LoadResult result = ExpressionLoader.loadWithReport(load.toRequest());
        Map<String, Object> summary = summarise(result);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        } else {
            printText(out, summary, result);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> summarise(LoadResult result) {
        ExpressionData data = result.data();
        MatrixSummary stats = MatrixSummary.of(data.matrix());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source", data.report().source());
        s.put("format", data.report().format());
        s.put("samples", stats.samples());
        s.put("genes", stats.genes());
        s.put("orientation", data.report().orientation().name());
        s.put("orientationDetected", data.report().orientationDetected());
        s.put("firstSamples", data.matrix().sampleIds().subList(0, Math.min(DISTINCT_SHOWN, stats.samples())));
        s.put("firstGenes", data.matrix().geneNames().subList(0, Math.min(DISTINCT_SHOWN, stats.genes())));
        s.put("minValue", Float.isNaN(stats.minValue()) ? null : stats.minValue());
        s.put("maxValue", Float.isNaN(stats.maxValue()) ? null : stats.maxValue());
        s.put("missingValues", stats.missingValues());
        s.put("zeroPercent", Math.round(stats.zeroPercent() * 100) / 100.0);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (SampleMetadata.Column column : data.metadata().columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            List<String> distinct = column.distinctValues();
            c.put("name", column.name());
            c.put("type", column.type().name());
            c.put("distinctCount", distinct.size());
            c.put("firstDistinct", distinct.subList(0, Math.min(DISTINCT_SHOWN, distinct.size())));
            timeReading(column).ifPresent(reading -> c.put("readAsTime", reading.describe()));
            columns.add(c);
        }
        s.put("metadataColumns", columns);
        result.join().ifPresent(join -> s.put("join", join));
        result.singleCell().ifPresent(report -> s.put("pseudobulk", report));
        s.put("warnings", data.report().warnings());
        return s;
    }

    private static void printText(PrintWriter out, Map<String, Object> s, LoadResult result) {
        out.printf("source:       %s%n", s.get("source"));
        out.printf("format:       %s%n", s.get("format"));
        out.printf("samples:      %d (first: %s)%n", s.get("samples"), String.join(", ", strings(s, "firstSamples")));
        out.printf("genes:        %d (first: %s)%n", s.get("genes"), String.join(", ", strings(s, "firstGenes")));
        out.printf("orientation:  %s (%s)%n", s.get("orientation"),
                Boolean.TRUE.equals(s.get("orientationDetected")) ? "detected" : "fixed by format or forced");
        out.printf("values:       %s to %s%n", s.get("minValue"), s.get("maxValue"));
        out.printf("missing:      %d%n", s.get("missingValues"));
        out.printf("zeros:        %.2f%%%n", (Double) s.get("zeroPercent"));
        List<SampleMetadata.Column> columns = result.data().metadata().columns();
        out.printf("metadata:     %d column(s)%n", columns.size());
        for (SampleMetadata.Column column : columns) {
            List<String> distinct = column.distinctValues();
            out.printf("  %-20s %-11s %d distinct: %s%s%n", column.name(), column.type(), distinct.size(),
                    String.join(", ", distinct.subList(0, Math.min(DISTINCT_SHOWN, distinct.size()))),
                    distinct.size() > DISTINCT_SHOWN ? ", …" : "");
            timeReading(column).ifPresent(reading -> out.printf("  %-20s %s%n", "", column.name() + ": "
                    + reading.describe()));
        }
        result.join().ifPresent(join -> printJoin(out, join));
        for (String warning : result.data().report().warnings()) {
            out.printf("note:         %s%n", warning);
        }
    }

    /** Text columns that later stages can use as time, because every value reads as one. */
    private static java.util.Optional<TimeText.Reading> timeReading(SampleMetadata.Column column) {
        return column.isNumeric() ? java.util.Optional.empty() : TimeText.read(column.values());
    }

    private static void printJoin(PrintWriter out, JoinReport join) {
        out.printf("join:         on \"%s\": %d matched, %d samples without metadata %s, %d metadata rows without "
                        + "sample %s, %d duplicate ids %s%n", join.idColumn(), join.matchedSamples(),
                join.samplesWithoutMetadata().size(), first(join.samplesWithoutMetadata()),
                join.metadataRowsWithoutSample().size(), first(join.metadataRowsWithoutSample()),
                join.duplicateIds().size(), first(join.duplicateIds()));
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? "" : ids.subList(0, Math.min(DISTINCT_SHOWN, ids.size())).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> s, String key) {
        return (List<String>) s.get(key);
    }
}
