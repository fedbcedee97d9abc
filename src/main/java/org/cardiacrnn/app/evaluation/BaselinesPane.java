package org.cardiacrnn.app.evaluation;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

import org.cardiacrnn.app.common.ColumnWidths;
import org.cardiacrnn.app.common.I18n;

/** The network beside the static baselines on the Evaluation page, with the margin in words. */
public final class BaselinesPane extends TitledPane {

    public BaselinesPane(BaselinesViewModel viewModel) {
        setId("baselinesPane");
        setText(I18n.text("baselines.title"));
        // Folded at first: open, it would take half a small window from the confusion matrix.
        setExpanded(false);
        Label summary = new Label();
        summary.setId("baselinesSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        TableView<BaselinesViewModel.Row> table = new TableView<>(viewModel.rows());
        table.setId("baselinesTable");
        table.getColumns().add(column("baselines.column.model", BaselinesViewModel.Row::model));
        table.getColumns().add(column("baselines.column.accuracy", BaselinesViewModel.Row::accuracy));
        table.getColumns().add(column("baselines.column.auc", BaselinesViewModel.Row::macroAuc));
        table.getColumns().add(column("baselines.column.margin", BaselinesViewModel.Row::margin));
        // Sized to their text, scrolling sideways in a narrow window: a cut-off model name reads as another model.
        ColumnWidths.fitToContent(table);
        table.setPrefHeight(130);
        VBox content = new VBox(6, summary, table);
        content.setPadding(new Insets(6));
        setContent(content);
    }

    private static TableColumn<BaselinesViewModel.Row, String> column(String key,
                                                                      Function<BaselinesViewModel.Row, String> v) {
        TableColumn<BaselinesViewModel.Row, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(v.apply(cell.getValue())));
        return column;
    }
}
