package org.cardiacrnn.app.common;

import java.io.File;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureExporter;
import org.cardiacrnn.figures.FigureSize;

/** Asks for the format, journal size and resolution of a figure export. */
final class ExportDialog {

    /** What the user chose. */
    record Choice(ExportFormat format, FigureSize size, int dpi) {

        /** Asks where to save, starting in the folder of the last export (GTK's dialog confirms replacing). */
        File chooseFile(Window owner, String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.text("figure.export.file"));
            chooser.setInitialFileName(FigureExporter.suggestedFileName(title, format));
            File folder = lastFolder;
            if (folder != null && folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(),
                    "*." + format.extension()));
            File file = chooser.showSaveDialog(owner);
            if (file != null) {
                lastFolder = file.getParentFile();
            }
            return file;
        }
    }

    /** The last export's choices, offered again: a paper's figures are usually all made the same way. */
    private static Choice lastChoice = new Choice(ExportFormat.PDF, FigureSize.SINGLE_COLUMN, 300);
    private static File lastFolder;

    private ExportDialog() {
    }

    static Optional<Choice> ask(Window owner, String figureTitle) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(I18n.text("figure.export.title"));
        dialog.setHeaderText(I18n.text("figure.export.header", figureTitle));
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.getItems().setAll(ExportFormat.values());
        format.setValue(lastChoice.format());
        ComboBox<String> width = new ComboBox<>();
        width.getItems().setAll(I18n.text("figure.size.single"), I18n.text("figure.size.double"),
                I18n.text("figure.size.custom"));
        FigureSize lastSize = lastChoice.size();
        width.getSelectionModel().select(lastSize.equals(FigureSize.SINGLE_COLUMN) ? 0
                : lastSize.equals(FigureSize.DOUBLE_COLUMN) ? 1 : 2);
        Spinner<Double> customWidth = new Spinner<>(20.0, 400.0, lastSize.widthMm(), 5.0);
        Spinner<Double> customHeight = new Spinner<>(20.0, 400.0, lastSize.heightMm(), 5.0);
        customWidth.setEditable(true);
        customHeight.setEditable(true);
        customWidth.disableProperty().bind(width.getSelectionModel().selectedIndexProperty().isNotEqualTo(2));
        customHeight.disableProperty().bind(customWidth.disableProperty());
        ComboBox<Integer> dpi = new ComboBox<>();
        dpi.getItems().setAll(FigureExporter.STANDARD_DPI);
        dpi.setValue(lastChoice.dpi());
        dpi.disableProperty().bind(format.valueProperty().isNotEqualTo(ExportFormat.PNG));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label(I18n.text("figure.export.format")), format);
        grid.addRow(1, new Label(I18n.text("figure.export.size")), width);
        grid.addRow(2, new Label(I18n.text("figure.export.widthMm")), customWidth);
        grid.addRow(3, new Label(I18n.text("figure.export.heightMm")), customHeight);
        grid.addRow(4, new Label(I18n.text("figure.export.dpi")), dpi);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            FigureSize size = switch (width.getSelectionModel().getSelectedIndex()) {
                case 0 -> FigureSize.SINGLE_COLUMN;
                case 1 -> FigureSize.DOUBLE_COLUMN;
                default -> new FigureSize(customWidth.getValue(), customHeight.getValue());
            };
            return new Choice(format.getValue(), size, dpi.getValue());
        });
        Optional<Choice> choice = dialog.showAndWait();
        choice.ifPresent(chosen -> lastChoice = chosen);
        return choice;
    }
}
