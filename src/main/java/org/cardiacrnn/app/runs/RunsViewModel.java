package org.cardiacrnn.app.runs;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.figures.RunCurve;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunData;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.RunSummary;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Runs page: every run folder of the workspace, reopening one into the other pages, overlaying the
 * learning curves of several, and deleting. All disk access runs on the background executor.
 */
public final class RunsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunsViewModel.class);

    /** Validation curves of the runs chosen for overlay. */
    public record Overlay(List<RunCurve> validationLoss, List<RunCurve> validationAccuracy) {
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RunStore store;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public RunsViewModel(WorkbenchSession session, TaskExecutor executor, RunStore store) {
        this.session = session;
        this.executor = executor;
        this.store = store;
    }

    /** Reads the list of run folders again. */
    public void refresh() {
        executor.submit(I18n.text("runs.reading"), progress -> store.list(), runs::setAll,
                failure -> error.set(UserError.of(I18n.text("runs.error.list"), failure)));
    }

    /** Opens a run so the Evaluation page (and the others) show it. */
    public void open(RunSummary summary) {
        ExpressionData loaded = session.datasetProperty().get();
        LoadRequest loadedFrom = session.loadRequest();
        executor.submit(I18n.text("runs.opening", summary.name()), progress -> {
            RunFolder folder = store.open(summary.id());
            EvaluationReport report = Files.exists(folder.evaluationFile()) ? folder.readEvaluation() : null;
            List<EpochMetrics> metrics = Files.exists(folder.metricsFile()) ? folder.readMetrics() : List.of();
            SequenceDataset test = report == null ? null : testSequences(folder, report, loaded, loadedFrom);
            return new RunResult(summary.id(), summary.name(), folder.directory(), report, metrics, test);
        }, session.currentRunProperty()::set,
                failure -> error.set(UserError.of(I18n.text("runs.error.open", summary.name()), failure)));
    }

    /**
     * The run's test sequences, rebuilt from its data and settings, so the Evaluation page can list and draw
     * the sequences behind a confusion-matrix cell. Null when the data are gone or no longer give the same
     * test split (checked against the saved evaluation): the metrics still show, only the list stays empty.
     */
    private static SequenceDataset testSequences(RunFolder folder, EvaluationReport report, ExpressionData loaded,
                                                 LoadRequest loadedFrom) {
        try {
            RunConfig config = folder.readConfig(RunConfig.class);
            ExpressionData data = loaded != null && loadedFrom != null
                    && DataSpec.of(loadedFrom).equals(config.data()) ? loaded
                    : ExpressionLoader.load(config.data().toRequest());
            SequenceDataset test = DatasetPreparation.prepare(data, config.preparation()).test();
            return sameSplit(test, report) ? test : null;
        } catch (RuntimeException unavailable) {
            // The run's figures still show; only the sequence view of its test split is missing.
            LOG.warn("Test sequences of run {} cannot be rebuilt", folder.directory(), unavailable);
            return null;
        }
    }

    private static boolean sameSplit(SequenceDataset test, EvaluationReport report) {
        if (test.sequenceCount() != report.sampleCount() || !test.classNames().equals(report.classNames())) {
            return false;
        }
        int[] perClass = new int[test.classCount()];
        for (int label : test.labels()) {
            perClass[label]++;
        }
        for (int actual = 0; actual < perClass.length; actual++) {
            int counted = 0;
            for (int predicted = 0; predicted < perClass.length; predicted++) {
                counted += report.confusionMatrix().count(actual, predicted);
            }
            if (counted != perClass[actual]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a run ended before it saved a model (killed, crashed, stopped early) and can go on or be judged. */
    public static boolean isUnfinished(RunSummary summary) {
        return summary != null && summary.state() != RunState.FINISHED && summary.state() != RunState.UNREADABLE
                && RunData.unfinished(summary.directory());
    }

    /** One line about the last Resume or Evaluate-best action, for the page's status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Opens an unfinished run at its best checkpoint, evaluated on its own test split, so the Evaluation page shows
     * what it had learnt when it stopped.
     */
    public void evaluateBestSoFar(RunSummary summary) {
        executor.submit(I18n.text("runs.opening", summary.name()), progress -> {
            RunData.BestSoFar best = RunData.bestSoFar(summary.directory(), false);
            EvaluationReport report = Evaluator.evaluate(best.run().model(), best.prepared().test());
            RunFolder folder = RunData.folder(summary.directory());
            List<EpochMetrics> metrics = Files.exists(folder.metricsFile()) ? folder.readMetrics() : List.of();
            notice.set(best.note());
            return new RunResult(summary.id(), I18n.text("runs.bestSoFar.name", summary.name()),
                    folder.directory(), report, metrics, best.prepared().test());
        }, session.currentRunProperty()::set,
                failure -> error.set(UserError.of(I18n.text("runs.error.bestSoFar", summary.name()), failure)));
    }

    /**
     * Continues an unfinished run from its last checkpoint in the background, exactly as if it had not stopped;
     * when it ends, the run opens like any finished one.
     */
    public void resume(RunSummary summary) {
        executor.submit(I18n.text("runs.resuming", summary.name()), progress -> {
            RunFolder folder = RunData.folder(summary.directory());
            RunConfig config = folder.readConfig(RunConfig.class);
            RunData.Loaded loaded = RunData.load(folder, config, false);
            var prepared = DatasetPreparation.prepare(loaded.data(), config.preparation());
            TrainingControl control = new TrainingControl();
            int epochs = config.hyperparameters().epochs();
            RunLauncher.CompletedRun run = new RunLauncher(store).resume(folder, config, prepared, event -> {
                if (progress.isCancelled()) {
                    control.stop();
                }
                if (event instanceof TrainingEvent.Epoch epoch) {
                    progress.update((double) epoch.epoch() / epochs, I18n.text("runs.resumingEpoch", summary.name(),
                            epoch.epoch(), epochs));
                }
            }, control, true);
            List<EpochMetrics> metrics = run.folder().readMetrics();
            notice.set(I18n.text("runs.resumed", summary.name(), metrics.size()));
            return new RunResult(summary.id(), summary.name(), run.folder().directory(), run.evaluation(), metrics,
                    prepared.test());
        }, result -> {
            session.currentRunProperty().set(result);
            refresh();
        }, failure -> {
            error.set(UserError.of(I18n.text("runs.error.resume", summary.name()), failure));
            refresh();
        });
    }

    /** Sends a run's hyperparameters to the Model page's editor, to train a variant of it. */
    public void useSettings(RunSummary summary) {
        executor.submit(I18n.text("runs.opening", summary.name()),
                progress -> store.open(summary.id()).readConfig(RunConfig.class), config -> {
                    String preset = Hyperparameters.presetNames().contains(config.preset()) ? config.preset()
                            : "methodology";
                    session.presetNameProperty().set(preset);
                    session.hyperparametersProperty().set(config.hyperparameters());
                }, failure -> error.set(UserError.of(I18n.text("runs.error.settings", summary.name()), failure)));
    }

    /** Overlays the validation curves of the chosen runs. */
    public void compare(List<RunSummary> chosen) {
        List<RunSummary> selected = List.copyOf(chosen);
        executor.submit(I18n.text("runs.comparing"), progress -> {
            List<RunCurve> losses = new ArrayList<>();
            List<RunCurve> accuracies = new ArrayList<>();
            for (RunSummary summary : selected) {
                RunFolder folder = store.open(summary.id());
                if (!Files.exists(folder.metricsFile())) {
                    continue;
                }
                List<EpochMetrics> metrics = folder.readMetrics();
                double[] epochs = metrics.stream().mapToDouble(EpochMetrics::epoch).toArray();
                losses.add(new RunCurve(summary.name(), epochs,
                        metrics.stream().mapToDouble(EpochMetrics::validationLoss).toArray()));
                accuracies.add(new RunCurve(summary.name(), epochs,
                        metrics.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray()));
            }
            return new Overlay(losses, accuracies);
        }, overlay::set, failure -> error.set(UserError.of(I18n.text("runs.error.compare"), failure)));
    }

    /** Deletes a run folder; the caller has asked the user to confirm. */
    public void delete(RunSummary summary) {
        executor.submit(I18n.text("runs.deleting", summary.name()), progress -> {
            store.delete(summary.id());
            return store.list();
        }, runs::setAll, failure -> error.set(UserError.of(I18n.text("runs.error.delete", summary.name()), failure)));
    }

    public void dismissError() {
        error.set(null);
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<Overlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
