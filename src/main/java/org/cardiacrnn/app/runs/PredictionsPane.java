package org.cardiacrnn.app.runs;

import java.io.File;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.runs.RunSummary;

/** The Predict action on the selected run: choose a file, read the table and the probability-over-time figure. */
public final class PredictionsPane extends TitledPane {

    public PredictionsPane(PredictionsViewModel viewModel, Function<String, ChartPane> charts,
                           ObservableValue<RunSummary> selectedRun) {
        setId("predictionsPane");
        setText(I18n.text("predict.title"));
        setExpanded(false);
        selectedRun.addListener((obs, old, run) -> viewModel.runDirectoryProperty().set(run == null ? null
                : run.directory()));
        Button predict = new Button(I18n.text("predict.action"), AppIcon.OPEN.node());
        predict.setId("predictOnFile");
        predict.disableProperty().bind(viewModel.runDirectoryProperty().isNull().or(viewModel.busyProperty()));
        predict.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.text("predict.choose"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.predict(file.toPath());
            }
        });
        Button export = new Button(I18n.text("predict.export"), AppIcon.EXPORT.node());
        export.setId("exportPredictions");
        export.disableProperty().bind(viewModel.resultProperty().isNull());
        export.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("predictions.csv");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.exportTable(file.toPath());
            }
        });
        Label message = new Label();
        message.setId("predictionsMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox controls = new HBox(8, predict, export, message);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<PredictionsViewModel.Row> table = new TableView<>(viewModel.rows());
        table.setId("predictionsTable");
        table.getColumns().add(column("predict.column.group", PredictionsViewModel.Row::group));
        table.getColumns().add(column("predict.column.time", PredictionsViewModel.Row::timeSpan));
        table.getColumns().add(column("predict.column.samples", row -> Integer.toString(row.samples())));
        table.getColumns().add(column("predict.column.predicted", PredictionsViewModel.Row::predictedClass));
        table.getColumns().add(column("predict.column.probabilities", PredictionsViewModel.Row::probabilities));
        table.getColumns().add(column("predict.column.missing", row -> row.genesPartlyMissing()
                ? I18n.text("predict.missing.yes") : ""));
        ColumnWidths.fitToContent(table);
        ChartPane figure = charts.apply("predictionsChart");
        viewModel.resultProperty().addListener((obs, old, result) -> figure.show(I18n.text("predict.chart"),
                result == null ? null : result.figure()));
        SplitPane results = new SplitPane(table, figure);
        results.setPrefHeight(280);
        VBox content = new VBox(8, controls, results);
        content.setPadding(new Insets(8));
        setContent(content);
        ErrorDialog.showErrorsOf(content, viewModel.errorProperty(), viewModel::dismissError);
    }

    private static TableColumn<PredictionsViewModel.Row, String> column(String key,
                                                                        Function<PredictionsViewModel.Row, String> v) {
        TableColumn<PredictionsViewModel.Row, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(v.apply(cell.getValue())));
        return column;
    }
}
