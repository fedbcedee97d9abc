package org.cardiacrnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.figures.ConfusionMode;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunFigures;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingListener;

/**
 * The installed program's self-check, headless: bundled sample data → one epoch of the quick preset →
 * one exported figure, all in a temporary folder. Proves the packaged runtime holds every module and
 * native library the workbench needs.
 */
final class SelfCheck {

    private SelfCheck() {
    }

    static int run(PrintWriter out) {
        long started = System.nanoTime();
        try {
            Path home = Files.createTempDirectory("cardiac-rnn-smoke");
            Path sample = SampleData.extract(home.resolve("sample-data"));
            ExpressionData data = ExpressionLoader.load(LoadRequest.of(sample));
            out.printf(Locale.ROOT, "loaded sample data: %d samples × %d genes%n", data.matrix().sampleCount(),
                    data.matrix().geneCount());
            Hyperparameters hp = Hyperparameter.EPOCHS.with(Hyperparameters.quick(), 1);
            RunConfig config = new RunConfig("smoke-test", "quick", DataSpec.of(LoadRequest.of(sample)),
                    PreparationConfig.leakageFree("day", "trajectory", "donor"), hp);
            RunLauncher.CompletedRun run = new RunLauncher(new RunStore(home)).run(config, data,
                    TrainingListener.none(), new TrainingControl(), false);
            if (run.evaluation() == null) {
                throw new WorkbenchException("training produced no model: " + run.training().failure());
            }
            out.printf(Locale.ROOT, "trained 1 epoch: test accuracy %.1f%%%n", 100 * run.evaluation().accuracy());
            Path figure = home.resolve("confusion-matrix.png");
            new FigureExporter().write(RunFigures.confusionMatrix(run.evaluation(), ConfusionMode.COUNTS),
                    ExportFormat.PNG, FigureSize.SINGLE_COLUMN, 150, figure);
            if (Files.size(figure) == 0) {
                throw new WorkbenchException(figure + " is empty");
            }
            out.printf(Locale.ROOT, "exported %s (%d bytes)%n", figure.getFileName(), Files.size(figure));
            out.printf(Locale.ROOT, "smoke test passed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            out.flush();
            return 0;
        } catch (IOException failure) {
            throw new WorkbenchException("smoke test could not use a temporary folder: " + failure.getMessage(),
                    failure);
        }
    }
}
