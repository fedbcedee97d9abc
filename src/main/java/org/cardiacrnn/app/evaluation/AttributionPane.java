package org.cardiacrnn.app.evaluation;

import java.util.Comparator;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.interpret.Baseline;
import org.cardiacrnn.interpret.Evidence;

/**
 * The Evaluation page's attributions tab: per class, the top genes by all their evidence, by the evidence from
 * raised expression (markers) or from lowered expression, when they matter, and the ranking with both parts of
 * every gene's attribution.
 */
public final class AttributionPane extends BorderPane {

    /** @param charts makes an empty chart pane with the given id (export and theme wired in) */
    public AttributionPane(AttributionViewModel viewModel, Function<String, ChartPane> charts) {
        setId("attributionPane");
        Button compute = new Button(I18n.text("attribution.compute"));
        compute.setId("attributionCompute");
        compute.disableProperty().bind(viewModel.runningProperty());
        compute.setOnAction(event -> viewModel.computeAttributions());
        Button cancel = new Button(I18n.text("attribution.cancel"));
        cancel.setId("attributionCancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        ComboBox<String> classes = new ComboBox<>(viewModel.classNames());
        classes.setId("attributionClass");
        classes.valueProperty().bindBidirectional(viewModel.selectedClassProperty());
        ComboBox<Evidence> rankingChoice = new ComboBox<>(FXCollections.observableArrayList(Evidence.values()));
        rankingChoice.setId("attributionRanking");
        rankingChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Evidence evidence) {
                return evidence == null ? "" : I18n.text(switch (evidence) {
                    case ALL -> "attribution.ranking.all";
                    case RAISED -> "attribution.ranking.raised";
                    case LOWERED -> "attribution.ranking.lowered";
                });
            }

            @Override
            public Evidence fromString(String text) {
                throw new UnsupportedOperationException("the ranking is chosen, not typed");
            }
        });
        rankingChoice.valueProperty().bindBidirectional(viewModel.rankingProperty());
        rankingChoice.setTooltip(new Tooltip(I18n.text("attribution.ranking.tooltip")));
        ComboBox<Baseline.Kind> baselineChoice = new ComboBox<>(
                FXCollections.observableArrayList(Baseline.Kind.values()));
        baselineChoice.setId("attributionBaseline");
        baselineChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Baseline.Kind kind) {
                return kind == null ? "" : I18n.text(switch (kind) {
                    case TIME_MATCHED -> "attribution.baseline.timeMatched";
                    case TRAINING_MEAN -> "attribution.baseline.trainingMean";
                    case BLURRED -> "attribution.baseline.blurred";
                });
            }

            @Override
            public Baseline.Kind fromString(String text) {
                throw new UnsupportedOperationException("the baseline is chosen, not typed");
            }
        });
        baselineChoice.valueProperty().bindBidirectional(viewModel.baselineProperty());
        baselineChoice.setTooltip(new Tooltip(I18n.text("attribution.baseline.tooltip")));
        // The status names the baseline, so it shares the baseline's row and wraps there: beside all the controls
        // it was cut off, and on a row of its own it took the height the charts need in a 1024 x 700 window.
        Label status = new Label();
        status.setId("attributionStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        // Label and control stay together when a narrow window wraps the bar.
        FlowPane bar = new FlowPane(16, 6, new HBox(8, compute, cancel),
                labelled("attribution.class", classes), labelled("attribution.ranking", rankingChoice));
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox baselineRow = new HBox(16, labelled("attribution.baseline", baselineChoice), status);
        baselineRow.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, baselineRow);
        top.setPadding(new Insets(8));
        setTop(top);

        ChartPane bars = charts.apply("attributionBars");
        ChartPane overTime = charts.apply("attributionOverTime");
        viewModel.rankedBarsProperty().addListener((obs, old, figure) -> bars.show(figure == null ? ""
                : I18n.text(switch (viewModel.rankingProperty().get()) {
                    case ALL -> "attribution.chart.bars";
                    case RAISED -> "attribution.chart.bars.raised";
                    case LOWERED -> "attribution.chart.bars.lowered";
                }), figure));
        viewModel.topGenesOverTimeProperty().addListener((obs, old, figure) -> overTime.show(figure == null ? ""
                : I18n.text(switch (viewModel.rankingProperty().get()) {
                    case ALL -> "attribution.chart.overTime";
                    case RAISED -> "attribution.chart.overTime.raised";
                    case LOWERED -> "attribution.chart.overTime.lowered";
                }), figure));

        TextField filter = new TextField();
        filter.setId("attributionFilter");
        filter.setPromptText(I18n.text("attribution.filter"));
        filter.textProperty().bindBidirectional(viewModel.geneFilterProperty());
        // A sorted view of the filtered ranking, so a click on a column header re-sorts it (by |attribution|, say).
        SortedList<AttributionViewModel.GeneRow> sorted = new SortedList<>(viewModel.genes());
        TableView<AttributionViewModel.GeneRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("attributionGenes");
        table.getColumns().add(column("attribution.column.rank", row -> Integer.toString(row.rank()), true));
        table.getColumns().add(column("attribution.column.gene", AttributionViewModel.GeneRow::gene, false));
        // The signed figure first, then the two parts it adds up: in a narrow window the default ranking's own
        // figure is the one in view.
        table.getColumns().add(column("attribution.column.mean",
                row -> number(row.meanAttribution()), true));
        table.getColumns().add(column("attribution.column.raised",
                row -> number(row.raisedAttribution()), true));
        table.getColumns().add(column("attribution.column.lowered",
                row -> number(row.loweredAttribution()), true));
        table.getColumns().add(column("attribution.column.meanAbsolute",
                row -> number(row.meanAbsoluteAttribution()), true));
        ColumnWidths.fitToContent(table);
        table.setRowFactory(view -> {
            TableRow<AttributionViewModel.GeneRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openGene(row.getItem());
                }
            });
            return row;
        });
        Label hint = new Label(I18n.text("attribution.table.hint"));
        hint.getStyleClass().add("empty-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox ranking = new VBox(6, filter, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        ranking.setPadding(new Insets(4));
        SplitPane split = new SplitPane(bars, overTime, ranking);
        split.setDividerPositions(0.36, 0.72);
        setCenter(split);
        ErrorDialog.showErrorsOf(this, viewModel.errorProperty(), viewModel::dismissError);
    }

    /** A label and its control as one piece of a wrapping bar. */
    private static HBox labelled(String key, Node control) {
        HBox pair = new HBox(6, new Label(I18n.text(key)), control);
        pair.setAlignment(Pos.CENTER_LEFT);
        // Never squeezed by a wrapping neighbour: the neighbour wraps instead.
        pair.setMinWidth(Region.USE_PREF_SIZE);
        return pair;
    }

    private static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    private static TableColumn<AttributionViewModel.GeneRow, String> column(String key,
            Function<AttributionViewModel.GeneRow, String> value, boolean numeric) {
        TableColumn<AttributionViewModel.GeneRow, String> column = new TableColumn<>(I18n.text(key));
        column.setId("attributionColumn-" + key.substring(key.lastIndexOf('.') + 1));
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        if (numeric) {
            column.setComparator(Comparator.comparingDouble(Double::parseDouble));
        }
        return column;
    }
}
