package org.cardiacrnn.app.runs;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.figures.RunCurve;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.RunSummary;

/**
 * The Runs page: every run folder of the workspace, reopening one into the other pages, overlaying the
 * learning curves of several, and deleting. All disk access runs on the background executor.
 */
public final class RunsViewModel {

    /** Validation curves of the runs chosen for overlay. */
    public record Overlay(List<RunCurve> validationLoss, List<RunCurve> validationAccuracy) {
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RunStore store;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Overlay> overlay = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();

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
        executor.submit(I18n.text("runs.opening", summary.name()), progress -> {
            RunFolder folder = store.open(summary.id());
            EvaluationReport report = Files.exists(folder.evaluationFile()) ? folder.readEvaluation() : null;
            List<EpochMetrics> metrics = Files.exists(folder.metricsFile()) ? folder.readMetrics() : List.of();
            return new RunResult(summary.id(), summary.name(), folder.directory(), report, metrics, null);
        }, session.currentRunProperty()::set,
                failure -> error.set(UserError.of(I18n.text("runs.error.open", summary.name()), failure)));
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
