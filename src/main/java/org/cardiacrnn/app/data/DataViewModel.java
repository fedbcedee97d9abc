package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.MatrixSummary;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.data.TextPreview;

/**
 * The Data page: opening files in the background, the dataset summary, the column roles, a window of
 * genes for the table preview, and the gene search with its trend over time.
 */
public final class DataViewModel {

    /** How many gene columns the table preview shows at once; the rest are paged. */
    public static final int GENES_PER_PAGE = 40;

    /** One line of the summary card. */
    public record SummaryItem(String label, String value) {
    }

    private final WorkbenchSession session;
    private final TaskExecutor executor;
    private final RecentFiles recentFiles;
    private final Path sampleDataDirectory;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SummaryItem> summary = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> metadataColumns = FXCollections.observableArrayList();
    private final ObservableList<String> matchingGenes = FXCollections.observableArrayList();
    private final StringProperty geneQuery = new SimpleStringProperty("");
    private final ObjectProperty<String> selectedGene = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<GeneTrend> geneTrend = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty geneOffset = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<TablePreview> tablePreview = new ReadOnlyObjectWrapper<>(TablePreview.EMPTY);
    private TaskExecutor.Cancellable runningLoad;
    private MatrixSummary matrixSummary;

    public DataViewModel(WorkbenchSession session, TaskExecutor executor, RecentFiles recentFiles,
                         Path sampleDataDirectory) {
        this.session = session;
        this.executor = executor;
        this.recentFiles = recentFiles;
        this.sampleDataDirectory = sampleDataDirectory;
        recent.setAll(recentFiles.list());
        geneQuery.addListener((obs, old, query) -> refreshMatchingGenes());
        selectedGene.addListener((obs, old, gene) -> refreshTrend());
        session.timeColumnProperty().addListener((obs, old, column) -> refreshAfterRoleChange());
        session.labelColumnProperty().addListener((obs, old, column) -> refreshAfterRoleChange());
        session.groupColumnProperty().addListener((obs, old, column) -> refreshSummary());
        session.datasetProperty().addListener((obs, old, data) -> refreshTablePreview());
        geneOffset.addListener((obs, old, offset) -> refreshTablePreview());
        refreshTablePreview();
    }

    private void refreshTablePreview() {
        tablePreview.set(TablePreview.of(session.datasetProperty().get(), geneOffset.get()));
    }

    /** Loads a dataset in the background; the current one stays until the new one has loaded. */
    public void open(LoadRequest request) {
        open(request, new ColumnRoles(null, null, null));
    }

    /**
     * Loads a file with the column roles the user chose while importing; a role left null, or naming a
     * column the data turn out not to have, is guessed as usual.
     */
    public void open(LoadRequest request, ColumnRoles chosen) {
        String name = request.matrix().getFileName().toString();
        load(name, progress -> {
            progress.update(-1, I18n.text("data.loading", name));
            return request;
        }, request.matrix().toString(), chosen);
    }

    /** A fresh model for the single-cell aggregation dialog, running its reads on this page's executor. */
    public AggregationViewModel aggregation() {
        return new AggregationViewModel(executor);
    }

    /** Loads the synthetic cardiac differentiation data bundled with the workbench. */
    public void openSampleData() {
        load(I18n.text("data.sample.name"), progress -> {
            progress.update(-1, I18n.text("data.loading", I18n.text("data.sample.name")));
            return LoadRequest.of(SampleData.extract(sampleDataDirectory));
        }, null, new ColumnRoles(null, null, null));
    }

    /** Loads in the background what {@code locate} returns (locating may itself need I/O, e.g. extracting). */
    private void load(String name, org.cardiacrnn.app.common.BackgroundJob<LoadRequest> locate, String recentPath,
                      ColumnRoles chosen) {
        cancelLoading();
        loading.set(true);
        runningLoad = executor.submit(I18n.text("data.loading", name), progress -> {
            LoadRequest request = locate.run(progress);
            ExpressionData loaded = ExpressionLoader.loadWithReport(request, SingleCellProgress.to(progress)).data();
            return new Loaded(loaded, MatrixSummary.of(loaded.matrix()), request);
        }, result -> {
            loading.set(false);
            ExpressionData data = result.data();
            matrixSummary = result.summary();
            if (recentPath != null) {
                recentFiles.remember(recentPath);
                recent.setAll(recentFiles.list());
            }
            // The role choices list the new columns before the roles are set: the other way round the
            // drop-downs dropped roles the old list lacked, and the Data page lost Time/Class/Group.
            metadataColumns.setAll(data.metadata().columnNames());
            session.useDataset(name, data, result.request());
            java.util.Collection<String> columns = data.metadata().columnNames();
            choose(session.timeColumnProperty(), chosen.time(), columns);
            choose(session.labelColumnProperty(), chosen.label(), columns);
            choose(session.groupColumnProperty(), chosen.group(), columns);
            // A search typed for the old genes would hide the new list.
            geneQuery.set("");
            geneOffset.set(0);
            refreshSummary();
            refreshMatchingGenes();
            selectedGene.set(defaultGene(data));
            refreshTrend();
        }, failure -> {
            loading.set(false);
            error.set(UserError.of(I18n.text("data.error.title", name), failure));
        });
    }

    /** What a load job hands back: the dataset, its summary and how it was read, computed off the UI thread. */
    private record Loaded(ExpressionData data, MatrixSummary summary, LoadRequest request) {
    }

