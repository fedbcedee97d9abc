package org.cardiacrnn.sweeps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.DatasetFingerprint;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.sequences.SplitConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.cardiacrnn.training.TrainingListener;
import org.cardiacrnn.training.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's trials one after another on the caller's thread (a trial already uses both cores), each
 * trial (or each fold of it) an ordinary run folder. After every change trials.json is saved, so a sweep
 * interrupted in any way resumes with the trials not yet done; a trial cut off midway starts again.
 */
public final class SweepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    private final RunStore runs;
    private final SweepStore sweeps;

    public SweepRunner(RunStore runs, SweepStore sweeps) {
        this.runs = runs;
        this.sweeps = sweeps;
    }

    /**
     * Validates the spec and creates the sweep folder with every planned trial.
     *
     * @param expression the data as loaded from {@code data}, whose fingerprint the sweep records
     */
    public SweepFolder create(SweepSpec spec, DataSpec data, PreparationConfig preparation,
                              ExpressionData expression) {
        spec.validated("sweep \"" + spec.name() + "\"");
        SweepDefinition definition = new SweepDefinition(spec, data, preparation, Instant.now().toString(),
                DatasetFingerprint.of(expression.matrix()));
        return sweeps.create(definition, new SweepPlanner(spec).plan());
    }

    /** The preparation a sweep's trials use: the definition's, with k folds when the spec asks for them. */
    static PreparationConfig effectivePreparation(SweepSpec spec, PreparationConfig preparation) {
        if (spec.folds() < 2) {
            return preparation;
        }
        SplitConfig split = preparation.split();
        return new PreparationConfig(preparation.preprocessing(), preparation.sequences(), new SplitConfig(
                split.kind(), 1 - 1.0 / spec.folds(), 0, 1.0 / spec.folds(), split.seed(), spec.folds(), true));
    }

    /**
     * Runs every trial of {@code folder} that is not done, on {@code data} (loaded as the definition says).
     *
     * @return every trial, best first
     */
    public List<Trial> run(SweepFolder folder, ExpressionData data, SweepListener listener, SweepControl control) {
        SweepDefinition definition = folder.definition();
        SweepSpec spec = definition.spec();
        folder.requeueLost(SweepWorker.DEFAULT_LEASE, Instant.now());
        List<Trial> trials = folder.trials();
        for (Trial trial : List.copyOf(trials)) {
            if (trial.state() == Trial.TrialState.RUNNING && trial.worker() == null) {
                trials = folder.update(trial.reset());
            }
        }
        SweepPlanner planner = new SweepPlanner(spec);
        TrialTrainer context = trainer(folder, data, listener, control);
        for (int index = 0; index < trials.size() && !control.isStopRequested(); index++) {
            Trial trial = trials.get(index);
            if (trial.isDone() || trial.state() == Trial.TrialState.RUNNING) {
                // Done, or trained right now by a worker of the same sweep elsewhere.
                continue;
            }
            Map<String, String> values = planner.choose(trial, trials);
            trials = context.train(new Trial(trial.number(), values, Trial.TrialState.RUNNING, List.of(), null,
                    List.of(), 0, 0, null, null, trial.events()), trials);
        }
        List<Trial> ranked = Trial.ranked(trials, spec.objective());
        listener.onEvent(new SweepEvent.Finished(ranked, control.isStopRequested()));
        return ranked;
    }

    /** Trains one trial that has been started (or claimed by a worker) and records it in the sweep folder. */
    @FunctionalInterface
    interface TrialTrainer {
        /**
         * @param started the trial, running, with its values chosen
         * @param before  every trial as it stood when {@code started} began (the median rule compares them)
         * @return every trial after this one ended
         */
        List<Trial> train(Trial started, List<Trial> before);
    }

    /** Prepares the sweep's data once, for training its trials one at a time. */
    TrialTrainer trainer(SweepFolder folder, ExpressionData data, SweepListener listener, SweepControl control) {
        SweepDefinition definition = folder.definition();
        SweepSpec spec = definition.spec();
        PreparationConfig preparation = effectivePreparation(spec, definition.preparation());
        List<PreparedData> folds = spec.folds() > 1 ? DatasetPreparation.prepareFolds(data, preparation)
                : List.of(DatasetPreparation.prepare(data, preparation));
        MedianStoppingRule rule = spec.medianStopping() == null ? null
                : new MedianStoppingRule(spec.objective(), spec.medianStopping().minEpochs());
        return new TrialContext(folder, spec, definition, data, folds, listener, control, rule);
    }

    /** The state one sweep's trials share while it runs. */
    private final class TrialContext implements TrialTrainer {
        private final SweepFolder folder;
        private final SweepSpec spec;
        private final SweepDefinition definition;
        private final ExpressionData data;
        private final List<PreparedData> folds;
        private final SweepListener listener;
        private final SweepControl control;
        private final MedianStoppingRule rule;

        TrialContext(SweepFolder folder, SweepSpec spec, SweepDefinition definition, ExpressionData data,
                     List<PreparedData> folds, SweepListener listener, SweepControl control, MedianStoppingRule rule) {
            this.folder = folder;
            this.spec = spec;
            this.definition = definition;
            this.data = data;
            this.folds = folds;
            this.listener = listener;
            this.control = control;
            this.rule = rule;
        }

        @Override
        public List<Trial> train(Trial started, List<Trial> before) {
            // A worker writes only while the trial is still its own: a lost lease hands the trial to another.
            String claim = started.worker() == null ? null : started.worker().token();
            Hyperparameters hp;
            try {
                hp = spec.hyperparameters(started.values());
            } catch (WorkbenchException invalid) {
                Trial failed = started.withState(Trial.TrialState.FAILED, invalid.getMessage());
                listener.onEvent(new SweepEvent.TrialEnded(failed));
                return folder.update(failed, claim);
            }
            folder.update(started, claim);
            listener.onEvent(new SweepEvent.TrialStarted(started));
            List<String> runIds = new ArrayList<>();
            List<List<Double>> curves = new ArrayList<>();
            List<Double> foldObjectives = new ArrayList<>();
            int epochs = 0;
            double seconds = 0;
            Trial.TrialState state = Trial.TrialState.FINISHED;
            String message = null;
            try {
                for (int fold = 0; fold < folds.size(); fold++) {
                    List<Double> curve = new ArrayList<>();
                    curves.add(curve);
                    TrainingControl trialControl = control.nextTrial();
                    boolean[] pruned = {false};
                    List<List<Double>> others = earlierCurves(before, started.number(), fold);
                    int foldIndex = fold;
                    TrainingListener events = event -> {
                        if (event instanceof TrainingEvent.Epoch epoch) {
                            curve.add(spec.objective() == Objective.VALIDATION_LOSS ? epoch.validationLoss()
                                    : epoch.validationAccuracy());
                            if (rule != null && !pruned[0] && rule.shouldStop(curve, others)) {
                                pruned[0] = true;
                                trialControl.stop();
                            }
                        }
                        listener.onEvent(new SweepEvent.Training(started.number(), foldIndex, event));
                    };
                    String runName = spec.name() + " trial " + started.number()
                            + (folds.size() > 1 ? " fold " + (fold + 1) : "");
                    RunConfig config = new RunConfig(runName, spec.basePreset(), definition.data(),
                            effectivePreparation(spec, definition.preparation()), hp);
                    RunLauncher.CompletedRun run = new RunLauncher(runs).run(config, data, folds.get(fold),
                            events, trialControl, false, created -> {
                                runIds.add(created.id());
                                created.logEvent("sweep " + folder.id() + ", trial " + started.number());
                                folder.update(progress(started, runIds, curves), claim);
                            });
                    TrainingResult training = run.training();
                    epochs += training.history().size();
                    seconds += training.history().stream().mapToDouble(TrainingEvent.Epoch::seconds).sum();
                    if (control.isStopRequested() && !pruned[0]) {
                        // Stopped by the user: the trial runs again from the start when the sweep resumes.
                        Trial again = started.worker() == null ? started.reset()
                                : started.requeued(Instant.now() + ": abandoned by worker "
                                        + started.worker().describe() + " when the sweep was stopped");
                        return folder.update(again, claim);
                    }
                    if (training.failure() != null || training.model() == null) {
                        state = Trial.TrialState.FAILED;
                        message = training.failure() != null ? training.failure() : "no epoch finished";
                        break;
                    }
                    foldObjectives.add(objectiveOf(training, run.prepared()));
                    if (pruned[0]) {
                        state = Trial.TrialState.PRUNED;
                        message = String.format(Locale.ROOT, "stopped by the median rule after epoch %d", curve.size());
                        break;
                    }
                }
            } catch (RuntimeException failure) {
                // One broken trial (bad data for a fold, a full disk) must not end the whole sweep.
                LOG.warn("Sweep trial {} failed", started.number(), failure);
                state = Trial.TrialState.FAILED;
                message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            }
            Double objective = foldObjectives.isEmpty() ? null
                    : foldObjectives.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            Trial ended = started.withResult(state, runIds, objective, curves, epochs, seconds, message);
            List<Trial> after = folder.update(ended, claim);
            listener.onEvent(new SweepEvent.TrialEnded(ended));
            return after;
        }

        private double objectiveOf(TrainingResult training, PreparedData prepared) {
            return switch (spec.objective()) {
                case VALIDATION_ACCURACY -> training.best().validationAccuracy();
                case VALIDATION_LOSS -> training.best().validationLoss();
                case VALIDATION_MACRO_F1 -> {
                    SequenceDataset validation = prepared.validationIsTest() ? prepared.test() : prepared.validation();
                    yield Evaluator.fromPredictions(validation.labels(),
                            training.model().predictProbabilities(validation), validation.classNames(), 1, 0)
                            .macroAverage().f1();
                }
            };
        }
    }

    private static Trial progress(Trial started, List<String> runIds, List<List<Double>> curves) {
        return started.withResult(Trial.TrialState.RUNNING, runIds, null, curves, 0, 0, null);
    }

    /** Curves of the same fold of every trial with a result, for the median rule. */
    private static List<List<Double>> earlierCurves(List<Trial> trials, int exclude, int fold) {
        List<List<Double>> curves = new ArrayList<>();
        for (Trial trial : trials) {
            if (trial.number() != exclude && trial.isDone() && trial.curves().size() > fold) {
                curves.add(trial.curves().get(fold));
            }
        }
        return curves;
    }
}
