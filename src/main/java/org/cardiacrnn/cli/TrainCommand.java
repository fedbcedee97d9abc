package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.evaluation.CrossValidationSummary;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SplitConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a network on expression data and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a recurrent classifier and write a run folder (config, metrics, model, evaluation).",
                "Example: train sample-data/cardiac-differentiation.csv.gz --preset quick"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    PreparationOptions preparation = new PreparationOptions();

    @Mixin
    HyperparameterOptions hyperparameters = new HyperparameterOptions();

    @Option(names = "--name", paramLabel = "NAME", description = "Run name (default: the preset and the data file).")
    String name;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where run folders go (default: the "
            + "workbench's user data folder, shared with the GUI).")
    Path workspace;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "1", description = "k-fold cross-validation: "
            + "train K runs, each testing on one fold (grouped by donor where possible), and report mean ± sd.")
    int folds;

    @Option(names = "--figures", description = "Also export every figure (PNG 300 dpi, SVG, PDF, CSV) into the "
            + "run's figures/ folder.")
    boolean figures;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue a stopped or interrupted run (its folder, "
            + "or its name in the workspace) from its last checkpoint; data and settings come from the run.")
    String resume;

    @Option(names = "--allow-changed-data", description = "With --resume: go on although the data file changed "
            + "since the run used it (the change is recorded in the run's events).")
    boolean allowChangedData;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspaces.requireValid(workspace);
        if (resume != null) {
            return new ResumedTraining(spec, workspace, allowChangedData, figures).resume(resume);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--folds") && folds < 2) {
            throw new WorkbenchException("--folds must be 2 or more (k-fold cross-validation); got " + folds
                    + ". Leave it out for one ordinary run");
        }
        Hyperparameters hp = hyperparameters.resolve();
        LoadRequest request = load.toRequest();
        ExpressionData data = ExpressionLoader.load(request);
        PreparationConfig config = preparation.toConfig(data.metadata(), integerCounts(data));
        if (folds > 1) {
            return crossValidate(out, hp, request, data, config);
        }
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        out.printf(Locale.ROOT, "data: %d samples × %d genes → %d training, %s, %d test sequences of %d steps × %d "
                        + "genes%n", data.matrix().sampleCount(), data.matrix().geneCount(),
                prepared.train().sequenceCount(), prepared.validationIsTest() ? "validation = test"
                        : prepared.validation().sequenceCount() + " validation", prepared.test().sequenceCount(),
                prepared.train().timeSteps(), prepared.train().featureCount());
        out.println("split: " + prepared.leakage().plainWords());
        printNotes(out, data, prepared.warnings().stream()
                .filter(warning -> !warning.equals(prepared.leakage().plainWords())).toList());
        out.printf(Locale.ROOT, "network: %,d parameters, about %s to train%n",
                NetworkFactory.parameterCount(hp, prepared.train().featureCount(), prepared.classNames().size()),
                NetworkFactory.formatBytes(NetworkFactory.estimatedTrainingMemoryBytes(hp,
                        prepared.train().featureCount(), prepared.train().timeSteps(), prepared.classNames().size())));
        out.flush();

        String runName = name != null ? name : hyperparameters.presetName() + "-"
                + request.matrix().getFileName().toString().replaceAll("\\..*$", "");
        RunConfig runConfig = new RunConfig(runName, hyperparameters.presetName(), DataSpec.of(request), config, hp);
        RunStore store = new RunStore(workspace != null ? workspace : UserDataDirectory.resolve());
        RunLauncher.CompletedRun run = new RunLauncher(store).run(runConfig, data, prepared,
                new ProgressPrinter(out, System.console() != null, hp.epochs()), new TrainingControl(), figures);

        if (run.training().failure() != null) {
            spec.commandLine().getErr().println("error: " + run.training().failure());
            spec.commandLine().getErr().println("run folder (last good checkpoint kept): " + run.folder().directory());
            return Main.EXIT_USER_ERROR;
        }
        EvaluationReport report = run.evaluation();
        out.printf(Locale.ROOT, "test: accuracy %.1f%% (95%% CI %.1f–%.1f%%) on %d sequences, macro F1 %.3f, "
                        + "macro AUC %.3f (best epoch %d)%n", 100 * report.accuracy(),
                100 * report.accuracyInterval().lower(), 100 * report.accuracyInterval().upper(),
                report.sampleCount(), report.macroAverage().f1(), report.macroAuc(), run.training().bestEpoch());
        out.println("run folder: " + run.folder().directory());
        return 0;
    }

    /**
     * k-fold cross-validation. Each fold's held-out part also drives early stopping and the learning-rate
     * schedule (as in the published protocol); set earlyStoppingPatience=0 and scheduler=NONE for folds
     * whose test part influences nothing.
     */
    private int crossValidate(PrintWriter out, Hyperparameters hp, LoadRequest request, ExpressionData data,
                              PreparationConfig config) {
        PreparationConfig kFold = new PreparationConfig(config.preprocessing(), config.sequences(),
                new SplitConfig(config.split().kind(), 1 - 1.0 / folds, 0, 1.0 / folds, config.split().seed(),
                        folds, true));
        List<PreparedData> prepared = DatasetPreparation.prepareFolds(data, kFold);
        RunStore store = new RunStore(workspace != null ? workspace : UserDataDirectory.resolve());
        String base = name != null ? name : hyperparameters.presetName() + "-cv";
        List<EvaluationReport> reports = new ArrayList<>();
        for (int fold = 0; fold < prepared.size(); fold++) {
            PreparedData part = prepared.get(fold);
            out.printf(Locale.ROOT, "fold %d/%d: %d training, %d test sequences%n", fold + 1, prepared.size(),
                    part.train().sequenceCount(), part.test().sequenceCount());
            RunConfig runConfig = new RunConfig(base + "-fold" + (fold + 1), hyperparameters.presetName(),
                    DataSpec.of(request), kFold, hp);
            RunLauncher.CompletedRun run = new RunLauncher(store).run(runConfig, data, part,
                    new ProgressPrinter(out, System.console() != null, hp.epochs()), new TrainingControl(), figures);
            if (run.evaluation() == null) {
                spec.commandLine().getErr().println("error: fold " + (fold + 1) + ": " + run.training().failure());
                return Main.EXIT_USER_ERROR;
            }
            reports.add(run.evaluation());
            out.printf(Locale.ROOT, "fold %d: test accuracy %.1f%%  (%s)%n", fold + 1,
                    100 * run.evaluation().accuracy(), run.folder().directory());
        }
        CrossValidationSummary summary = CrossValidationSummary.of(reports);
        out.printf(Locale.ROOT, "%d-fold cross-validation (mean ± sd over folds):%n", summary.folds());
        summary.metrics().forEach((metric, value) -> out.printf(Locale.ROOT, "  %-28s %.4f ± %.4f%n", metric,
                value.mean(), value.standardDeviation()));
        return 0;
    }

    /** What loading and preparing left out or changed, so nothing is dropped without a word. */
    static void printNotes(PrintWriter out, ExpressionData data, List<String> preparationWarnings) {
        data.report().warnings().forEach(warning -> out.println("note: " + warning));
        preparationWarnings.forEach(warning -> out.println("note: " + warning));
    }

    /** Raw counts get CPM + log1p by default; values already normalised or logged do not. */
    static boolean integerCounts(ExpressionData data) {
        float[] values = data.matrix().values();
        for (float value : values) {
            if (!Float.isNaN(value) && (value < 0 || value != Math.rint(value))) {
                return false;
            }
        }
        return true;
    }
}
