package org.cardiacrnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.runs.Predictions;
import org.cardiacrnn.runs.RunData;
import org.cardiacrnn.runs.SavedRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Class probabilities for new data, with or without labels, from a trained run. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the class of every sequence in new expression files with a trained run.",
                "Example: predict --run RUN_FOLDER new-samples.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "Run folder (or its model.zip).")
    Path run;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV of class probabilities.")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists (never an input, nor a file in a run or "
            + "sweep folder).")
    boolean force;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Column telling the new data's "
            + "trajectories apart (donor, cell line, culture); default: the run's group column.")
    String groupColumn;

    @Override
    public Integer call() {
        OutputGuard.requireWritable(out, force, load.inputsWith(run));
        SavedRun saved = openRun();
        ExpressionData data = ExpressionLoader.load(load.toRequest());
        Predictions predictions = Predictions.of(saved, data, groupColumn);
        predictions.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
        try {
            AtomicFiles.writeString(out, predictions.toCsv());
        } catch (IOException failure) {
            throw new WorkbenchException(out + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d predictions%s to %s%n",
                predictions.rows().size(), predictions.labelled() ? "" : " (no labels in the data)", out);
        return 0;
    }

    /** A finished run's model, or an unfinished run's best checkpoint (said in one line). */
    private SavedRun openRun() {
        if (!RunData.unfinished(run)) {
            return SavedRun.open(run);
        }
        RunData.BestSoFar best = RunData.bestSoFar(run, true);
        spec.commandLine().getErr().println("note: " + best.note());
        if (best.loaded().changeNote() != null) {
            spec.commandLine().getErr().println("note: " + best.loaded().changeNote());
        }
        return best.run();
    }
}
