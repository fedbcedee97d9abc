package org.cardiacrnn.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.FlowToolBar;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.data.LoadRequest;

/** The Data page: open files, check what was understood, look at genes. */
public final class DataView extends BorderPane implements PageView {

    private static final String METADATA_STYLE = "metadata-column";
    private static final String NUMERIC_STYLE = "numeric-column";
    /** TableColumn's own default widths, which a reused column returns to before it is fitted again. */
    /** Not JavaFX's default of 80, at which it would measure the column's first rows again itself. */
    private static final double METADATA_WIDTH = 70;
    private static final double MIN_WIDTH = 10;

    private final DataViewModel viewModel;
    private final TableView<PreviewRow> table = new TableView<>();
    private final Label genePageLabel = new Label();
    private final StackPane chartHost = new StackPane();
    private final java.util.function.Function<GeneTrend, Node> trendChart;
    private TablePreview shownPreview;
    private GeneTrend shownTrend;

    public DataView(DataViewModel viewModel, java.util.function.Function<GeneTrend, Node> trendChart) {
        this.viewModel = viewModel;
        this.trendChart = trendChart;
        getStyleClass().add("page");
        setId("dataPage");
        setTop(toolbar());
        StackPane center = new StackPane(mainContent(), emptyState(), loadingOverlay());
        setCenter(center);
        installDragAndDrop();
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Shows the table page and gene trend the view-model holds now and follows them while the page is shown. */
    @Override
    public Subscription onAttach() {
        return Subscription.combine(viewModel.tablePreviewProperty().subscribe(this::rebuildTable),
                viewModel.geneTrendProperty().subscribe(this::showTrend));
    }

    private void showTrend(GeneTrend trend) {
        // Coming back to the page must not rebuild an unchanged chart.
        if (trend != shownTrend || chartHost.getChildren().isEmpty()) {
            shownTrend = trend;
            chartHost.getChildren().setAll(trend == null ? new Label() : trendChart.apply(trend));
        }
    }

    private Node toolbar() {
        Button open = new Button(I18n.text("data.open"), AppIcon.OPEN.node());
        open.setId("openDataButton");
        open.setOnAction(event -> chooseAndOpen());
        Button sample = new Button(I18n.text("data.sample"), AppIcon.SAMPLE.node());
        sample.setId("sampleDataButton");
        sample.setOnAction(event -> viewModel.openSampleData());
        MenuButton recent = new MenuButton(I18n.text("data.recent"));
        recent.setId("recentFilesButton");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (String path : viewModel.recentFiles()) {
                MenuItem item = new MenuItem(path);
                item.setOnAction(event -> viewModel.open(LoadRequest.of(Path.of(path))));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        viewModel.recentFiles().addListener((ListChangeListener<String>) change -> fillRecent.run());
        fillRecent.run();

        FlowToolBar bar = new FlowToolBar(open, sample, recent, new Separator(Orientation.VERTICAL),
                roleBox("data.role.time", "timeRole", viewModel.session().timeColumnProperty()),
                roleBox("data.role.label", "labelRole", viewModel.session().labelColumnProperty()),
                roleBox("data.role.group", "groupRole", viewModel.session().groupColumnProperty()));
        bar.getStyleClass().add("page-toolbar");
        return bar;
    }

    private Node roleBox(String labelKey, String id, javafx.beans.property.StringProperty role) {
        ComboBox<String> box = new ComboBox<>(viewModel.metadataColumns());
        box.setId(id);
        box.setPromptText(I18n.text("data.role.none"));
        box.valueProperty().bindBidirectional(role);
        box.setPrefWidth(140);
        Label label = new Label(I18n.text(labelKey));
        label.setLabelFor(box);
        HBox pair = new HBox(6, label, box);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private Node mainContent() {
        VBox side = new VBox(12, summaryCard(), geneSearch());
        side.getStyleClass().add("side-panel");
        side.setPrefWidth(300);
        side.setMinWidth(260);

        table.setId("dataTable");
        ColumnWidths.fitToContent(table);
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label(""));
        Button previous = new Button("‹");
        previous.setId("previousGenes");
        previous.setOnAction(event -> viewModel.previousGenes());
        Button next = new Button("›");
        next.setId("nextGenes");
        next.setOnAction(event -> viewModel.nextGenes());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label tableTitle = new Label(I18n.text("data.table.title"));
        tableTitle.getStyleClass().add("section-title");
        HBox tableHeader = new HBox(8, tableTitle, spacer, genePageLabel, previous, next);
        tableHeader.setAlignment(Pos.CENTER_LEFT);
        VBox tableBox = new VBox(6, tableHeader, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        tableBox.setPadding(new Insets(8));

        VBox chartBox = new VBox(6, chartHost);
        VBox.setVgrow(chartHost, Priority.ALWAYS);
        chartBox.setPadding(new Insets(8));

        SplitPane right = new SplitPane(tableBox, chartBox);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        SplitPane split = new SplitPane(side, right);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(side, false);
        split.visibleProperty().bind(viewModel.session().datasetProperty().isNotNull());
        return split;
    }

    private Node summaryCard() {
        Label title = new Label(I18n.text("data.summary.title"));
        title.getStyleClass().add("section-title");
        Label name = new Label();
        name.setId("datasetName");
        name.getStyleClass().add("dataset-name");
        name.textProperty().bind(viewModel.session().datasetNameProperty());
        name.setWrapText(true);
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setId("summaryGrid");
        grid.setHgap(12);
        grid.setVgap(4);
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (DataViewModel.SummaryItem item : viewModel.summary()) {
                Label key = new Label(item.label());
                key.getStyleClass().add("summary-key");
                Label value = new Label(item.value());
                value.getStyleClass().add("summary-value");
                grid.addRow(row++, key, value);
            }
        };
        viewModel.summary().addListener((ListChangeListener<DataViewModel.SummaryItem>) change -> fill.run());
        fill.run();
        VBox card = new VBox(6, title, name, grid);
        card.getStyleClass().add("card");
        return card;
    }

    private Node geneSearch() {
        Label title = new Label(I18n.text("data.genes.title"));
        title.getStyleClass().add("section-title");
        TextField query = new TextField();
        query.setId("geneSearch");
        query.setPromptText(I18n.text("data.genes.prompt"));
        query.textProperty().bindBidirectional(viewModel.geneQueryProperty());
        ListView<String> genes = new ListView<>(viewModel.matchingGenes());
        genes.setId("geneList");
        genes.getSelectionModel().selectedItemProperty().addListener((obs, old, gene) -> {
            if (gene != null) {
                viewModel.selectedGeneProperty().set(gene);
            }
        });
        VBox box = new VBox(6, title, query, genes);
        VBox.setVgrow(genes, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        box.getStyleClass().add("card");
        return box;
    }

    private Node emptyState() {
        Label headline = new Label(I18n.text("data.empty.headline"));
        headline.getStyleClass().add("empty-headline");
        Label hint = new Label(I18n.text("data.empty.hint"));
        hint.getStyleClass().add("empty-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        Button sample = new Button(I18n.text("data.sample"), AppIcon.SAMPLE.node());
        sample.getStyleClass().add("accent");
        sample.setOnAction(event -> viewModel.openSampleData());
        Button open = new Button(I18n.text("data.open"), AppIcon.OPEN.node());
        open.setOnAction(event -> chooseAndOpen());
        HBox buttons = new HBox(12, sample, open);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, headline, hint, buttons);
        box.setAlignment(Pos.CENTER);
        box.setId("dataEmptyState");
        box.visibleProperty().bind(viewModel.session().datasetProperty().isNull()
                .and(viewModel.loadingProperty().not()));
        return box;
    }

    private Node loadingOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        Label label = new Label(I18n.text("data.loadingShort"));
        Button cancel = new Button(I18n.text("common.cancel"));
        cancel.setId("cancelLoading");
        cancel.setOnAction(event -> viewModel.cancelLoading());
        VBox box = new VBox(12, spinner, label, cancel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("loading-overlay");
        box.visibleProperty().bind(viewModel.loadingProperty());
        return box;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("data.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.text("data.open.filter.expression"),
                        "*.csv", "*.tsv", "*.txt", "*.gz", "*.h5ad", "*.mtx", "*.mtx.gz"),
                new FileChooser.ExtensionFilter(I18n.text("data.open.filter.all"), "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            importAndOpen(viewModel.importer(file.toPath()));
        }
    }

    /** A load that fails brings the form back with the user's choices and the error, not an emptied dialog. */
    void importAndOpen(ImportViewModel form) {
        ImportDialog.show(getScene().getWindow(), form)
                .ifPresent(choice -> SingleCellProgress.askHowToAggregate(getScene().getWindow(), choice,
                        viewModel.aggregation(), chosen -> viewModel.open(chosen.request(), chosen.roles(),
                                failure -> {
                                    form.loadFailed(failure);
                                    importAndOpen(form);
                                })));
    }

    private void installDragAndDrop() {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            event.setDropCompleted(openDropped(event.getDragboard().getFiles()));
            event.consume();
        });
    }

    /**
     * A dropped file or 10x folder goes the way of one chosen with Open: the import dialog, then the aggregation
     * question for a large single-cell file, then the read in the background. Only the first of several is opened.
     * The dialogs open after the drop has finished, so the program the file came from is not kept waiting on them.
     */
    boolean openDropped(List<File> files) {
        if (files == null || files.isEmpty()) {
            return false;
        }
        Path dropped = files.get(0).toPath();
        javafx.application.Platform.runLater(() -> importAndOpen(viewModel.importer(dropped)));
        return true;
    }

    private void rebuildTable(TablePreview preview) {
        if (preview == shownPreview) {
            return;
        }
        shownPreview = preview;
        // The columns already there are reused: replacing them builds and styles every header and every cell of
        // the table anew, which was most of the UI thread's work when a large dataset arrived. Added or removed
        // columns go in one change: one by one restyles and lays out the table each time.
        List<TableColumn<PreviewRow, ?>> columns = table.getColumns();
        List<TablePreview.Column> wanted = preview.columns();
        if (columns.size() > wanted.size()) {
            columns.subList(wanted.size(), columns.size()).clear();
        }
        List<TableColumn<PreviewRow, String>> added = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (i < columns.size()) {
                @SuppressWarnings("unchecked")
                TableColumn<PreviewRow, String> reused = (TableColumn<PreviewRow, String>) columns.get(i);
                show(reused, wanted.get(i));
            } else {
                TableColumn<PreviewRow, String> column = new TableColumn<>();
                show(column, wanted.get(i));
                added.add(column);
            }
        }
        columns.addAll(added);
        PreviewRow[] rows = new PreviewRow[preview.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new PreviewRow(i);
        }
        table.setItems(FXCollections.observableArrayList(rows));
        genePageLabel.setText(preview.pageText());
    }