    /** Stops a load that is still running; the current dataset stays. */
    public void cancelLoading() {
        if (runningLoad != null && loading.get()) {
            runningLoad.cancel();
            loading.set(false);
        }
        runningLoad = null;
    }

    /** Shows the next page of gene columns in the table preview. */
    public void nextGenes() {
        ExpressionData data = session.datasetProperty().get();
        if (data != null && geneOffset.get() + GENES_PER_PAGE < data.matrix().geneCount()) {
            geneOffset.set(geneOffset.get() + GENES_PER_PAGE);
        }
    }

    /** Shows the previous page of gene columns in the table preview. */
    public void previousGenes() {
        geneOffset.set(Math.max(0, geneOffset.get() - GENES_PER_PAGE));
    }

    /** Clears the last error once the user has seen it. */
    public void dismissError() {
        error.set(null);
    }

    private String defaultGene(ExpressionData data) {
        for (String marker : List.of("TNNT2", "NKX2-5", "SOX17", "GATA6")) {
            if (data.matrix().geneIndex(marker) >= 0) {
                return marker;
            }
        }
        return data.matrix().geneCount() == 0 ? null : data.matrix().geneNames().get(0);
    }

    private void refreshAfterRoleChange() {
        refreshSummary();
        refreshTrend();
    }

    private void refreshSummary() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null || matrixSummary == null) {
            summary.clear();
            return;
        }
        List<SummaryItem> items = new ArrayList<>();
        items.add(new SummaryItem(I18n.text("data.summary.samples"), format(matrixSummary.samples())));
        items.add(new SummaryItem(I18n.text("data.summary.genes"), format(matrixSummary.genes())));
        items.add(new SummaryItem(I18n.text("data.summary.classes"),
                distinct(data, session.labelColumnProperty().get())));
        items.add(new SummaryItem(I18n.text("data.summary.timePoints"),
                distinct(data, session.timeColumnProperty().get())));
        items.add(new SummaryItem(I18n.text("data.summary.groups"),
                distinct(data, session.groupColumnProperty().get())));
        items.add(new SummaryItem(I18n.text("data.summary.missing"), format(matrixSummary.missingValues())));
        items.add(new SummaryItem(I18n.text("data.summary.zeros"),
                String.format(Locale.ROOT, "%.1f %%", matrixSummary.zeroPercent())));
        items.add(new SummaryItem(I18n.text("data.summary.range"),
                String.format(Locale.ROOT, "%.3g – %.3g", matrixSummary.minValue(), matrixSummary.maxValue())));
        summary.setAll(items);
    }

    private static String distinct(ExpressionData data, String column) {
        if (column == null || !data.metadata().hasColumn(column)) {
            return "—";
        }
        SampleMetadata.Column values = data.metadata().column(column);
        return format(values.distinctValues().size()) + "  (" + column + ")";
    }

    private static String format(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private void refreshMatchingGenes() {
        ExpressionData data = session.datasetProperty().get();
        if (data == null) {
            matchingGenes.clear();
            return;
        }
        String query = geneQuery.get() == null ? "" : geneQuery.get().trim().toUpperCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String gene : data.matrix().geneNames()) {
            if (gene.toUpperCase(Locale.ROOT).contains(query)) {
                matches.add(gene);
                if (matches.size() >= 500) {
                    break;
                }
            }
        }
        matchingGenes.setAll(matches);
    }

    private void refreshTrend() {
        ExpressionData data = session.datasetProperty().get();
        String gene = selectedGene.get();
        if (data == null || gene == null) {
            geneTrend.set(null);
            return;
        }
        // While a new dataset is being made current its roles and data change one after the other; a role naming
        // a column of the other dataset shows no trend rather than failing.
        String time = present(data, session.timeColumnProperty().get());
        String label = present(data, session.labelColumnProperty().get());
        geneTrend.set(GeneTrend.of(data, gene, time, label));
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<SummaryItem> summary() {
        return summary;
    }

    public ObservableList<String> recentFiles() {
        return recent;
    }

    public ObservableList<String> metadataColumns() {
        return metadataColumns;
    }

    public ObservableList<String> matchingGenes() {
        return matchingGenes;
    }

    public StringProperty geneQueryProperty() {
        return geneQuery;
    }

    public ObjectProperty<String> selectedGeneProperty() {
        return selectedGene;
    }

    public ReadOnlyObjectProperty<GeneTrend> geneTrendProperty() {
        return geneTrend.getReadOnlyProperty();
    }

    /** The table preview's page: the samples, their metadata and the current window of genes. */
    public ReadOnlyObjectProperty<TablePreview> tablePreviewProperty() {
        return tablePreview.getReadOnlyProperty();
    }

    public IntegerProperty geneOffsetProperty() {
        return geneOffset;
    }

    /**
     * Reads the first lines of a file in the background for the import dialog's preview; a file that
     * cannot be read shows its error message instead.
     */
    public void preview(Path file, java.util.function.Consumer<List<String>> whenRead) {
        executor.submit(I18n.text("data.previewing"),
                progress -> TextPreview.firstLines(file, 14, 240),
                whenRead,
                failure -> whenRead.accept(List.of(UserError.of("", failure).message())));
    }

    private static String present(ExpressionData data, String column) {
        return column != null && data.metadata().hasColumn(column) ? column : null;
    }

    private static void choose(javafx.beans.property.StringProperty role, String chosen,
                               java.util.Collection<String> columns) {
        if (chosen != null && columns.contains(chosen)) {
            role.set(chosen);
        }
    }

    public WorkbenchSession session() {
        return session;
    }
}
