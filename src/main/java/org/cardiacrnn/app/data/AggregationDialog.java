package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * Asks how to aggregate the cells of a single-cell file into samples: group-by columns, pseudo-replicates,
 * minimum cells and branches (states chosen from the branch column's values), with the groups and their cell
 * counts previewed before the long read. Leaving the group-by columns empty reads the cells as they are.
 */
final class AggregationDialog {

    private AggregationDialog() {
    }

    /** A dialog not yet shown, so that tests can show it without blocking. */
    static Dialog<SingleCellOptions> create(Window owner, Path file, AggregationViewModel viewModel) {
        Dialog<SingleCellOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.text("aggregation.title"));
        dialog.setHeaderText(I18n.text("aggregation.header", file.getFileName()));
        dialog.getDialogPane().setId("aggregationDialog");

        ListView<String> columns = new ListView<>(viewModel.columns());
        columns.setId("aggregationColumns");
        columns.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columns.setPrefHeight(120);
        columns.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) change -> {
            viewModel.groupBy().setAll(columns.getSelectionModel().getSelectedItems());
            viewModel.refreshPreview();
        });
        Spinner<Integer> replicates = new Spinner<>(1, 50, viewModel.replicatesProperty().get());
        replicates.setId("aggregationReplicates");
        replicates.setEditable(true);
        replicates.valueProperty().addListener((obs, old, value) -> {
            viewModel.replicatesProperty().set(value);
            viewModel.refreshPreview();
        });
        Spinner<Integer> minCells = new Spinner<>(1, 1_000_000, viewModel.minCellsProperty().get());
        minCells.setId("aggregationMinCells");
        minCells.setEditable(true);
        minCells.valueProperty().addListener((obs, old, value) -> {
            viewModel.minCellsProperty().set(value);
            viewModel.refreshPreview();
        });
        ComboBox<String> branchColumn = new ComboBox<>(viewModel.columns());
        branchColumn.setId("aggregationBranchColumn");
        branchColumn.valueProperty().bindBidirectional(viewModel.branchColumnProperty());
        Label states = new Label();
        states.setId("aggregationStates");
        states.setWrapText(true);
        viewModel.branchStates().addListener((ListChangeListener<String>) change -> states.setText(
                I18n.text("aggregation.states", String.join(", ", viewModel.branchStates()))));
        TextField branches = new TextField();
        branches.setId("aggregationBranches");
        branches.setPromptText(I18n.text("aggregation.branches.prompt"));
        branches.textProperty().bindBidirectional(viewModel.branchesProperty());
        Button preview = new Button(I18n.text("aggregation.preview"));
        preview.setId("aggregationPreviewButton");
        preview.setOnAction(event -> viewModel.refreshPreview());
        ListView<String> groups = new ListView<>(viewModel.preview());
        groups.setId("aggregationPreview");
        groups.setPrefHeight(200);
        Label message = new Label();
        message.setId("aggregationMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 8, 0));
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), fields);
        grid.addRow(0, new Label(I18n.text("aggregation.groupBy")), columns);
        grid.addRow(1, new Label(I18n.text("aggregation.replicates")), replicates);
        grid.addRow(2, new Label(I18n.text("aggregation.minCells")), minCells);
        grid.addRow(3, new Label(I18n.text("aggregation.branchColumn")), branchColumn);
        grid.addRow(4, new Label(I18n.text("aggregation.branches")), branches);
        grid.add(states, 1, 5);
        grid.addRow(6, preview, message);
        grid.add(groups, 0, 7, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                viewModel.options();
            } catch (IllegalArgumentException invalid) {
                viewModel.refreshPreview();
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? viewModel.options() : null);
        return dialog;
    }

    static Optional<SingleCellOptions> show(Window owner, Path file, AggregationViewModel viewModel) {
        return create(owner, file, viewModel).showAndWait();
    }
}
