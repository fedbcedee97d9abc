package org.cardiacrnn.app.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
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
import org.cardiacrnn.app.common.SequenceHeat;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.evaluation.AverageMetrics;
import org.cardiacrnn.evaluation.ClassMetrics;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.figures.ConfusionMode;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.runs.RunFigures;
import org.cardiacrnn.sequences.SequenceDataset;

/**
 * The Evaluation page: headline metrics of the current run, the confusion matrix in the chosen mode, the
 * per-class table, and the sequences behind a selected confusion-matrix cell.
 */
public final class EvaluationViewModel {

    /** One line of the per-class table (a class, or the macro / weighted average). */
    public record ClassRow(String name, double precision, double recall, double f1, String support) {
    }

    /** One test sequence listed under a confusion-matrix cell. */
    public record SequenceRow(int index, String group, String trueClass, String predictedClass) {
    }

    private static final int HEATMAP_FEATURES = 25;

    private Path lastExportFolder;
    private final WorkbenchSession session;
    private final ObjectProperty<ConfusionMode> confusionMode = new SimpleObjectProperty<>(ConfusionMode.COUNTS);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownRun = new ReadOnlyStringWrapper("");
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<SequenceRow> cellSequences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cellDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SequenceHeat> selectedSequence = new ReadOnlyObjectWrapper<>();

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<ReplaceQuestion> replaceQuestion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final AttributionViewModel attributions;
    private final EmbeddingMapViewModel embeddingMap;

    public EvaluationViewModel(WorkbenchSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        this.attributions = new AttributionViewModel(session, executor);
        this.embeddingMap = new EmbeddingMapViewModel(session, executor);
        session.currentRunProperty().addListener((obs, old, run) -> refresh());
        refresh();
    }

    /** Which run the page shows, by name and folder id, so two runs of one preset are not confused. */
    public ReadOnlyStringProperty shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    /** The attributions tab of this page (issue 17). */
    public AttributionViewModel attributions() {
        return attributions;
    }

    /** The embedding-map tab of this page (issue 17). */
    public EmbeddingMapViewModel embeddingMap() {
        return embeddingMap;
    }

    public ReadOnlyObjectProperty<RunResult> runProperty() {
        return session.currentRunProperty();
    }

