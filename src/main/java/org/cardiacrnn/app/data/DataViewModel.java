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

/**
 * The Data page: opening files in the background, the dataset summary, the column roles, a window of
 * genes for the table preview, and the gene search with its trend over time.
 */
public final class DataViewModel {

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
    private ImportViewModel lastImport;
    /** True while a loaded dataset is made current: its page is shown as computed in the background, once. */
    private boolean handingOver;

    public DataViewModel(WorkbenchSession session, TaskExecutor executor, RecentFiles recentFiles,
                         Path sampleDataDirectory) {
        this.session = session;
        this.executor = executor;
        this.recentFiles = recentFiles;
        this.sampleDataDirectory = sampleDataDirectory;
        recent.setAll(recentFiles.list());
        geneQuery.addListener((obs, old, query) -> unlessHandingOver(this::refreshMatchingGenes));
        selectedGene.addListener((obs, old, gene) -> unlessHandingOver(this::refreshTrend));
        for (var role : List.of(session.timeColumnProperty(), session.labelColumnProperty())) {
            role.addListener((obs, old, column) -> unlessHandingOver(this::refreshAfterRoleChange));
        }
        session.groupColumnProperty().addListener((obs, old, column) -> unlessHandingOver(this::refreshSummary));
        session.datasetProperty().addListener((obs, old, data) -> unlessHandingOver(this::refreshTablePreview));
        geneOffset.addListener((obs, old, offset) -> unlessHandingOver(this::refreshTablePreview));
        refreshTablePreview();
    }

    private void unlessHandingOver(Runnable refresh) {
        if (!handingOver) {
            refresh.run();
        }
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
        open(request, chosen, error::set);
    }

    /** As {@link #open(LoadRequest, ColumnRoles)}, handing a failure to {@code onFailure} instead of the page. */
    public void open(LoadRequest request, ColumnRoles chosen, java.util.function.Consumer<UserError> onFailure) {
        String name = request.matrix().getFileName().toString();
        load(name, progress -> {
            progress.update(-1, I18n.text("data.loading", name));
            return request;
        }, request.matrix().toString(), chosen, onFailure);
    }

