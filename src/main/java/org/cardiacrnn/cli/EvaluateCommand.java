package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.evaluation.ClassMetrics;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.runs.RunData;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.SavedRun;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.NewDataSequences;
import org.cardiacrnn.sequences.PreparedData;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Evaluates a trained run on its own test split (rebuilt from its data) or on new labelled files. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained run: on its test split (data reloaded as recorded in the run) or on "
                + "new labelled expression files.",
                "Examples: evaluate --run RUN_FOLDER", "          evaluate --run RUN_FOLDER --data other.csv"})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run folder (or its model.zip).")
    Path run;

    @ArgGroup(exclusive = false, heading = "New data (leave out to use the run's own test split):%n")
    NewData newData;

    static final class NewData {
        @Option(names = "--data", required = true, paramLabel = "MATRIX", description = "New labelled data.")
        Path matrix;
    }

    @Option(names = "--allow-changed-data", description = "Evaluate although the run's data file changed since "
            + "it trained (the change is recorded in the run's events).")
    boolean allowChangedData;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SavedRun saved;
        PreparedData ownSplit = null;
        if (RunData.unfinished(run)) {
            RunData.BestSoFar best = RunData.bestSoFar(run, allowChangedData);
            err.println("note: " + best.note());
            noteChange(err, best.loaded());
            saved = best.run();
            ownSplit = best.prepared();
        } else {
            saved = SavedRun.open(run);
        }
        EvaluationReport report;
        String what;
        if (newData == null) {
            if (ownSplit == null) {
                ownSplit = ownSplit(saved, err);
            }
            report = Evaluator.evaluate(saved.model(), ownSplit.test());
            what = "its test split";
        } else {
            // new single-cell data is aggregated the way the run's own data was
            ExpressionData data = ExpressionLoader.load(org.cardiacrnn.data.LoadRequest.builder(newData.matrix)
                    .singleCell(saved.config().data().singleCell()).build());
            NewDataSequences sequences = saved.sequences(data);
            if (!sequences.labelled()) {
                throw new WorkbenchException(newData.matrix + ": has no " + saved.config().preparation().sequences()
                        .labelColumn() + " column, so there is nothing to compare predictions with; use predict");
            }
            report = Evaluator.evaluate(saved.model(), sequences.dataset());
            what = newData.matrix.getFileName().toString();
        }
        print(spec.commandLine().getOut(), what, report);
        return 0;
    }

    /** The run's own data, checked against its fingerprint when the model sits in a run folder. */
    private PreparedData ownSplit(SavedRun saved, PrintWriter err) {
        ExpressionData data;
        if (Files.isRegularFile(saved.directory().resolve("run.json"))) {
            RunFolder folder = RunData.folder(saved.directory());
            RunData.Loaded loaded = RunData.load(folder, saved.config(), allowChangedData);
            noteChange(err, loaded);
            data = loaded.data();
        } else {
            data = ExpressionLoader.load(saved.config().data().toRequest());
        }
        return DatasetPreparation.prepare(data, saved.config().preparation());
    }

    private static void noteChange(PrintWriter err, RunData.Loaded loaded) {
        if (loaded.changeNote() != null) {
            err.println("note: " + loaded.changeNote() + "; evaluating anyway as --allow-changed-data asks");
        }
    }

    static void print(PrintWriter out, String what, EvaluationReport report) {
        out.printf(Locale.ROOT, "evaluated on %s: %d sequences%n", what, report.sampleCount());
        out.printf(Locale.ROOT, "accuracy %.1f%% (95%% CI %.1f–%.1f%%), loss %.4f, macro F1 %.3f, macro AUC %.3f, "
                        + "ECE %.3f%n", 100 * report.accuracy(), 100 * report.accuracyInterval().lower(),
                100 * report.accuracyInterval().upper(), report.meanCrossEntropyLoss(), report.macroAverage().f1(),
                report.macroAuc(), report.calibration().expectedCalibrationError());
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
        for (ClassMetrics metrics : report.perClass()) {
            out.printf(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %8d%n", metrics.className(), metrics.precision(),
                    metrics.recall(), metrics.f1(), metrics.support());
        }
        if (!report.earlyPrediction().isEmpty()) {
            out.print("accuracy by time steps seen:");
            report.earlyPrediction().forEach(point -> out.printf(Locale.ROOT, " %d:%.0f%%", point.stepsSeen(),
                    100 * point.accuracy()));
            out.println();
        }
        out.flush();
    }
}
