package org.cardiacrnn.app.evaluation;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.runs.RunFigures;

/**
 * Cross-validation as one job beside single runs: choose k-fold or leave-one-group-out, start it, watch the
 * folds go by, then read mean ± sd per metric, a row per fold and the pooled out-of-fold confusion matrix and
 * ROC curves (exportable like every figure).
 */
public final class CrossValidationPane extends TitledPane {

    public CrossValidationPane(CrossValidationViewModel viewModel, Function<String, ChartPane> charts) {
        setId("crossValidationPane");
        setText(I18n.text("crossValidation.title"));
        setExpanded(false);

        ComboBox<Integer> folds = new ComboBox<>(FXCollections.observableArrayList(
                CrossValidationViewModel.LEAVE_ONE_GROUP_OUT, 3, 4, 5, 10));
        folds.setId("crossValidationFolds");
        folds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value == CrossValidationViewModel.LEAVE_ONE_GROUP_OUT
                        ? I18n.text("crossValidation.loo") : I18n.text("crossValidation.kFold", value);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        folds.setValue(viewModel.foldsProperty().get());
        folds.valueProperty().addListener((obs, old, value) -> viewModel.foldsProperty().set(value));
        Button start = new Button(I18n.text("crossValidation.start"), AppIcon.START.node());
        start.setId("startCrossValidation");
        start.disableProperty().bind(viewModel.runningProperty()
                .or(viewModel.session().datasetProperty().isNull()));
        start.setOnAction(event -> viewModel.start());
        Button stop = new Button(I18n.text("crossValidation.stop"), AppIcon.STOP.node());
        stop.setId("stopCrossValidation");
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(event -> viewModel.stop());
        ProgressBar progress = new ProgressBar();
        progress.setId("crossValidationProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("crossValidationProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox controls = new HBox(8, new Label(I18n.text("crossValidation.folds")), folds, start, stop, progress,
                progressText);
        controls.setAlignment(Pos.CENTER_LEFT);

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
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setPrefHeight(220);
        }
        ChartPane confusion = charts.apply("crossValidationConfusionChart");
        ChartPane roc = charts.apply("crossValidationRocChart");
        viewModel.pooledProperty().addListener((obs, old, report) -> {
            confusion.show(I18n.text("crossValidation.chart.confusion"), report == null ? null
                    : RunFigures.confusionMatrix(report, org.cardiacrnn.figures.ConfusionMode.COUNTS));
            roc.show(I18n.text("crossValidation.chart.roc"), report == null ? null : RunFigures.roc(report));
        });
        SplitPane results = new SplitPane(metrics, perFold, confusion, roc);
        results.setDividerPositions(0.18, 0.5, 0.75);
        results.setPrefHeight(260);
        VBox content = new VBox(8, controls, headline, results);
        content.setPadding(new Insets(8));
        VBox.setVgrow(results, Priority.ALWAYS);
        setContent(content);
        ErrorDialog.showErrorsOf(content, viewModel.errorProperty(), viewModel::dismissError);
    }

    private static <R> TableColumn<R, String> column(String key, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
