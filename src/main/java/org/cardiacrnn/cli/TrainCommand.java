package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.cardiacrnn.runs.CrossValidation;
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

    @Option(names = "--folds", paramLabel = "K|loo", defaultValue = "1", description = "k-fold cross-validation: "
            + "train K runs, each testing on one fold (whole groups, stratified by class), and report mean ± sd; "
            + "loo leaves one group (donor, cell line) out at a time.")
    String folds;

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
        int foldCount = foldCount(folds);
        if (spec.commandLine().getParseResult().hasMatchedOption("--folds") && foldCount == 1) {
            throw new WorkbenchException("--folds must be 2 or more (k-fold cross-validation) or loo; got " + folds
                    + ". Leave it out for one ordinary run");
        }
        Hyperparameters hp = hyperparameters.resolve();
        LoadRequest request = load.toRequest();
        ExpressionData data = ExpressionLoader.load(request);
        PreparationConfig config = preparation.toConfig(data);
        if (foldCount != 1) {
            return crossValidate(out, hp, request, data, config, foldCount);
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
        out.println("split: " + prepared.balance().plainWords());
        prepared.balance().warnings().forEach(warning -> out.println("warning: " + warning));
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
        out.println("baselines: " + run.folder().readBaselines().summary());
        out.println("run folder: " + run.folder().directory());
        return 0;
    }

    /** k-fold cross-validation or leave-one-group-out through the engine's {@link CrossValidation}. */
    private int crossValidate(PrintWriter out, Hyperparameters hp, LoadRequest request, ExpressionData data,
                              PreparationConfig config, int foldCount) {
        PreparationConfig kFold = new PreparationConfig(config.preprocessing(), config.sequences(),
                config.split().forFolds(foldCount));
        RunStore store = new RunStore(workspace != null ? workspace : UserDataDirectory.resolve());
        String base = name != null ? name : hyperparameters.presetName() + "-cv";
        RunConfig runConfig = new RunConfig(base, hyperparameters.presetName(), DataSpec.of(request), kFold, hp);
        CrossValidation.Result result = new CrossValidation(store).run(runConfig, data,
                fold -> new ProgressPrinter(out, System.console() != null, hp.epochs()), new TrainingControl(),
                figures, new CrossValidation.Progress() {
                    @Override
                    public void foldStarted(int fold, int total, PreparedData part) {
                        out.printf(Locale.ROOT, "fold %d/%d: %d training, %d test sequences; %s%n", fold + 1, total,
                                part.train().sequenceCount(), part.test().sequenceCount(),
                                part.balance().plainWords());
                        out.flush();
                    }

                    @Override
                    public void foldFinished(int fold, int total, CrossValidation.FoldResult done) {
                        out.printf(Locale.ROOT, "fold %d: test accuracy %.1f%%  (%s)%n", fold + 1,
                                100 * done.evaluation().accuracy(), done.folder().directory());
                        done.baselines().baselines().forEach(b -> out.printf(Locale.ROOT,
                                "  vs %s: %.1f%%, margin %+.1f points (95%% CI %+.1f to %+.1f)%n", b.name(),
                                100 * b.accuracy(), 100 * b.margin(), 100 * b.marginInterval().lower(),
                                100 * b.marginInterval().upper()));
                    }
                });
        if (result.failure() != null) {
            spec.commandLine().getErr().println("error: " + result.failure());
            return Main.EXIT_USER_ERROR;
        }
        CrossValidationSummary summary = result.summary();
        out.printf(Locale.ROOT, "%d-fold cross-validation (mean ± sd over folds):%n", summary.folds());
        summary.metrics().forEach((metric, value) -> out.printf(Locale.ROOT, "  %-28s %.4f ± %.4f%n", metric,
                value.mean(), value.standardDeviation()));
        out.printf(Locale.ROOT, "pooled out-of-fold: accuracy %.1f%% (95%% CI %.1f–%.1f%%) on %d sequences, "
                        + "macro AUC %.3f%n", 100 * result.pooled().accuracy(),
                100 * result.pooled().accuracyInterval().lower(), 100 * result.pooled().accuracyInterval().upper(),
                result.pooled().sampleCount(), result.pooled().macroAuc());
        return 0;
    }

    /** What loading and preparing left out or changed, so nothing is dropped without a word. */
    static void printNotes(PrintWriter out, ExpressionData data, List<String> preparationWarnings) {
        data.report().warnings().forEach(warning -> out.println("note: " + warning));
        preparationWarnings.forEach(warning -> out.println("note: " + warning));
    }

    /** "loo" is leave-one-group-out; a number is k (1 = no cross-validation). */
    static int foldCount(String text) {
        if (text.equalsIgnoreCase("loo")) {
            return SplitConfig.LEAVE_ONE_GROUP_OUT;
        }
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new WorkbenchException("--folds must be 2 or more (k-fold cross-validation) or loo; got " + text);
    }
}
