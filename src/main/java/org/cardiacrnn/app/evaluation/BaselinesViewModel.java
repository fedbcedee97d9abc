package org.cardiacrnn.app.evaluation;

import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.runs.RunStore;

/**
 * "Does time matter?" for the current run: the network beside the static baselines fitted on the same split,
 * read from the run's evaluation.json in the background, with the margin stated in words.
 */
public final class BaselinesViewModel {

    /** One model's test accuracy and, for a baseline, the network's margin over it. */
    public record Row(String model, String accuracy, String macroAuc, String margin) {
    }

    private final TaskExecutor executor;
    private final RunStore store;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public BaselinesViewModel(WorkbenchSession session, TaskExecutor executor, RunStore store) {
        this.executor = executor;
        this.store = store;
        session.currentRunProperty().addListener((obs, old, run) -> show(run));
        show(session.currentRunProperty().get());
    }

    private void show(RunResult run) {
        rows.clear();
        summary.set("");
        if (run == null) {
            return;
        }
        executor.submit(I18n.text("baselines.reading"), job -> store.open(run.runId()).readBaselines(),
                comparison -> {
                    if (comparison == null) {
                        summary.set(I18n.text("baselines.none"));
                        return;
                    }
                    rows.add(new Row(I18n.text("baselines.network"), percent(comparison.networkAccuracy()),
                            String.format(Locale.ROOT, "%.3f", run.report().macroAuc()), ""));
                    for (BaselineComparison.Baseline baseline : comparison.baselines()) {
                        rows.add(new Row(baseline.name(), percent(baseline.accuracy()),
                                String.format(Locale.ROOT, "%.3f", baseline.macroAuc()),
                                String.format(Locale.ROOT, "%+.1f (%+.1f to %+.1f)", 100 * baseline.margin(),
                                        100 * baseline.marginInterval().lower(),
                                        100 * baseline.marginInterval().upper())));
                    }
                    summary.set(comparison.summary());
                }, failure -> summary.set(I18n.text("baselines.unreadable", failure.getMessage())));
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }

    public ObservableList<Row> rows() { return rows; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
