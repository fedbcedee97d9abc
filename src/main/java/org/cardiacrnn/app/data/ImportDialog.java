package org.cardiacrnn.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.Orientation;

/**
 * Asks how to read a chosen file: orientation, optional metadata table and name files, sample id
 * column, with the file's first lines shown so the user can see what the choices mean.
 */
final class ImportDialog {

    private ImportDialog() {
    }

    static Optional<LoadRequest> show(Window owner, Path matrix, DataViewModel viewModel) {
        Dialog<LoadRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.text("import.title"));
        dialog.setHeaderText(I18n.text("import.header", matrix.getFileName()));
        dialog.getDialogPane().setId("importDialog");

        ComboBox<String> orientation = new ComboBox<>();
        orientation.getItems().addAll(I18n.text("import.orientation.auto"),
                I18n.text("import.orientation.samplesByGenes"), I18n.text("import.orientation.genesBySamples"));
        orientation.getSelectionModel().select(0);
        orientation.setId("importOrientation");
        TextField metadata = new TextField();
        metadata.setId("importMetadata");
        metadata.setPromptText(I18n.text("import.optional"));
        TextField geneNames = new TextField();
        geneNames.setPromptText(I18n.text("import.optional"));
        TextField sampleNames = new TextField();
        sampleNames.setPromptText(I18n.text("import.optional"));
        TextField sampleIdColumn = new TextField();
        sampleIdColumn.setPromptText(I18n.text("import.sampleId.prompt"));

        TextArea preview = new TextArea(I18n.text("import.preview.reading"));
        preview.setId("importPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(12);
        preview.setPrefColumnCount(80);
        preview.getStyleClass().add("monospace");
        viewModel.preview(matrix, lines -> preview.setText(String.join("\n", lines)));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 8, 0));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(I18n.text("import.orientation")), orientation);
        grid.addRow(1, new Label(I18n.text("import.metadata")), withBrowse(metadata, owner));
        grid.addRow(2, new Label(I18n.text("import.geneNames")), withBrowse(geneNames, owner));
        grid.addRow(3, new Label(I18n.text("import.sampleNames")), withBrowse(sampleNames, owner));
        grid.addRow(4, new Label(I18n.text("import.sampleId")), sampleIdColumn);
        grid.add(new Label(I18n.text("import.preview")), 0, 5, 2, 1);
        grid.add(preview, 0, 6, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            LoadRequest.Builder request = LoadRequest.builder(matrix);
            int choice = orientation.getSelectionModel().getSelectedIndex();
            request.orientation(choice == 1 ? Orientation.SAMPLES_BY_GENES
                    : choice == 2 ? Orientation.GENES_BY_SAMPLES : null);
            optionalPath(metadata).ifPresent(request::metadata);
            optionalPath(geneNames).ifPresent(request::geneNames);
            optionalPath(sampleNames).ifPresent(request::sampleNames);
            if (!sampleIdColumn.getText().isBlank()) {
                request.sampleIdColumn(sampleIdColumn.getText().trim());
            }
            return request.build();
        });
        return dialog.showAndWait();
    }

    private static HBox withBrowse(TextField field, Window owner) {
        Button browse = new Button(I18n.text("import.browse"));
        browse.setOnAction(event -> {
            File file = new FileChooser().showOpenDialog(owner);
            if (file != null) {
                field.setText(file.getAbsolutePath());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(6, field, browse);
    }

    private static Optional<Path> optionalPath(TextField field) {
        String text = field.getText() == null ? "" : field.getText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    }
}
