package org.cardiacrnn.app.evaluation;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.Choices;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.PageView;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.figures.ConfusionMode;
import org.cardiacrnn.figures.DataCharts;
import org.cardiacrnn.runs.RunFigures;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/** The Evaluation page: how well the current run classifies its test sequences. */
public final class EvaluationView extends BorderPane implements PageView {

    private final EvaluationViewModel viewModel;
    private final Function<String, ChartPane> charts;
    private final ChartPane confusion;
    private final ChartPane roc;
    private final ChartPane precisionRecall;
    private final ChartPane reliability;
    private final ChartPane histogram;
    private final ChartPane early;
    private final ChartPane sequence;
    private RunResult shownRun;
    private ConfusionMode shownMode;
    private boolean shownOnce;

    /** @param charts makes an empty chart pane with the given id (export and theme wired in) */
    public EvaluationView(EvaluationViewModel viewModel, Function<String, ChartPane> charts) {
        this.viewModel = viewModel;
        this.charts = charts;
        setId("evaluationPage");
        getStyleClass().add("page");
        confusion = charts.apply("confusionChart");
        roc = charts.apply("rocChart");
        precisionRecall = charts.apply("prChart");
        reliability = charts.apply("reliabilityChart");
        histogram = charts.apply("confidenceChart");
        early = charts.apply("earlyPredictionChart");
        sequence = charts.apply("sequenceHeatmap");

        Label headline = new Label();
        headline.setId("evaluationHeadline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setWrapText(true);
        Button exportAll = new Button(I18n.text("evaluation.exportAll"), AppIcon.EXPORT.node());
        exportAll.setId("exportAllFigures");
        exportAll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.setMinWidth(0);
        exportAll.disableProperty().bind(viewModel.runProperty().isNull());
        exportAll.setOnAction(event -> {
            // Forty files are not written anywhere without asking where.
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(I18n.text("evaluation.exportAll.folder"));
            java.nio.file.Path suggested = viewModel.suggestedExportFolder();
            if (suggested != null) {
                java.nio.file.Path existing = java.nio.file.Files.isDirectory(suggested) ? suggested
                        : suggested.getParent();
                if (existing != null && java.nio.file.Files.isDirectory(existing)) {
                    chooser.setInitialDirectory(existing.toFile());
                }
            }
            java.io.File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                viewModel.exportAllFigures(folder.toPath());
            }
        });
        viewModel.replaceQuestionProperty().addListener((obs, old, question) -> {
            if (question == null) {
                return;
            }
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    I18n.text("evaluation.exportAll.replace", question.files(), question.folder()),
                    javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            ask.initOwner(getScene().getWindow());
            ask.setHeaderText(I18n.text("evaluation.exportAll.replace.header"));
            ask.getDialogPane().setId("replaceFiguresDialog");
            if (ask.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).isPresent()) {
                viewModel.exportAllFigures(question.folder(), true);
            } else {
                viewModel.dismissReplaceQuestion();
            }
        });
        Label exported = new Label();
        exported.getStyleClass().add("empty-hint");
        exported.textProperty().bind(viewModel.exportMessageProperty());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox headerRow = new HBox(12, headline, spacer, exported, exportAll);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        Label shownRun = new Label();
        shownRun.setId("evaluationRun");
        shownRun.getStyleClass().add("empty-hint");
        shownRun.setWrapText(true);
        shownRun.textProperty().bind(viewModel.shownRunProperty());
        VBox top = new VBox(2, shownRun, headerRow);
        top.setPadding(new Insets(12, 16, 4, 16));
        setTop(top);

