package org.cardiacrnn.app.common;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their header and content, and lets the table scroll sideways when the window is
 * narrow: a cut-off run name or "Preci…" header is worse than a scroll bar.
 */
public final class ColumnWidths {

    /** Room for cell padding, the sort arrow and the column separator. */
    private static final double PADDING = 30;
    /** Enough rows to find the widest text without measuring a huge table on the FX thread. */
    private static final int MEASURED_ROWS = 50;
    private static final Object FIT_PENDING = new Object();
    /**
     * A column's preferred width until someone sets it. JavaFX measures every column still at this width when its
     * header first shows, building and styling a cell for each of the first 30 rows: on the first page of the
     * sample data that second measurement of what {@link #fit} measured cost the window's thread about 0.2 s.
     */
    private static final double JAVAFX_DEFAULT_WIDTH = 80;

    private ColumnWidths() {
    }

    public static <S> void fitToContent(TableView<S> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // New items and new columns usually come together: one measurement for all of them, not one each.
        Runnable fit = () -> {
            if (table.getProperties().putIfAbsent(FIT_PENDING, Boolean.TRUE) == null) {
                Platform.runLater(() -> {
                    table.getProperties().remove(FIT_PENDING);
                    fit(table);
                });
            }
        };
        table.getItems().addListener((ListChangeListener<S>) change -> fit.run());
        table.itemsProperty().addListener((obs, old, items) -> {
            items.addListener((ListChangeListener<S>) change -> fit.run());
            fit.run();
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) change -> fit.run());
        // Measured again once the table is skinned and styled: before that only the default font is known, which
        // is narrower than the theme's, and rows set before the page was shown would stay cut off.
        table.skinProperty().addListener((obs, old, skin) -> fit.run());
        fit(table);
    }

    private static <S> void fit(TableView<S> table) {
        Text measure = new Text();
        // The theme's fonts, once the table is styled; bold for the headers.
        Font cellFont = fontOf(table, ".table-cell", Font.getDefault());
        Font headerFont = fontOf(table, ".column-header .label",
                Font.font(cellFont.getFamily(), FontWeight.BOLD, cellFont.getSize()));
        int rows = Math.min(MEASURED_ROWS, table.getItems().size());
        // Cells repeat (counts, class names), and each measurement lays the text out.
        java.util.Map<String, Double> cellWidths = new java.util.HashMap<>();
        for (TableColumn<S, ?> column : table.getColumns()) {
            double widest = width(measure, column.getText(), headerFont);
            for (int row = 0; row < rows; row++) {
                var value = column.getCellObservableValue(row);
                if (value != null && value.getValue() != null) {
                    widest = Math.max(widest, cellWidths.computeIfAbsent(String.valueOf(value.getValue()),
                            text -> width(measure, text, cellFont)));
                }
            }
            double wanted = Math.ceil(widest + PADDING);
            column.setMinWidth(wanted);
            double chosen = column.getPrefWidth() == JAVAFX_DEFAULT_WIDTH ? 0 : column.getPrefWidth();
            double width = Math.max(chosen, wanted);
            column.setPrefWidth(width == JAVAFX_DEFAULT_WIDTH ? width + 1 : width);
        }
    }

    private static double width(Text measure, String text, Font font) {
        if (text == null) {
            return 0;
        }
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private static Font fontOf(TableView<?> table, String selector, Font fallback) {
        return table.lookup(selector) instanceof Labeled labeled ? labeled.getFont() : fallback;
    }
}