    /**
     * The import form for a file, reading its first lines. Opening the same file again keeps what the user
     * typed last time, so a failed load costs no retyping.
     */
    public ImportViewModel importer(Path matrix) {
        if (lastImport == null || !lastImport.matrix().equals(matrix)) {
            lastImport = new ImportViewModel(matrix, executor);
        }
        lastImport.readPreview();
        return lastImport;
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
        }, null, new ColumnRoles(null, null, null), error::set);
    }

    /** Loads in the background what {@code locate} returns (locating may itself need I/O, e.g. extracting). */
    private void load(String name, org.cardiacrnn.app.common.BackgroundJob<LoadRequest> locate, String recentPath,
                      ColumnRoles chosen, java.util.function.Consumer<UserError> onFailure) {
        cancelLoading();
        loading.set(true);
        runningLoad = executor.submit(I18n.text("data.loading", name), progress -> {
            LoadRequest request = locate.run(progress);
            ExpressionData loaded = ExpressionLoader.loadWithReport(request, SingleCellProgress.to(progress)).data();
            return Loaded.of(loaded, request, chosen);
        }, result -> {
            loading.set(false);
            if (recentPath != null) {
                recentFiles.remember(recentPath);
                recent.setAll(recentFiles.list());
            }
            handOver(name, result);
        }, failure -> {
            loading.set(false);
            onFailure.accept(UserError.of(I18n.text("data.error.title", name), failure));
        });
    }

    /**
     * Makes a loaded dataset current with everything the page shows of it already computed. Setting the roles,
     * the dataset and the first gene one after the other would otherwise rebuild the summary, the gene list, the
     * table and the trend chart several times over on the UI thread, which froze the window for a quarter of a
     * second after an atlas-sized read.
     */
    private void handOver(String name, Loaded result) {
        ExpressionData data = result.data();
        matrixSummary = result.summary();
        handingOver = true;
        try {
            // The role choices list the new columns before the roles are set: the other way round the
            // drop-downs dropped roles the old list lacked, and the Data page lost Time/Class/Group.
            metadataColumns.setAll(data.metadata().columnNames());
            session.useDataset(name, data, result.request());
            session.timeColumnProperty().set(result.roles().time());
            session.labelColumnProperty().set(result.roles().label());
            session.groupColumnProperty().set(result.roles().group());
            // A search typed for the old genes would hide the new list.
            geneQuery.set("");
            geneOffset.set(0);
            selectedGene.set(result.firstGene());
        } finally {
            handingOver = false;
        }
        summary.setAll(result.summaryItems());
        matchingGenes.setAll(result.genes());
        tablePreview.set(result.table());
        geneTrend.set(result.trend());
    }

    /**
     * What a load job hands back: the dataset, how it was read, and what the Data page shows of it, computed off
     * the UI thread.
     */
    private record Loaded(ExpressionData data, MatrixSummary summary, LoadRequest request, ColumnRoles roles,
                          List<SummaryItem> summaryItems, List<String> genes, String firstGene, TablePreview table,
                          GeneTrend trend) {

        static Loaded of(ExpressionData data, LoadRequest request, ColumnRoles chosen) {
            MatrixSummary summary = MatrixSummary.of(data.matrix());
            java.util.Collection<String> columns = data.metadata().columnNames();
            ColumnRoles guessed = ColumnRoles.guess(data.metadata());
            ColumnRoles roles = new ColumnRoles(chosenOr(chosen.time(), guessed.time(), columns),
                    chosenOr(chosen.label(), guessed.label(), columns),
                    chosenOr(chosen.group(), guessed.group(), columns));
            String firstGene = defaultGene(data);
            // Asked by the Sequences page as soon as the dataset is current; the answer is kept with the matrix.
            data.matrix().holdsCounts();
            return new Loaded(data, summary, request, roles, DataViewModel.summaryItems(data, summary, roles),
                    DataViewModel.matchingGenes(data, ""), firstGene, TablePreview.of(data, 0),
                    firstGene == null ? null : GeneTrend.of(data, firstGene, present(data, roles.time()),
                            present(data, roles.label())));
        }

        private static String chosenOr(String chosen, String guessed, java.util.Collection<String> columns) {
            return chosen != null && columns.contains(chosen) ? chosen : guessed;
        }
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
        if (data != null && geneOffset.get() + TablePreview.genesPerPage(data) < data.matrix().geneCount()) {
            geneOffset.set(geneOffset.get() + TablePreview.genesPerPage(data));
        }
    }

    /** Shows the previous page of gene columns in the table preview. */
    public void previousGenes() {
        ExpressionData data = session.datasetProperty().get();
        geneOffset.set(data == null ? 0 : Math.max(0, geneOffset.get() - TablePreview.genesPerPage(data)));
    }

    /** Clears the last error once the user has seen it. */
    public void dismissError() {
        error.set(null);
    }

    private static String defaultGene(ExpressionData data) {
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
        summary.setAll(summaryItems(data, matrixSummary, new ColumnRoles(session.timeColumnProperty().get(),
                session.labelColumnProperty().get(), session.groupColumnProperty().get())));
    }

    private static List<SummaryItem> summaryItems(ExpressionData data, MatrixSummary matrixSummary,
                                                  ColumnRoles roles) {
        List<SummaryItem> items = new ArrayList<>();
        items.add(new SummaryItem(I18n.text("data.summary.samples"), format(matrixSummary.samples())));
        items.add(new SummaryItem(I18n.text("data.summary.genes"), format(matrixSummary.genes())));
        items.add(new SummaryItem(I18n.text("data.summary.classes"), distinct(data, roles.label())));
        items.add(new SummaryItem(I18n.text("data.summary.timePoints"), distinct(data, roles.time())));
        items.add(new SummaryItem(I18n.text("data.summary.groups"), distinct(data, roles.group())));
        items.add(new SummaryItem(I18n.text("data.summary.missing"), format(matrixSummary.missingValues())));
        items.add(new SummaryItem(I18n.text("data.summary.zeros"),
                String.format(Locale.ROOT, "%.1f %%", matrixSummary.zeroPercent())));
        items.add(new SummaryItem(I18n.text("data.summary.range"),
                String.format(Locale.ROOT, "%.3g – %.3g", matrixSummary.minValue(), matrixSummary.maxValue())));
        return items;
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
        matchingGenes.setAll(data == null ? List.of() : matchingGenes(data, geneQuery.get()));
    }

    /** The first 500 genes whose name contains the query, ignoring case. */
    private static List<String> matchingGenes(ExpressionData data, String typed) {
        String query = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String gene : data.matrix().geneNames()) {
            if (gene.toUpperCase(Locale.ROOT).contains(query)) {
                matches.add(gene);
                if (matches.size() >= 500) {
                    break;
                }
            }
        }
        return matches;
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

    public IntegerProperty geneOffsetProperty() {
        return geneOffset;
    }

    /** The table preview's page: the samples, their metadata and the current window of genes. */
    public ReadOnlyObjectProperty<TablePreview> tablePreviewProperty() {
        return tablePreview.getReadOnlyProperty();
    }

    private static String present(ExpressionData data, String column) {
        return column != null && data.metadata().hasColumn(column) ? column : null;
    }

    public WorkbenchSession session() {
        return session;
    }
}
