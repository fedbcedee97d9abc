package org.cardiacrnn.interpret;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.io.AtomicFiles;

/**
 * Writes a report to a folder: {@code top-genes.csv} (per class, the top genes of each {@link Evidence} ranking,
 * named in its {@code ranking} column, the signed one first), one genes × time-steps CSV of the mean attribution
 * per class ({@code attribution-CLASS.csv}, genes in rank order), {@code attribution-settings.json} (method, steps,
 * output, baseline and why the default baseline was not used) and the per-class figures in PDF, SVG, PNG and CSV.
 */
public final class AttributionFiles {

    public static final String TOP_GENES = "top-genes.csv";
    /** How the attributions were computed, so the tables can be read without the terminal output. */
    public static final String SETTINGS = "attribution-settings.json";

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private AttributionFiles() {
    }

    /**
     * @param overwrite        whether files of an earlier report in {@code directory} may be replaced
     * @param baselineFallback why the baseline is not the default one the user left in place (null when it is)
     * @return the files written
     */
    public static List<Path> write(AttributionReport report, Path directory, int top, boolean overwrite,
                                   String baselineFallback) {
        Path topGenes = directory.resolve(TOP_GENES);
        if (!overwrite && Files.exists(topGenes)) {
            throw new WorkbenchException(topGenes + ": already exists; choose another folder or allow overwriting");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            AtomicFiles.writeString(topGenes, topGenesCsv(report, top));
            written.add(topGenes);
            Path settings = directory.resolve(SETTINGS);
            AtomicFiles.writeString(settings, settingsJson(report, baselineFallback));
            written.add(settings);
            for (ClassAttribution summary : report.classes()) {
                Path file = directory.resolve("attribution-" + safe(summary.className()) + ".csv");
                AtomicFiles.writeString(file, geneByTimeCsv(summary));
                written.add(file);
            }
        } catch (IOException failure) {
            throw new WorkbenchException(directory + ": the attributions cannot be written ("
                    + AtomicFiles.describe(failure) + ")", failure);
        }
        written.addAll(new FigureExporter().exportAll(AttributionFigures.perClass(report, top), directory,
                FigureSize.SINGLE_COLUMN, 300, EnumSet.allOf(ExportFormat.class)));
        return written;
    }

    static String settingsJson(AttributionReport report, String baselineFallback) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", report.settings().method().cliName());
        if (report.settings().method() == AttributionMethod.INTEGRATED_GRADIENTS) {
            settings.put("steps", report.settings().steps());
        }
        settings.put("output", report.settings().output().cliName());
        settings.put("baseline", report.settings().baseline().kind().cliName());
        settings.put("baseline_fallback_reason", baselineFallback);
        settings.put("sequences", report.sequences().size());
        return Json.MAPPER.writeValueAsString(settings) + "\n";
    }

    static String topGenesCsv(AttributionReport report, int top) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = printer(text)) {
            // The first six columns are those of the file before the split, and each class's first rows are its signed
            // ranking as before, so older readers still parse it.
            printer.printRecord("class", "rank", "gene", "mean_attribution", "mean_absolute_attribution",
                    "sequences", "ranking", "raised_expression_attribution", "lowered_expression_attribution");
            for (ClassAttribution summary : report.classes()) {
                for (Evidence evidence : Evidence.values()) {
                    for (GeneScore score : summary.top(evidence, top)) {
                        printer.printRecord(summary.className(), score.rank(), score.gene(),
                                number(score.meanAttribution()), number(score.meanAbsoluteAttribution()),
                                summary.sequences(), evidence.cliName(), number(score.raisedAttribution()),
                                number(score.loweredAttribution()));
                    }
                }
            }
        }
        return text.toString();
    }

    static String geneByTimeCsv(ClassAttribution summary) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = printer(text)) {
            List<String> header = new ArrayList<>(List.of("gene", "rank"));
            header.addAll(AttributionFigures.stepLabels(summary.timeSteps()));
            printer.printRecord(header);
            for (GeneScore score : summary.ranking(Evidence.ALL)) {
                List<Object> row = new ArrayList<>(List.of(score.gene(), score.rank()));
                for (int t = 0; t < summary.timeSteps(); t++) {
                    row.add(number(summary.mean(score.geneIndex(), t)));
                }
                printer.printRecord(row);
            }
        }
        return text.toString();
    }

    private static CSVPrinter printer(StringWriter text) throws IOException {
        return new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String safe(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.isEmpty() ? "class" : cleaned;
    }
}
