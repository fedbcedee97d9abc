package org.cardiacrnn.app.data;

import java.io.File;
import java.util.Optional;

import javafx.beans.property.StringProperty;
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

/**
 * Asks how to read a chosen file: orientation, optional metadata table and name files, sample id
 * column, and which columns hold time, class and group, with the file's first lines shown so the user can
 * see what the choices mean. The fields are bound to an {@link ImportViewModel}, which keeps them (and the
 * error of a load that failed) when the dialog opens again.
 */
final class ImportDialog {

    private ImportDialog() {
    }

    /** Shows the form for the view-model's file; empty when the user cancels. */
    static Optional<ImportViewModel.Choice> show(Window owner, ImportViewModel viewModel) {
        Dialog<ImportViewModel.Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.text("import.title"));
        dialog.setHeaderText(I18n.text("import.header", viewModel.matrix().getFileName()));
        dialog.getDialogPane().setId("importDialog");

        ComboBox<String> orientation = new ComboBox<>();
        orientation.getItems().addAll(I18n.text("import.orientation.auto"),
                I18n.text("import.orientation.samplesByGenes"), I18n.text("import.orientation.genesBySamples"));
        orientation.getSelectionModel().select(viewModel.orientationProperty().get());
        orientation.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) ->
                viewModel.orientationProperty().set(Math.max(0, index.intValue())));
        orientation.setId("importOrientation");
        TextField metadata = field("importMetadata", viewModel.metadataProperty(), I18n.text("import.optional"));
        TextField geneNames = field("importGeneNames", viewModel.geneNamesProperty(), I18n.text("import.optional"));
        TextField sampleNames = field("importSampleNames", viewModel.sampleNamesProperty(),
                I18n.text("import.optional"));
        TextField annotations = field("importAnnotations", viewModel.annotationsProperty(),
                I18n.text("import.optional"));
        TextField annotationNames = field("importAnnotationNames", viewModel.annotationNamesProperty(),
                I18n.text("import.annotationNames.prompt"));
        TextField sampleIdColumn = field("importSampleIdColumn", viewModel.sampleIdColumnProperty(),
                I18n.text("import.sampleId.prompt"));

        Label error = new Label();
        error.setId("importError");
        error.getStyleClass().add("validation-message");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        // Wrapped to the form's width: at its own width one long message would stretch the dialog off the screen.
        error.setPrefWidth(0);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        TextArea preview = new TextArea();
        preview.setId("importPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(8);
        preview.setPrefColumnCount(80);
        preview.getStyleClass().add("monospace");
        preview.textProperty().bind(viewModel.previewProperty());
        ComboBox<String> time = roleBox("importTimeColumn", viewModel.timeProperty(), viewModel);
        ComboBox<String> label = roleBox("importClassColumn", viewModel.labelProperty(), viewModel);
        ComboBox<String> group = roleBox("importGroupColumn", viewModel.groupProperty(), viewModel);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 8, 0));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.add(error, 0, 0, 2, 1);
        grid.addRow(1, new Label(I18n.text("import.orientation")), orientation);
        grid.addRow(2, new Label(I18n.text("import.metadata")), withBrowse(metadata, owner));
        grid.addRow(3, new Label(I18n.text("import.geneNames")), withBrowse(geneNames, owner));
        grid.addRow(4, new Label(I18n.text("import.sampleNames")), withBrowse(sampleNames, owner));
        grid.addRow(5, new Label(I18n.text("import.annotations")), withBrowse(annotations, owner));
        grid.addRow(6, new Label(I18n.text("import.annotationNames")), annotationNames);
        grid.addRow(7, new Label(I18n.text("import.sampleId")), sampleIdColumn);
        grid.addRow(8, new Label(I18n.text("import.time")), time);
        grid.addRow(9, new Label(I18n.text("import.class")), label);
        grid.addRow(10, new Label(I18n.text("import.group")), group);
        grid.add(new Label(I18n.text("import.preview")), 0, 11, 2, 1);
        grid.add(preview, 0, 12, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? viewModel.accept() : null);
        return dialog.showAndWait();
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** An editable list of the file's column names; blank means "guess". */
    private static ComboBox<String> roleBox(String id, StringProperty value, ImportViewModel viewModel) {
        ComboBox<String> box = new ComboBox<>(viewModel.roleChoices());
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(I18n.text("import.role.guess"));
        box.setMaxWidth(Double.MAX_VALUE);
        box.getEditor().textProperty().bindBidirectional(value);
        return box;
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
}
