package org.cardiacrnn.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import javafx.scene.control.ToolBar;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.LoadRequest;

/** The Data page: open files, check what was understood, look at genes. */
public final class DataView extends BorderPane {

    private final DataViewModel viewModel;
    private final TableView<Integer> table = new TableView<>();
    private final Label genePageLabel = new Label();
    private final StackPane chartHost = new StackPane();

    public DataView(DataViewModel viewModel, java.util.function.Function<GeneTrend, Node> trendChart) {
        this.viewModel = viewModel;
        getStyleClass().add("page");
        setId("dataPage");
        setTop(toolbar());
        StackPane center = new StackPane(mainContent(), emptyState(), loadingOverlay());
        setCenter(center);
        installDragAndDrop();
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
        viewModel.session().datasetProperty().addListener((obs, old, data) -> rebuildTable());
        viewModel.geneOffsetProperty().addListener((obs, old, offset) -> rebuildTable());
        viewModel.geneTrendProperty().addListener((obs, old, trend) ->
                chartHost.getChildren().setAll(trend == null ? new Label() : trendChart.apply(trend)));
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

        ToolBar bar = new ToolBar(open, sample, recent, new Separator(Orientation.VERTICAL),
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
            ImportDialog.show(getScene().getWindow(), file.toPath(), viewModel)
                    .ifPresent(choice -> SingleCellProgress.askHowToAggregate(getScene().getWindow(), choice,
                            viewModel.aggregation(), chosen -> viewModel.open(chosen.request(), chosen.roles())));
        }
    }

    private void installDragAndDrop() {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean done = false;
            if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
                viewModel.open(LoadRequest.of(event.getDragboard().getFiles().get(0).toPath()));
                done = true;
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }

    private static String formatValue(float value) {
        if (Float.isNaN(value)) {
            return "NA";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private void rebuildTable() {
        ExpressionData data = viewModel.session().datasetProperty().get();
        if (data == null) {
            table.getColumns().clear();
            table.setItems(FXCollections.observableArrayList());
            genePageLabel.setText("");
            return;
        }
        // The columns are set in one change: added one at a time, each addition restyled and laid out the table
        // again, which froze the window for seconds when a wide single-cell dataset arrived.
        List<TableColumn<Integer, ?>> columns = new ArrayList<>();
        TableColumn<Integer, String> id = new TableColumn<>(I18n.text("data.table.sample"));
        id.setCellValueFactory(row -> new ReadOnlyStringWrapper(data.matrix().sampleIds().get(row.getValue())));
        id.setPrefWidth(110);
        columns.add(id);
        for (String column : data.metadata().columnNames()) {
            TableColumn<Integer, String> meta = new TableColumn<>(column);
            meta.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    data.metadata().column(column).values().get(row.getValue())));
            meta.getStyleClass().add("metadata-column");
            columns.add(meta);
        }
        int from = viewModel.geneOffsetProperty().get();
        int to = Math.min(data.matrix().geneCount(), from + DataViewModel.GENES_PER_PAGE);
        for (int g = from; g < to; g++) {
            int gene = g;
            TableColumn<Integer, String> column = new TableColumn<>(data.matrix().geneNames().get(g));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    formatValue(data.matrix().get(row.getValue(), gene))));
            column.setPrefWidth(78);
            column.getStyleClass().add("numeric-column");
            columns.add(column);
        }
        table.getColumns().setAll(columns);
        Integer[] rows = new Integer[data.matrix().sampleCount()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        table.setItems(FXCollections.observableArrayList(rows));
        genePageLabel.setText(I18n.text("data.table.genePage", String.format(Locale.ROOT, "%,d", from + 1),
                String.format(Locale.ROOT, "%,d", to), String.format(Locale.ROOT, "%,d", data.matrix().geneCount())));
    }
}