        TabPane tabs = new TabPane(
                tab("evaluation.tab.overview", overview()),
                tab("evaluation.tab.curves", twoCharts(roc, precisionRecall)),
                tab("evaluation.tab.calibration", twoCharts(reliability, histogram)),
                tab("evaluation.tab.early", early),
                tab("evaluation.tab.attributions", new AttributionPane(viewModel.attributions(), charts)),
                tab("evaluation.tab.embedding", new EmbeddingMapPane(viewModel.embeddingMap(), charts)));
        tabs.setId("evaluationTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label empty = new Label(I18n.text("evaluation.empty"));
        empty.getStyleClass().add("empty-hint");
        empty.visibleProperty().bind(viewModel.runProperty().isNull());
        tabs.visibleProperty().bind(viewModel.runProperty().isNotNull());
        setCenter(new StackPane(tabs, empty));

        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** Shows the run and sequence the view-model holds now and follows them while the page is shown. */
    @Override
    public Subscription onAttach() {
        return Subscription.combine(viewModel.runProperty().subscribe(run -> refreshRun()),
                viewModel.confusionModeProperty().subscribe(mode -> refreshRun()),
                viewModel.selectedSequenceProperty().subscribe(heat -> sequence.show(
                        heat == null ? "" : heat.title(),
                        heat == null ? null : DataCharts.sequenceHeatmap(heat.title(), heat.values(),
                                heat.features(), heat.timeLabels()))));
    }

    /** Redraws the run's figures, unless coming back to the page found the same run in the same mode. */
    private void refreshRun() {
        RunResult run = viewModel.runProperty().get();
        ConfusionMode mode = viewModel.confusionModeProperty().get();
        if (shownOnce && run == shownRun && mode == shownMode) {
            return;
        }
        shownOnce = true;
        shownRun = run;
        shownMode = mode;
        showRun(run);
    }

    private static Tab tab(String key, Node content) {
        Tab tab = new Tab(I18n.text(key), content);
        tab.setId(key.replace('.', '-'));
        return tab;
    }

    private static Node twoCharts(ChartPane left, ChartPane right) {
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        return split;
    }

    private Node overview() {
        ToggleGroup modes = new ToggleGroup();
        HBox modeBar = new HBox(4);
        modeBar.setAlignment(Pos.CENTER_LEFT);
        for (ConfusionMode mode : ConfusionMode.values()) {
            ToggleButton button = new ToggleButton(Choices.label(mode));
            button.setId("confusionMode-" + mode.name().toLowerCase());
            button.setToggleGroup(modes);
            button.setSelected(mode == viewModel.confusionModeProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                viewModel.confusionModeProperty().set(mode);
            });
            modeBar.getChildren().add(button);
        }
        confusion.setBottom(modeBar);
        BorderPane.setMargin(modeBar, new Insets(4, 0, 0, 0));
        confusion.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item) {
                    int classes = viewModel.runProperty().get().report().classNames().size();
                    int cell = item.getItem();
                    viewModel.selectCell(cell / classes, cell % classes);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });

        SplitPane split = new SplitPane(confusion, rightColumn());
        split.setDividerPositions(0.5);
        return split;
    }

    private Node rightColumn() {
        TableView<EvaluationViewModel.ClassRow> table = new TableView<>(viewModel.classRows());
        table.setId("classTable");
        table.getColumns().add(textColumn("evaluation.column.class", EvaluationViewModel.ClassRow::name, 160));
        table.getColumns().add(numberColumn("evaluation.column.precision", EvaluationViewModel.ClassRow::precision));
        table.getColumns().add(numberColumn("evaluation.column.recall", EvaluationViewModel.ClassRow::recall));
        table.getColumns().add(numberColumn("evaluation.column.f1", EvaluationViewModel.ClassRow::f1));
        table.getColumns().add(textColumn("evaluation.column.support", EvaluationViewModel.ClassRow::support, 80));
        ColumnWidths.fitToContent(table);
        // Tall enough for every class and the macro and weighted averages: they hid below the scroll area.
        table.setFixedCellSize(32);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).multiply(32).add(48));
        table.minHeightProperty().bind(table.prefHeightProperty());

        Label cell = new Label();
        cell.setId("cellDescription");
        cell.textProperty().bind(viewModel.cellDescriptionProperty());
        Label hint = new Label(I18n.text("evaluation.cell.hint"));
        hint.getStyleClass().add("empty-hint");
        hint.visibleProperty().bind(viewModel.cellDescriptionProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        ListView<EvaluationViewModel.SequenceRow> sequences = new ListView<>(viewModel.cellSequences());
        sequences.setId("cellSequences");
        sequences.setPrefHeight(120);
        sequences.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(EvaluationViewModel.SequenceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null
                        : I18n.text("evaluation.sequence.row", row.index() + 1, row.group()));
            }
        });
        sequences.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.showSequence(row.index());
                viewModel.attributions().attributeSequence(row.index());
            }
        });
        SplitPane drill = new SplitPane(sequences, sequence, new SequenceAttributionPane(viewModel.attributions(),
                charts));
        drill.setDividerPositions(0.2, 0.6);
        // Until a cell is chosen the list and heatmap would only be empty frames.
        drill.visibleProperty().bind(viewModel.cellDescriptionProperty().isNotEmpty());
        // The drill-down yields its height first: its minimum made the overview taller than the tab at 1024 x 700,
        // and the confusion matrix beside it lost its class labels below the window's edge.
        drill.setMinHeight(0);
        VBox box = new VBox(8, table, hint, cell, drill);
        VBox.setVgrow(drill, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<EvaluationViewModel.ClassRow, String> textColumn(String key,
            Function<EvaluationViewModel.ClassRow, String> value, double width) {
        TableColumn<EvaluationViewModel.ClassRow, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<EvaluationViewModel.ClassRow, String> numberColumn(String key,
            java.util.function.ToDoubleFunction<EvaluationViewModel.ClassRow> value) {
        TableColumn<EvaluationViewModel.ClassRow, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                EvaluationViewModel.number(value.applyAsDouble(row.getValue()))));
        column.getStyleClass().add("numeric-column");
        column.setPrefWidth(90);
        return column;
    }

    private void showRun(RunResult run) {
        if (run == null || run.report() == null) {
            for (ChartPane pane : new ChartPane[] {confusion, roc, precisionRecall, reliability, histogram, early}) {
                pane.show("", null);
            }
            return;
        }
        var report = run.report();
        confusion.show(I18n.text("evaluation.chart.confusion"),
                RunFigures.confusionMatrix(report, viewModel.confusionModeProperty().get()));
        roc.show(I18n.text("evaluation.chart.roc"), RunFigures.roc(report));
        precisionRecall.show(I18n.text("evaluation.chart.pr"), RunFigures.precisionRecall(report));
        reliability.show(I18n.text("evaluation.chart.reliability"), RunFigures.reliability(report));
        histogram.show(I18n.text("evaluation.chart.confidence"), RunFigures.confidenceHistogram(report));
        early.show(I18n.text("evaluation.chart.early"), RunFigures.earlyPrediction(report));
    }
}
