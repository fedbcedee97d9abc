package org.cardiacrnn.app.evaluation;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.runs.RunFigures;

/**
 * The Evaluation page's view of the last cross-validation, which the Training page runs: mean ± sd per metric,
 * a row per fold with the network's margin over the static baseline, and the pooled out-of-fold confusion matrix
 * and ROC curves (exportable like every figure).
 */
public final class CrossValidationResultsPane extends TitledPane {

    public CrossValidationResultsPane(CrossValidationViewModel viewModel, Function<String, ChartPane> charts) {
        setId("crossValidationResults");
        setText(I18n.text("crossValidation.results"));
        setExpanded(false);

        Label headline = new Label();
        headline.setId("crossValidationHeadline");
        headline.setWrapText(true);
        headline.textProperty().bind(viewModel.headlineProperty());

        TableView<CrossValidationViewModel.MetricRow> metrics = new TableView<>(viewModel.metricRows());
        metrics.setId("crossValidationMetrics");
        metrics.getColumns().add(column("crossValidation.column.metric",
                CrossValidationViewModel.MetricRow::metric));
        metrics.getColumns().add(column("crossValidation.column.meanSd",
                CrossValidationViewModel.MetricRow::meanSd));
        TableView<CrossValidationViewModel.FoldRow> perFold = new TableView<>(viewModel.foldRows());
        perFold.setId("crossValidationFoldTable");
        perFold.getColumns().add(column("crossValidation.column.fold", row -> Integer.toString(row.fold())));
        perFold.getColumns().add(column("crossValidation.column.heldOut", CrossValidationViewModel.FoldRow::heldOut));
        perFold.getColumns().add(column("crossValidation.column.accuracy",
                CrossValidationViewModel.FoldRow::accuracy));
        perFold.getColumns().add(column("crossValidation.column.auc", CrossValidationViewModel.FoldRow::macroAuc));
        perFold.getColumns().add(column("crossValidation.column.margin",
                CrossValidationViewModel.FoldRow::marginOverBaseline));
        for (TableView<?> table : java.util.List.of(metrics, perFold)) {
            ColumnWidths.fitToContent(table);
            table.setPrefHeight(220);
        }
        ChartPane confusion = charts.apply("crossValidationConfusionChart");
        ChartPane roc = charts.apply("crossValidationRocChart");
        // The page may be built after a cross-validation ended, so the results already there are shown too.
        Consumer<EvaluationReport> show = report -> {
            confusion.show(I18n.text("crossValidation.chart.confusion"), report == null ? null
                    : RunFigures.confusionMatrix(report, org.cardiacrnn.figures.ConfusionMode.COUNTS));
            roc.show(I18n.text("crossValidation.chart.roc"), report == null ? null : RunFigures.roc(report));
            // Opens by itself when results arrive, so they are not missed below the page.
            setExpanded(report != null || isExpanded());
        };
        show.accept(viewModel.pooledProperty().get());
        viewModel.pooledProperty().addListener((obs, old, report) -> show.accept(report));
        SplitPane results = new SplitPane(metrics, perFold, confusion, roc);
        results.setDividerPositions(0.18, 0.5, 0.75);
        results.setPrefHeight(260);
        VBox content = new VBox(8, headline, results);
        content.setPadding(new Insets(8));
        VBox.setVgrow(results, Priority.ALWAYS);
        setContent(content);
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
