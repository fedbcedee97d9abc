package org.cardiacrnn.app.evaluation;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.runs.CrossValidation;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;

/**
 * Cross-validation as one job: k-fold or leave-one-group-out on the current data, preparation and
 * hyperparameters, with progress, and the results: mean ± sd per metric, a row per fold (with the network's
 * margin over the window-summary baseline) and the pooled out-of-fold evaluation.
 */
public final class CrossValidationViewModel {

    /** {@link #foldsProperty()} value for leave-one-group-out. */
    public static final int LEAVE_ONE_GROUP_OUT = 0;

    /** One metric's mean ± sd over folds. */
    public record MetricRow(String metric, String meanSd) {
    }

    /** One fold's result. */
    public record FoldRow(int fold, String heldOut, String accuracy, String macroAuc, String marginOverBaseline) {
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RunStore store;
    private final IntegerProperty folds = new SimpleIntegerProperty(LEAVE_ONE_GROUP_OUT);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ObservableList<MetricRow> metricRows = FXCollections.observableArrayList();
    private final ObservableList<FoldRow> foldRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EvaluationReport> pooled = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private volatile TrainingControl control;

    public CrossValidationViewModel(WorkbenchSession session, TaskExecutor executor, RunStore store) {
        this.session = session;
        this.executor = executor;
        this.store = store;
    }

    /** Runs every fold of the chosen cross-validation in the background, one run folder per fold. */
    public void start() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null || running.get()) {
            return;
        }
        PreparationConfig preparation;
        try {
            PreparationConfig base = session.effectivePreparation();
            preparation = new PreparationConfig(base.preprocessing(), base.sequences(),
                    base.split().forFolds(folds.get()));
        } catch (RuntimeException invalid) {
            error.set(UserError.of(I18n.text("crossValidation.error"), invalid));
            return;
        }
        Hyperparameters hp = session.hyperparametersProperty().get();
        String name = session.presetNameProperty().get() + "-cv";
        RunConfig config = new RunConfig(name, session.presetNameProperty().get(), session.dataSpec(), preparation,
                hp);
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        metricRows.clear();
        foldRows.clear();
        pooled.set(null);
        headline.set("");
        progress.set(0);
        progressText.set(I18n.text("crossValidation.preparing"));
        running.set(true);
        executor.submit(I18n.text("crossValidation.running"), job -> {
            return new CrossValidation(store).run(config, data, fold -> event -> {
                if (event instanceof TrainingEvent.Epoch epoch) {
                    executor.runOnUiThread(() -> progressText.set(I18n.text("crossValidation.epoch", fold + 1,
                            epoch.epoch(), hp.epochs())));
                }
                if (job.isCancelled()) {
                    runControl.stop();
                }
            }, runControl, false, new CrossValidation.Progress() {
                @Override
                public void foldStarted(int fold, int total, PreparedData part) {
                    executor.runOnUiThread(() -> {
                        progress.set((double) fold / total);
                        progressText.set(I18n.text("crossValidation.fold", fold + 1, total));
                    });
                }

                @Override
                public void foldFinished(int fold, int total, CrossValidation.FoldResult result) {
                    FoldRow row = row(result);
                    executor.runOnUiThread(() -> {
                        progress.set((double) (fold + 1) / total);
                        foldRows.add(row);
                    });
                }
            });
        }, this::show, failure -> {
            running.set(false);
            control = null;
            progressText.set("");
            error.set(UserError.of(I18n.text("crossValidation.error"), failure));
        });
    }

    /** Asks the job to stop after the current mini-batch; finished folds are kept. */
    public void stop() {
        TrainingControl current = control;
        if (current != null) {
            current.stop();
        }
    }

    private void show(CrossValidation.Result result) {
        running.set(false);
        control = null;
        progressText.set(result.failure() != null ? result.failure() : I18n.text("crossValidation.done",
                result.folds().size()));
        if (result.summary() == null) {
            return;
        }
        result.summary().metrics().forEach((metric, value) -> metricRows.add(new MetricRow(metric,
                String.format(Locale.ROOT, "%.3f ± %.3f", value.mean(), value.standardDeviation()))));
        pooled.set(result.pooled());
        headline.set(I18n.text("crossValidation.headline", result.folds().size(),
                percent(result.summary().metrics().get("accuracy").mean()),
                percent(result.summary().metrics().get("accuracy").standardDeviation()),
                percent(result.pooled().accuracy()), result.pooled().sampleCount()));
    }

    private static FoldRow row(CrossValidation.FoldResult result) {
        BaselineComparison baselines = result.baselines();
        String margin = baselines == null || baselines.baselines().isEmpty() ? ""
                : String.format(Locale.ROOT, "%+.1f (%+.1f to %+.1f)", 100 * baselines.baselines().get(0).margin(),
                100 * baselines.baselines().get(0).marginInterval().lower(),
                100 * baselines.baselines().get(0).marginInterval().upper());
        List<String> groups = result.heldOutGroups();
        String heldOut = groups.size() <= 3 ? String.join(", ", groups) : groups.size() + " groups";
        return new FoldRow(result.fold(), heldOut, percent(result.evaluation().accuracy()),
                String.format(Locale.ROOT, "%.3f", result.evaluation().macroAuc()), margin);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }

    public void dismissError() {
        error.set(null);
    }

    /** Folds for k-fold (2 or more), or {@link #LEAVE_ONE_GROUP_OUT}. */
    public IntegerProperty foldsProperty() { return folds; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ObservableList<MetricRow> metricRows() { return metricRows; }
    public ObservableList<FoldRow> foldRows() { return foldRows; }
    public ReadOnlyObjectProperty<EvaluationReport> pooledProperty() { return pooled.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UserError> errorProperty() { return error.getReadOnlyProperty(); }
    public WorkbenchSession session() { return session; }
}
