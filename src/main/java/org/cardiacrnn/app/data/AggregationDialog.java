package org.cardiacrnn.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * Asks how to aggregate the cells of a single-cell file into samples: group-by columns, pseudo-replicates,
 * minimum cells, branches (states picked per branch from the branch column's values) and where gene names come
 * from, with the groups and their cell counts previewed before the long read. Leaving the group-by columns empty
 * reads the cells as they are.
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
        dialog.setResizable(true);

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
        VBox branches = new VBox(6);
        branches.setId("aggregationBranches");
        Runnable showBranches = () -> showBranches(branches, viewModel);
        viewModel.branches().addListener(
                (ListChangeListener<AggregationViewModel.Branch>) change -> showBranches.run());
        viewModel.branchStates().addListener((ListChangeListener<String>) change -> showBranches.run());
        Button addBranch = new Button(I18n.text("aggregation.branch.add"));
        addBranch.setId("aggregationAddBranch");
        addBranch.disableProperty().bind(viewModel.branchColumnProperty().isNull());
        addBranch.setOnAction(event -> viewModel.addBranch());
        ComboBox<String> geneNames = new ComboBox<>();
        geneNames.setId("aggregationGeneNames");
        geneNames.setConverter(new StringConverter<>() {
            @Override
            public String toString(String column) {
                return column == null || column.isEmpty() ? I18n.text("aggregation.geneNames.index") : column;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Runnable showGeneNames = () -> {
            List<String> choices = new ArrayList<>();
            choices.add("");
            choices.addAll(viewModel.geneNameColumns());
            geneNames.getItems().setAll(choices);
            geneNames.setValue("");
            geneNames.setDisable(viewModel.geneNameColumns().isEmpty());
        };
        showGeneNames.run();
        viewModel.geneNameColumns().addListener((ListChangeListener<String>) change -> showGeneNames.run());
        geneNames.valueProperty().addListener((obs, old, column) -> viewModel.geneNamesProperty().set(column));
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
        grid.add(addBranch, 1, 5);
        grid.addRow(6, new Label(I18n.text("aggregation.geneNames")), geneNames);
        grid.addRow(7, preview, message);
        grid.add(groups, 0, 8, 2, 1);
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

    /**
     * One row per branch: its name, a check box per state of the branch column, and a remove button. Rebuilt
     * whenever branches come or go or the branch column changes, so the boxes always list that column's states.
     */
    private static void showBranches(VBox rows, AggregationViewModel viewModel) {
        rows.getChildren().clear();
        for (int i = 0; i < viewModel.branches().size(); i++) {
            AggregationViewModel.Branch branch = viewModel.branches().get(i);
            TextField name = new TextField(branch.nameProperty().get());
            name.setId("aggregationBranchName" + i);
            name.setPromptText(I18n.text("aggregation.branch.name"));
            name.setPrefColumnCount(12);
            name.textProperty().addListener((obs, old, text) -> {
                branch.nameProperty().set(text);
                viewModel.refreshPreview();
            });
            Button remove = new Button(I18n.text("aggregation.branch.remove"));
            remove.setId("aggregationRemoveBranch" + i);
            remove.setOnAction(event -> viewModel.removeBranch(branch));
            FlowPane states = new FlowPane(8, 4);
            states.setId("aggregationBranchStates" + i);
            for (String state : viewModel.branchStates()) {
                CheckBox box = new CheckBox(state);
                box.setSelected(branch.states().contains(state));
                box.selectedProperty().addListener((obs, old, picked) -> viewModel.pick(branch, state, picked));
                states.getChildren().add(box);
            }
            HBox header = new HBox(8, name, remove);
            rows.getChildren().add(new VBox(4, header, states));
        }
    }

    static Optional<SingleCellOptions> show(Window owner, Path file, AggregationViewModel viewModel) {
        return create(owner, file, viewModel).showAndWait();
    }
}
