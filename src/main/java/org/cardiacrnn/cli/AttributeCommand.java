package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.interpret.AttributionFigures;
import org.cardiacrnn.interpret.AttributionFiles;
import org.cardiacrnn.interpret.AttributionMethod;
import org.cardiacrnn.interpret.AttributionReport;
import org.cardiacrnn.interpret.Attributor;
import org.cardiacrnn.interpret.Baseline;
import org.cardiacrnn.interpret.ClassAttribution;
import org.cardiacrnn.interpret.Evidence;
import org.cardiacrnn.interpret.GeneScore;
import org.cardiacrnn.interpret.SequenceAttribution;
import org.cardiacrnn.nn.ClassOutput;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.SequenceDataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which genes at which time steps drove a run's calls: per-class top genes, gene × time tables, figures. */
@Command(name = "attribute", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Attribute a trained run's class probabilities (or log-probabilities, logits) to genes and "
                + "time steps (integrated gradients or gradient x input) over its test split or new labelled files; "
                + "per class, the top genes over its correctly classified sequences, by all their evidence, and by "
                + "the evidence from expression above the baseline (markers) and below it (low-level genes).",
                "Writes top-genes.csv, attribution-CLASS.csv (genes x time steps), attribution-settings.json (how "
                        + "they were computed) and figures (PDF, SVG, PNG, CSV) into --out; with --sequence, also one "
                        + "sequence's gene x time heatmap.",
                "Example: attribute --run RUN_FOLDER --out attributions --sequence 12"})
final class AttributeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run folder (or its model.zip).")
    Path run;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the tables and figures.")
    Path out;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "integrated-gradients",
            description = "integrated-gradients or gradient-input (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "32",
            description = "Interpolation steps of integrated gradients, 32-64 usual (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--baseline", paramLabel = "WHICH",
            description = "time-matched (each step at the mean of the attributed sequences at the same time point, "
                    + "classes weighted equally), training-mean (zero after z-scoring) or blurred (each gene flat at "
                    + "its mean over the sequence). Default: time-matched, or training-mean (with a note) where "
                    + "the sequences leave nothing to compare with at the same time: one class (without labels, one "
                    + "group), classes that are the time points themselves (groups sampled at different times), or "
                    + "step times that are not known.")
    String baseline;

    @Option(names = "--output", paramLabel = "WHICH", defaultValue = "probability",
            description = "The class's output explained: probability, log-probability or logit; the attributions "
                    + "of a sequence add up to its change from the baseline (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Genes per class in top-genes.csv and the figures (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--sequence", paramLabel = "N", split = ",", description = "Also write the gene x time "
            + "attribution heatmap of sequence N (1-based, as the Evaluation page numbers the test sequences) for "
            + "its predicted class, as sequence-N.pdf/.svg/.png/.csv; repeatable.")
    List<Integer> sequenceNumbers = new ArrayList<>();

    @Option(names = "--force", description = "Replace the files of an earlier report in --out (never an input, nor a "
            + "file in a run or sweep folder).")
    boolean overwrite;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new WorkbenchException("--top must be at least 1; got " + top);
        }
        OutputGuard.requireWritable(out.resolve("top-genes.csv"), true, load.inputsWith(run));
        AttributionMethod chosen = AttributionMethod.parse(method);
        Baseline.Kind baselineKind = baseline == null ? null : Baseline.Kind.parse(baseline);
        ClassOutput explained = ClassOutput.parse(output);
        PrintWriter err = spec.commandLine().getErr();
        SavedRun saved = SavedRun.open(run);
        RunSequences sequences = RunSequences.of(saved, load, err);
        if (sequences.dataset().sequenceCount() == 0) {
            throw new WorkbenchException("there are no sequences in " + sequences.what() + " to attribute");
        }
        for (int number : sequenceNumbers) {
            if (number < 1 || number > sequences.dataset().sequenceCount()) {
                throw new WorkbenchException("--sequence " + number + ": " + sequences.what() + " has sequences 1 to "
                        + sequences.dataset().sequenceCount());
            }
        }
        RunSequences.ChosenBaseline reference = sequences.baseline(baselineKind, saved, err);
        Attributor.Settings settings = new Attributor.Settings(chosen, steps, reference.baseline(), explained);
        long started = System.nanoTime();
        int[] lastTenth = {-1};
        Attributor attributor = new Attributor(saved.model().network());
        AttributionReport report = AttributionReport.compute(attributor, sequences.dataset(),
                sequences.labelled(), settings, (done, total) -> {
                    int tenth = 10 * done / total;
                    if (tenth != lastTenth[0]) {
                        lastTenth[0] = tenth;
                        err.printf(Locale.ROOT, "attributing: %d of %d sequences%n", done, total);
                        err.flush();
                    }
                }, () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Path> written = new ArrayList<>(AttributionFiles.write(report, out, top, overwrite,
                reference.fallback()));
        written.addAll(sequenceHeatmaps(attributor, sequences.dataset(), report, settings));
        print(spec.commandLine().getOut(), sequences.what(), report, seconds, written.size());
        return 0;
    }

    /** Each --sequence's attributions for its predicted class, most important genes first. */
    private List<Path> sequenceHeatmaps(Attributor attributor, SequenceDataset dataset, AttributionReport report,
                                        Attributor.Settings settings) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (int number : sequenceNumbers) {
            SequenceAttribution explained = report.sequences().get(number - 1);
            int predicted = explained.predictedClass();
            if (explained.targetClass() != predicted) {
                explained = attributor.attribute(dataset, number - 1, predicted, settings);
            }
            String title = String.format(Locale.ROOT, "Sequence %d (%s): attributions for %s", number,
                    dataset.groupIds().get(number - 1), dataset.classNames().get(predicted));
            figures.put("sequence-" + number, AttributionFigures.sequenceHeatmap(title, explained,
                    dataset.featureNames(), top));
        }
        return new FigureExporter().exportAll(figures, out, FigureSize.SINGLE_COLUMN, 300,
                EnumSet.allOf(ExportFormat.class));
    }

    private void print(PrintWriter out, String what, AttributionReport report, double seconds, int files) {
        out.printf(Locale.ROOT, "attributed the %s of %d sequences of %s by %s from the %s baseline in %.1f s%n",
                report.settings().output().cliName(), report.sequences().size(), what,
                report.settings().method().cliName(), report.settings().baseline().kind().cliName(), seconds);
        for (ClassAttribution summary : report.classes()) {
            out.printf(Locale.ROOT, "%-24s %4d correct sequences; top: %s; markers: %s; low-level genes: %s%n",
                    summary.className(), summary.sequences(), firstGenes(summary, Evidence.ALL),
                    firstGenes(summary, Evidence.RAISED), firstGenes(summary, Evidence.LOWERED));
        }
        out.printf(Locale.ROOT, "wrote %d files to %s%n", files, this.out);
        out.flush();
    }

    /** The first few genes of a ranking, each with the sign of its evidence. */
    private String firstGenes(ClassAttribution summary, Evidence evidence) {
        StringBuilder genes = new StringBuilder();
        for (GeneScore score : summary.top(evidence, Math.min(top, 5))) {
            genes.append(genes.length() == 0 ? "" : ", ").append(score.gene())
                    .append(evidence.of(score) >= 0 ? " (+)" : " (-)");
        }
        return genes.toString();
    }
}
