package org.cardiacrnn.app.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.io.AtomicFiles;
import org.cardiacrnn.runs.Predictions;
import org.cardiacrnn.runs.SavedRun;

/**
 * The Predict action on a run: the run's model on a new file (labelled or not), one table row per sequence
 * and a figure of the probability of each group's called class over time; the table exports as CSV.
 */
public final class PredictionsViewModel {

    /** One sequence's prediction as the table shows it. */
    public record Row(String group, String timeSpan, int samples, String predictedClass, String probabilities,
                      boolean genesPartlyMissing) {
    }

    /** What a prediction produced: the table, the figure and the words about it. */
    public record Result(Predictions predictions, Figure figure, String summary) {
    }

    private final TaskExecutor executor;
    private final ObjectProperty<Path> runDirectory = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();

    public PredictionsViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Predicts every sequence of {@code file} with the chosen run, in the background. */
    public void predict(Path file) {
        Path run = runDirectory.get();
        if (run == null || file == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set(I18n.text("predict.running", file.getFileName()));
        executor.submit(I18n.text("predict.running", file.getFileName()), job -> {
            SavedRun saved = SavedRun.open(run);
            Predictions predictions = Predictions.of(saved, ExpressionLoader.load(LoadRequest.of(file)), null);
            Figure figure = predictions.probabilityOverTime(saved.config().preparation().sequences().timeColumn());
            String summary = I18n.text(predictions.labelled() ? "predict.done.labelled" : "predict.done",
                    predictions.rows().size(), file.getFileName());
            if (!predictions.notes().isEmpty()) {
                summary += " " + String.join(" ", predictions.notes());
            }
            return new Result(predictions, figure, summary);
        }, done -> {
            busy.set(false);
            rows.setAll(rows(done.predictions()));
            result.set(done);
            message.set(done.summary());
        }, failure -> {
            busy.set(false);
            message.set("");
            error.set(UserError.of(I18n.text("predict.error"), failure));
        });
    }

    /** Writes the shown predictions as CSV (one row per sequence, as the CLI's predict writes them). */
    public void exportTable(Path target) {
        Result shown = result.get();
        if (shown == null || target == null) {
            return;
        }
        executor.submit(I18n.text("predict.exporting"), job -> {
            AtomicFiles.writeString(target, shown.predictions().toCsv());
            return target;
        }, written -> message.set(I18n.text("predict.exported", written.getFileName())),
                failure -> error.set(UserError.of(I18n.text("predict.error"), failure)));
    }

    private static List<Row> rows(Predictions predictions) {
        List<Row> out = new ArrayList<>();
        for (Predictions.Row row : predictions.rows()) {
            List<String> probabilities = new ArrayList<>();
            for (int c = 0; c < predictions.classNames().size(); c++) {
                probabilities.add(String.format(Locale.ROOT, "%s %.2f", predictions.classNames().get(c),
                        row.probabilities()[c]));
            }
            out.add(new Row(row.group(), String.format(Locale.ROOT, "%s – %s", number(row.firstTime()),
                    number(row.lastTime())), row.samples(), row.predictedClass(), String.join(", ", probabilities),
                    row.genesPartlyMissing()));
        }
        return out;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    public void dismissError() {
        error.set(null);
    }

    /** The run whose model predicts; the Runs page binds it to the selected run. */
    public ObjectProperty<Path> runDirectoryProperty() { return runDirectory; }
    public ObservableList<Row> rows() { return rows; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UserError> errorProperty() { return error.getReadOnlyProperty(); }
}
