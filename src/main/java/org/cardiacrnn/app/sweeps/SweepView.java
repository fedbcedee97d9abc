package org.cardiacrnn.app.sweeps;

import static org.cardiacrnn.app.common.Forms.combo;
import static org.cardiacrnn.app.common.Forms.form;
import static org.cardiacrnn.app.common.Forms.intSpinner;
import static org.cardiacrnn.app.common.Forms.row;
import static org.cardiacrnn.app.common.Forms.titled;

import java.io.File;
import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.sweeps.Objective;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepSummary;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * The Sweeps page: the sweep form and earlier sweeps on the left; the live trial table and the comparison
 * plots (parallel coordinates, objective against one hyperparameter, learning curves) on the right.
 */
public final class SweepView extends BorderPane implements PageView {

    private final SweepViewModel viewModel;
    private final TableView<Trial> table = new TableView<>();
    private final VBox parameterRows = new VBox(6);
    private ChartPane parallel;
    private ChartPane scatter;
    private ChartPane curves;

    public SweepView(SweepViewModel viewModel, Function<String, ChartPane> charts, Runnable showEditor) {
        this.viewModel = viewModel;
        setId("sweepsPage");
        getStyleClass().add("page");
        ScrollPane scroller = new ScrollPane(settings());
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        BorderPane left = new BorderPane(scroller);
        left.setBottom(actionBar());
        left.setMinWidth(450);
        left.setPrefWidth(480);
        SplitPane split = new SplitPane(left, results(charts, showEditor));
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Lists the sweeps on disk again (another process may have started one) and follows the shown sweep. */
    @Override
    public Subscription onAttach() {
        viewModel.refreshSweeps();
        columns();
        SweepPlots plotted = viewModel.plots();
        return Subscription.combine(
                viewModel.trialColumns().subscribe(this::columns),
                viewModel.bestTrialProperty().subscribe(best -> table.refresh()),
                show(parallel, "sweeps.plot.parallel", plotted.parallelProperty()),
                show(scatter, "sweeps.plot.scatter", plotted.scatterProperty()),
                show(curves, "sweeps.plot.curves", plotted.curvesProperty()));
    }

    private Node settings() {
        TextField name = new TextField();
        name.setId("sweepName");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        GridPane search = form();
        row(search, 0, "sweeps.name", name);
        row(search, 1, "sweeps.strategy", combo("sweepStrategy", viewModel.strategyProperty(),
                SweepSpec.Strategy.values()));
        Spinner<Integer> budget = intSpinner("sweepBudget", viewModel.budgetProperty(), 1, 1000);
        budget.disableProperty().bind(viewModel.strategyProperty().isEqualTo(SweepSpec.Strategy.GRID));
        row(search, 2, "sweeps.budget", budget);
        row(search, 3, "sweeps.objective", combo("sweepObjective", viewModel.objectiveProperty(), Objective.values()));
        row(search, 4, "sweeps.folds", intSpinner("sweepFolds", viewModel.foldsProperty(), 1, 10));
        CheckBox stopping = new CheckBox(I18n.text("sweeps.medianStopping"));
        stopping.setId("medianStopping");
        stopping.setWrapText(true);
        stopping.selectedProperty().bindBidirectional(viewModel.medianStoppingProperty());
        search.add(stopping, 0, 5, 2, 1);
        Spinner<Integer> minEpochs = intSpinner("minEpochs", viewModel.minEpochsProperty(), 1, 1000);
        minEpochs.disableProperty().bind(stopping.selectedProperty().not());
        row(search, 6, "sweeps.minEpochs", minEpochs);

        Label base = new Label();
        base.setWrapText(true);
        base.getStyleClass().add("form-hint");
        base.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("sweeps.base",
                I18n.text("model.preset." + viewModel.session().presetNameProperty().get()),
                viewModel.session().hyperparametersProperty().get().epochs()),
                viewModel.session().presetNameProperty(), viewModel.session().hyperparametersProperty()));
        Button add = new Button(I18n.text("sweeps.addParameter"));
        add.setId("addParameter");
        add.setOnAction(event -> viewModel.addParameter());
        viewModel.parameters().addListener((ListChangeListener<SweepViewModel.ParameterRow>) change -> rebuildRows());
        rebuildRows();
        VBox varied = new VBox(8, base, parameterRows, add);