    private void refresh() {
        exportMessage.set("");
        cellSequences.clear();
        cellDescription.set("");
        selectedSequence.set(null);
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.report() == null) {
            headline.set("");
            shownRun.set("");
            classRows.clear();
            return;
        }
        shownRun.set(I18n.text("evaluation.shownRun", run.name(), run.runId()));
        EvaluationReport report = run.report();
        headline.set(I18n.text("evaluation.headline", percent(report.accuracy()),
                percent(report.accuracyInterval().lower()), percent(report.accuracyInterval().upper()),
                report.sampleCount(), number(report.macroAverage().f1()), number(report.macroAuc())));
        List<ClassRow> rows = new ArrayList<>();
        for (ClassMetrics metrics : report.perClass()) {
            rows.add(new ClassRow(metrics.className(), metrics.precision(), metrics.recall(), metrics.f1(),
                    Integer.toString(metrics.support())));
        }
        rows.add(average(I18n.text("evaluation.macro"), report.macroAverage(), report.sampleCount()));
        rows.add(average(I18n.text("evaluation.weighted"), report.weightedAverage(), report.sampleCount()));
        classRows.setAll(rows);
    }

    private static ClassRow average(String name, AverageMetrics metrics, int support) {
        return new ClassRow(name, metrics.precision(), metrics.recall(), metrics.f1(), Integer.toString(support));
    }

    /**
     * Lists the test sequences of true class {@code actual} predicted as {@code predicted}, in test-set order,
     * and shows the first of them.
     */
    public void selectCell(int actual, int predicted) {
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.report() == null) {
            return;
        }
        EvaluationReport report = run.report();
        List<String> classes = report.classNames();
        int count = report.confusionMatrix().count(actual, predicted);
        cellDescription.set(I18n.text("evaluation.cell", count, classes.get(actual), classes.get(predicted)));
        SequenceDataset test = run.testSet();
        if (test == null) {
            cellSequences.clear();
            selectedSequence.set(null);
            return;
        }
        List<SequenceRow> rows = new ArrayList<>();
        for (int i = 0; i < report.predictedLabels().size(); i++) {
            if (test.label(i) == actual && report.predictedLabels().get(i) == predicted) {
                rows.add(new SequenceRow(i, test.groupIds().get(i), classes.get(actual), classes.get(predicted)));
            }
        }
        cellSequences.setAll(rows);
        if (rows.isEmpty()) {
            selectedSequence.set(null);
        } else {
            showSequence(rows.get(0).index());
        }
    }

    /** Shows one test sequence as a heatmap of its most variable features over time. */
    public void showSequence(int index) {
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.testSet() == null) {
            return;
        }
        SequenceDataset test = run.testSet();
        String title = I18n.text("evaluation.sequence.title", index + 1, test.groupIds().get(index),
                test.classNames().get(test.label(index)));
        selectedSequence.set(SequenceHeat.of(test, index, HEATMAP_FEATURES, title));
    }

    /**
     * "Export all figures": every figure of the current run as PNG (300 dpi), SVG, PDF and CSV at single-column
     * width, into the run's {@code figures/} folder, in the background.
     */
    /** Where "Export all figures" suggests writing: the folder chosen last time, else the run's figures folder. */
    public Path suggestedExportFolder() {
        RunResult run = session.currentRunProperty().get();
        if (lastExportFolder != null) {
            return lastExportFolder;
        }
        return run == null || run.directory() == null ? null : run.directory().resolve("figures");
    }

    /** Files an "Export all" would replace in a folder, so the page can ask first. */
    public record ReplaceQuestion(Path folder, int files) {
    }

    /**
     * Writes every figure of the current run, in every format, into the folder the user chose. When that would
     * replace files already there, nothing is written and {@link #replaceQuestionProperty()} asks first.
     */
    public void exportAllFigures(Path folder) {
        exportAllFigures(folder, false);
    }

    /** As {@link #exportAllFigures(Path)}; {@code replace} is the user's answer to the replace question. */
    public void exportAllFigures(Path folder, boolean replace) {
        RunResult run = session.currentRunProperty().get();
        if (run == null || run.report() == null || folder == null) {
            return;
        }
        lastExportFolder = folder;
        replaceQuestion.set(null);
        EnumSet<ExportFormat> formats = EnumSet.of(ExportFormat.PNG, ExportFormat.SVG, ExportFormat.PDF,
                ExportFormat.CSV);
        executor.submit(I18n.text("evaluation.exporting"), progress -> {
            var figures = RunFigures.all(run.report(), run.epochs());
            long existing = FigureExporter.targets(figures.keySet(), folder, formats).stream()
                    .filter(java.nio.file.Files::exists).count();
            if (existing > 0 && !replace) {
                return new ReplaceQuestion(folder, (int) existing);
            }
            return new FigureExporter().exportAll(figures, folder, FigureSize.SINGLE_COLUMN, 300, formats);
        }, outcome -> {
            if (outcome instanceof ReplaceQuestion question) {
                replaceQuestion.set(question);
            } else {
                exportMessage.set(I18n.text("evaluation.exported", ((List<?>) outcome).size(), folder));
            }
        }, failure -> error.set(UserError.of(I18n.text("evaluation.export.failed"), failure)));
    }

    /** Set when an "Export all" would replace files; the page asks and answers through exportAllFigures. */
    public ReadOnlyObjectProperty<ReplaceQuestion> replaceQuestionProperty() {
        return replaceQuestion.getReadOnlyProperty();
    }

    /** The user declined to replace the files. */
    public void dismissReplaceQuestion() {
        replaceQuestion.set(null);
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set(null);
    }

    public ObjectProperty<ConfusionMode> confusionModeProperty() {
        return confusionMode;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> classRows() {
        return classRows;
    }

    public ObservableList<SequenceRow> cellSequences() {
        return cellSequences;
    }

    public ReadOnlyStringProperty cellDescriptionProperty() {
        return cellDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SequenceHeat> selectedSequenceProperty() {
        return selectedSequence.getReadOnlyProperty();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    static String number(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