    /**
     * One row of the table preview. Each page gets new rows, equal to no other, so that the table asks the reused
     * columns for every cell again rather than keeping the text of an equal row index.
     */
    static final class PreviewRow {
        private final int index;

        PreviewRow(int index) {
            this.index = index;
        }
    }

    private static void show(TableColumn<PreviewRow, String> column, TablePreview.Column shown) {
        column.setText(shown.header());
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(shown.cell().apply(row.getValue().index)));
        // Each cell follows its column's style classes and widths: changing them needlessly restyles every cell.
        String style = switch (shown.kind()) {
            case SAMPLE -> null;
            case METADATA -> METADATA_STYLE;
            case GENE -> NUMERIC_STYLE;
        };
        List<String> kindStyles = column.getStyleClass().stream()
                .filter(name -> name.equals(METADATA_STYLE) || name.equals(NUMERIC_STYLE)).toList();
        if (!kindStyles.equals(style == null ? List.of() : List.of(style))) {
            column.getStyleClass().removeAll(METADATA_STYLE, NUMERIC_STYLE);
            if (style != null) {
                column.getStyleClass().add(style);
            }
        }
        // Widths start again from the kind's own and are then fitted to the new content.
        column.setMinWidth(MIN_WIDTH);
        column.setPrefWidth(switch (shown.kind()) {
            case SAMPLE -> 110;
            case METADATA -> METADATA_WIDTH;
            case GENE -> 78;
        });
    }
}