        ListView<SweepSummary> earlier = new ListView<>(viewModel.sweeps());
        earlier.setId("earlierSweeps");
        earlier.setPrefHeight(110);
        earlier.setPlaceholder(new Label(I18n.text("sweeps.none")));
        earlier.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SweepSummary sweep, boolean empty) {
                super.updateItem(sweep, empty);
                setText(empty || sweep == null ? null : SweepViewModel.summaryText(sweep));
            }
        });
        earlier.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && earlier.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(earlier.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button(I18n.text("sweeps.open"), AppIcon.OPEN.node());
        open.setId("openSweep");
        open.disableProperty().bind(earlier.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(event -> viewModel.open(earlier.getSelectionModel().getSelectedItem()));
        Button resume = new Button(I18n.text("sweeps.resume"), AppIcon.START.node());
        resume.setId("resumeSweep");
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SweepSummary chosen = earlier.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.unfinished() || viewModel.statusProperty().get()
                    != SweepViewModel.Status.IDLE;
        }, earlier.getSelectionModel().selectedItemProperty(), viewModel.statusProperty()));
        resume.setOnAction(event -> viewModel.resume(earlier.getSelectionModel().getSelectedItem()));
        Button openFolder = new Button(I18n.text("sweeps.openFolder"), AppIcon.OPEN.node());
        openFolder.setId("openSweepFolder");
        openFolder.setTooltip(new javafx.scene.control.Tooltip(I18n.text("sweeps.openFolder.tooltip")));
        openFolder.setOnAction(event -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(I18n.text("sweeps.openFolder.tooltip"));
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                viewModel.openFolder(folder.toPath());
            }
        });
        VBox history = new VBox(6, earlier, new HBox(6, open, resume), openFolder);

        VBox box = new VBox(10, titled("sweeps.section.parameters", varied), titled("sweeps.section.search", search),
                titled("sweeps.section.earlier", history));
        box.setPadding(new Insets(12, 24, 12, 12));
        return box;
    }

    private void rebuildRows() {
        parameterRows.getChildren().clear();
        int number = 1;
        for (SweepViewModel.ParameterRow row : viewModel.parameters()) {
            parameterRows.getChildren().add(parameterEditor(row, number++));
        }
    }

    /** One varied hyperparameter: its name, list or range, and the values. */
    private Node parameterEditor(SweepViewModel.ParameterRow row, int number) {
        ComboBox<String> key = new ComboBox<>();
        key.getItems().setAll(Hyperparameters.keys());
        key.setId("parameterKey" + number);
        key.valueProperty().bindBidirectional(row.keyProperty());
        key.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(key, Priority.ALWAYS);
        ToggleButton list = new ToggleButton(I18n.text("sweeps.list"));
        list.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton range = new ToggleButton(I18n.text("sweeps.range"));
        range.setId("parameterRange" + number);
        range.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup kind = new ToggleGroup();
        kind.getToggles().addAll(list, range);
        range.setSelected(row.rangeProperty().get());
        list.setSelected(!row.rangeProperty().get());
        kind.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true);
            } else {
                row.rangeProperty().set(chosen == range);
            }
        });
        HBox kindButtons = new HBox(list, range);
        kindButtons.getStyleClass().add("segmented-button-bar");
        Button remove = new Button(null, AppIcon.DELETE.node());
        remove.setId("removeParameter" + number);
        remove.setOnAction(event -> viewModel.removeParameter(row));
        HBox top = new HBox(6, key, kindButtons, remove);
        top.setAlignment(Pos.CENTER_LEFT);

        TextField values = new TextField();
        values.setId("parameterValues" + number);
        values.setPromptText(I18n.text("sweeps.values.prompt"));
        values.textProperty().bindBidirectional(row.valuesProperty());
        TextField min = small("parameterMin" + number, "sweeps.min", row.minProperty());
        TextField max = small("parameterMax" + number, "sweeps.max", row.maxProperty());
        Spinner<Integer> steps = intSpinner("parameterSteps" + number, row.stepsProperty(), 1, 100);
        steps.setPrefWidth(72);
        steps.setMinWidth(72);
        CheckBox log = new CheckBox(I18n.text("sweeps.log"));
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.selectedProperty().bindBidirectional(row.logProperty());
        HBox bounds = new HBox(6, label("sweeps.from"), min, label("sweeps.to"), max);
        bounds.setAlignment(Pos.CENTER_LEFT);
        HBox spacing = new HBox(6, steps, label("sweeps.steps"), log);
        spacing.setAlignment(Pos.CENTER_LEFT);
        VBox rangeFields = new VBox(4, bounds, spacing);
        rangeFields.visibleProperty().bind(row.rangeProperty());
        rangeFields.managedProperty().bind(rangeFields.visibleProperty());
        values.visibleProperty().bind(row.rangeProperty().not());
        values.managedProperty().bind(values.visibleProperty());
        VBox editor = new VBox(4, top, values, rangeFields);
        editor.getStyleClass().add("card");
        editor.setPadding(new Insets(6));
        return editor;
    }

    private static Label label(String key) {
        Label label = new Label(I18n.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField small(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(I18n.text(prompt));
        field.setPrefWidth(90);
        HBox.setHgrow(field, Priority.ALWAYS);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private Node actionBar() {
        Button load = new Button(I18n.text("sweeps.loadSpec"), AppIcon.OPEN.node());
        load.setOnAction(event -> {
            File file = chooser().showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.loadSpec(file.toPath());
            }
        });
        Button save = new Button(I18n.text("sweeps.saveSpec"), AppIcon.SAVE.node());
        save.setOnAction(event -> {
            File file = chooser().showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.saveSpec(file.toPath());
            }
        });
        Button start = new Button(I18n.text("sweeps.start"), AppIcon.START.node());
        start.setId("startSweep");
        start.getStyleClass().add("accent");
        start.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(start, Priority.ALWAYS);
        start.disableProperty().bind(viewModel.session().datasetProperty().isNull()
                .or(viewModel.statusProperty().isNotEqualTo(SweepViewModel.Status.IDLE)));
        start.setOnAction(event -> viewModel.start());
        Button stop = new Button(I18n.text("sweeps.stop"), AppIcon.STOP.node());
        stop.setId("stopSweep");
        stop.disableProperty().bind(viewModel.statusProperty().isNotEqualTo(SweepViewModel.Status.RUNNING));
        stop.setOnAction(event -> {
            if (viewModel.followingProperty().get()) {
                StopWorkersDialog.ask(getScene().getWindow(), viewModel.followedJob())
                        .ifPresent(choice -> viewModel.stopWorkers(choice.mode(), choice.cancelJob()));
            } else {
                viewModel.stop();
            }
        });
        HBox files = new HBox(6, load, save);
        HBox run = new HBox(6, start, stop);
        VBox bar = new VBox(8, files, run);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("sweeps.fileType"), "*.json"));
        chooser.setInitialFileName("sweep.json");
        return chooser;
    }

    private Node results(Function<String, ChartPane> charts, Runnable showEditor) {
        Label progress = new Label();
        progress.setId("sweepProgress");
        progress.getStyleClass().add("headline");
        progress.setWrapText(true);
        progress.textProperty().bind(viewModel.progressTextProperty());

        table.setId("trialTable");
        table.setItems(viewModel.trials());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label noTrials = new Label(I18n.text("sweeps.table.empty"));
        noTrials.setWrapText(true);
        noTrials.setPadding(new Insets(8));
        table.setPlaceholder(noTrials);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Trial trial, boolean empty) {
                super.updateItem(trial, empty);
                boolean best = !empty && trial != null && trial.number() == viewModel.bestTrialProperty().get();
                if (best != getStyleClass().contains("best-trial")) {
                    if (best) {
                        getStyleClass().add("best-trial");
                    } else {
                        getStyleClass().remove("best-trial");
                    }
                }
            }
        });

        Button use = new Button(I18n.text("sweeps.useConfig"), AppIcon.COPY.node());
        use.setId("useTrialConfig");
        use.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(event -> {
            viewModel.useConfig(table.getSelectionModel().getSelectedItem());
            showEditor.run();
        });
        Button export = new Button(I18n.text("sweeps.exportTable"), AppIcon.EXPORT.node());
        export.setId("exportTrials");
        export.disableProperty().bind(viewModel.shownSpecProperty().isNull());
        export.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            chooser.setInitialFileName("trials.csv");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.exportTable(file.toPath());
            }
        });
        Button resumeShown = new Button(I18n.text("sweeps.resumeShown"), AppIcon.START.node());
        resumeShown.setId("resumeShownSweep");
        resumeShown.getStyleClass().add("accent");
        resumeShown.visibleProperty().bind(viewModel.resumableProperty());
        resumeShown.managedProperty().bind(resumeShown.visibleProperty());
        resumeShown.setOnAction(event -> viewModel.resumeShown());
        // The progress line gives way (with an ellipsis) before the buttons do.
        progress.setMinWidth(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        for (Button button : List.of(resumeShown, use, export)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox line = new HBox(8, progress, resumeShown, use, export);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMaxWidth(Double.MAX_VALUE);
        ToolBar bar = new ToolBar(line);
        line.prefWidthProperty().bind(bar.widthProperty().subtract(24));
        bar.getStyleClass().add("page-toolbar");

        parallel = charts.apply("parallelChart");
        scatter = charts.apply("scatterChart");
        curves = charts.apply("trialCurvesChart");
        SweepPlots plotted = viewModel.plots();
        ComboBox<String> scatterKey = new ComboBox<>(plotted.scatterParameters());
        scatterKey.setId("scatterParameter");
        scatterKey.valueProperty().bindBidirectional(plotted.scatterParameterProperty());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Trial>) change ->
                plotted.selectedTrials().setAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        HBox scatterBar = new HBox(8, new Label(I18n.text("sweeps.scatter.against")), scatterKey);
        scatterBar.setAlignment(Pos.CENTER_LEFT);
        scatterBar.setPadding(new Insets(6, 0, 0, 6));
        VBox scatterBox = new VBox(4, scatterBar, scatter);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        TabPane plots = new TabPane(tab("sweeps.plot.parallel", parallel), tab("sweeps.plot.scatter.tab", scatterBox),
                tab("sweeps.plot.curves.tab", curves));
        plots.setId("sweepPlots");

        SplitPane split = new SplitPane(table, plots);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return new BorderPane(split, bar, null, null, null);
    }

    private static Tab tab(String key, Node content) {
        Tab tab = new Tab(I18n.text(key), content);
        tab.setClosable(false);
        return tab;
    }

    private static Subscription show(ChartPane chart, String headingKey, ReadOnlyObjectProperty<Figure> figure) {
        return figure.subscribe(now -> chart.show(I18n.text(headingKey), now));
    }

    private void columns() {
        table.getColumns().setAll(viewModel.trialColumns().stream().map(SweepView::column).toList());
    }

    private static TableColumn<Trial, Object> column(TrialColumns.Column shown) {
        TableColumn<Trial, Object> column = new TableColumn<>(shown.header());
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(shown.value().apply(row.getValue())));
        column.setComparator(TrialColumns::order);
        column.setPrefWidth(shown.width());
        if (shown.descending()) {
            column.setSortType(TableColumn.SortType.DESCENDING);
        }
        return column;
    }
}
