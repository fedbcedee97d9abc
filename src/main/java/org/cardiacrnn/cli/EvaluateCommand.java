package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.evaluation.ClassMetrics;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
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

    @Override
    public Integer call() {
        SavedRun saved = SavedRun.open(run);
        EvaluationReport report;
        String what;
        if (newData == null) {
            ExpressionData data = ExpressionLoader.load(saved.config().data().toRequest());
            PreparedData prepared = DatasetPreparation.prepare(data, saved.config().preparation());
            report = Evaluator.evaluate(saved.model(), prepared.test());
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
