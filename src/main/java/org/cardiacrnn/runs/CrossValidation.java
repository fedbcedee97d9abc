package org.cardiacrnn.runs;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.evaluation.CrossValidationSummary;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingListener;

/**
 * k-fold cross-validation, or leave-one-group-out, as one job: one run folder per fold, the metrics' mean ± sd
 * over folds, and the out-of-fold predictions of all folds pooled into one evaluation (the only one that can
 * hold every class when each held-out group holds one). The CLI and the GUI both run it here.
 *
 * <p>Each fold's held-out part also drives early stopping and the learning-rate schedule, as in the published
 * protocol; set earlyStoppingPatience=0 and scheduler=NONE for folds whose test part influences nothing.
 */
public final class CrossValidation {

    /** Hears about each fold as it starts and ends. */
    public interface Progress {
        void foldStarted(int fold, int folds, PreparedData part);

        void foldFinished(int fold, int folds, FoldResult result);
    }

    /** One fold: its run folder, the groups it held out, its evaluation and the network beside the baselines. */
    public record FoldResult(int fold, RunFolder folder, List<String> heldOutGroups, int trainSequences,
                             EvaluationReport evaluation, BaselineComparison baselines) {

        public FoldResult {
            heldOutGroups = List.copyOf(heldOutGroups);
        }
    }

    /**
     * All folds. {@code pooled} evaluates the out-of-fold predictions of every fold together; {@code failure}
     * says why the job ended early (a fold failed or was stopped), else null.
     */
    public record Result(List<FoldResult> folds, CrossValidationSummary summary, EvaluationReport pooled,
                         List<String> warnings, String failure) {

        public Result {
            folds = List.copyOf(folds);
            warnings = List.copyOf(warnings);
        }
    }

    private final RunStore store;

    public CrossValidation(RunStore store) {
        this.store = store;
    }

    /**
     * Prepares the folds {@code preparation.split()} asks for (its {@code folds}, or leave-one-group-out), then
     * trains and evaluates each as a run named {@code name-fold<i>}.
     *
     * @param listener one training listener per fold (0-based fold index)
     */
    public Result run(RunConfig base, ExpressionData data, java.util.function.IntFunction<TrainingListener> listener,
                      TrainingControl control, boolean exportFigures, Progress progress) {
        PreparationConfig preparation = base.preparation();
        List<PreparedData> parts = DatasetPreparation.prepareFolds(data, preparation);
        List<FoldResult> results = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        String failure = null;
        for (int fold = 0; fold < parts.size(); fold++) {
            if (control.isStopRequested()) {
                failure = "stopped after " + fold + " of " + parts.size() + " folds";
                break;
            }
            PreparedData part = parts.get(fold);
            progress.foldStarted(fold, parts.size(), part);
            RunConfig config = new RunConfig(base.name() + "-fold" + (fold + 1), base.preset(), base.data(),
                    preparation, base.hyperparameters());
            RunLauncher.CompletedRun run = new RunLauncher(store).run(config, data, part, listener.apply(fold),
                    control, exportFigures);
            if (run.evaluation() == null) {
                failure = "fold " + (fold + 1) + ": " + run.training().failure();
                break;
            }
            float[][] foldProbabilities = run.training().model().predictProbabilities(part.test());
            for (int i = 0; i < foldProbabilities.length; i++) {
                labels.add(part.test().label(i));
                probabilities.add(foldProbabilities[i]);
            }
            FoldResult result = new FoldResult(fold + 1, run.folder(),
                    part.test().groupIds().stream().distinct().toList(), part.train().sequenceCount(),
                    run.evaluation(), run.folder().readBaselines());
            results.add(result);
            progress.foldFinished(fold, parts.size(), result);
        }
        if (results.isEmpty()) {
            return new Result(results, null, null, parts.isEmpty() ? List.of() : parts.get(0).warnings(),
                    failure != null ? failure : "no fold finished");
        }
        CrossValidationSummary summary = CrossValidationSummary.of(results.stream().map(FoldResult::evaluation)
                .toList());
        EvaluationReport pooled = Evaluator.fromPredictions(labels.stream().mapToInt(Integer::intValue).toArray(),
                probabilities.toArray(float[][]::new), parts.get(0).classNames());
        List<String> warnings = new ArrayList<>();
        parts.forEach(p -> p.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add));
        return new Result(results, summary, pooled, warnings, failure);
    }
}
