package org.cardiacrnn.app.data;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.cardiacrnn.sequences.ColumnRoles;

/**
 * Asks how to read a chosen file: orientation, optional metadata table and name files, sample id
 * column, and which columns hold time, class and group, with the file's first lines shown so the user can
 * see what the choices mean.
 */
final class ImportDialog {

    private ImportDialog() {
    }

    /** What the user chose: how to read the file, and which columns hold time, class and group. */
    record Choice(LoadRequest request, ColumnRoles roles) {
    }

    static Optional<Choice> show(Window owner, Path matrix, DataViewModel viewModel) {
        Dialog<Choice> dialog = new Dialog<>();
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
        TextField annotations = new TextField();
        annotations.setId("importAnnotations");
        annotations.setPromptText(I18n.text("import.optional"));
        TextField annotationNames = new TextField();
        annotationNames.setId("importAnnotationNames");
        annotationNames.setPromptText(I18n.text("import.annotationNames.prompt"));
        TextField sampleIdColumn = new TextField();
        sampleIdColumn.setPromptText(I18n.text("import.sampleId.prompt"));

        TextArea preview = new TextArea(I18n.text("import.preview.reading"));
        preview.setId("importPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(12);
        preview.setPrefColumnCount(80);
        preview.getStyleClass().add("monospace");
        ComboBox<String> time = roleBox("importTimeColumn");
        ComboBox<String> label = roleBox("importClassColumn");
        ComboBox<String> group = roleBox("importGroupColumn");
        List<String> header = new ArrayList<>();
        Runnable offerRoles = () -> {
            List<String> choices = roleChoices(header, annotationNames.getText());
            for (ComboBox<String> role : List.of(time, label, group)) {
                role.getItems().setAll(choices);
            }
        };
        viewModel.preview(matrix, lines -> {
            preview.setText(String.join("\n", lines));
            header.clear();
            header.addAll(lines.isEmpty() ? List.of() : headerCells(lines.get(0)));
            offerRoles.run();
        });
        annotationNames.textProperty().addListener((obs, old, names) -> offerRoles.run());

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
        grid.addRow(4, new Label(I18n.text("import.annotations")), withBrowse(annotations, owner));
        grid.addRow(5, new Label(I18n.text("import.annotationNames")), annotationNames);
        grid.addRow(6, new Label(I18n.text("import.sampleId")), sampleIdColumn);
        grid.addRow(7, new Label(I18n.text("import.time")), time);
        grid.addRow(8, new Label(I18n.text("import.class")), label);
        grid.addRow(9, new Label(I18n.text("import.group")), group);
        grid.add(new Label(I18n.text("import.preview")), 0, 10, 2, 1);
        grid.add(preview, 0, 11, 2, 1);
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
            optionalPath(annotations).ifPresent(file -> request.annotations(file,
                    names(annotationNames.getText()).isEmpty() ? null : names(annotationNames.getText())));
            if (!sampleIdColumn.getText().isBlank()) {
                request.sampleIdColumn(sampleIdColumn.getText().trim());
            }
            return new Choice(request.build(), new ColumnRoles(text(time), text(label), text(group)));
        });
        return dialog.showAndWait();
    }

    /** An editable list of the preview's header cells; blank means "guess". */
    private static ComboBox<String> roleBox(String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(I18n.text("import.role.guess"));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static String text(ComboBox<String> box) {
        String value = box.getEditor().getText();
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * What the Time/Class/Group drop-downs offer: the names given to a headerless annotation file first (e.g.
     * hours, pseudotime), then the matrix's header cells, unless that "header" is really a row of numbers.
     */
    static List<String> roleChoices(List<String> headerCells, String annotationNames) {
        List<String> choices = new ArrayList<>(names(annotationNames));
        long numeric = headerCells.stream().filter(ImportDialog::isNumber).count();
        if (numeric * 2 <= headerCells.size()) {
            headerCells.stream().filter(cell -> !choices.contains(cell)).forEach(choices::add);
        }
        return choices;
    }

    /** Comma-separated names, trimmed, blanks dropped. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException notNumber) {
            return false;
        }
    }

    /**
     * The first cells of the header line, split on its most frequent delimiter, as role choices. Only the
     * leading 30: annotation columns come first, and thousands of gene names would bury them.
     */
    static List<String> headerCells(String header) {
        char delimiter = '\t';
        long best = -1;
        for (char candidate : new char[] {'\t', ',', ';'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                delimiter = candidate;
            }
        }
        List<String> cells = new ArrayList<>();
        for (String cell : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
            String name = cell.strip().replaceAll("^\"|\"$", "");
            if (!name.isEmpty() && cells.size() < 30) {
                cells.add(name);
            }
        }
        return cells;
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
