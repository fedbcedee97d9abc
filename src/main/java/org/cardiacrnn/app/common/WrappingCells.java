package org.cardiacrnn.app.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/** List cells that wrap long lines at the list's width, so a log reads top to bottom without sideways scrolling. */
public final class WrappingCells {

    /** Room for the vertical scroll bar and the cell's padding, which the list's own width includes. */
    private static final double SCROLL_BAR_ALLOWANCE = 32;

    private WrappingCells() {
    }

    /**
     * Makes the list's cells wrap their text to the list's width. The line is a {@link Text} with a wrapping
     * width, whose height follows from that width alone: a wrapping label was measured at one width and laid out
     * at another, and ended in "…".
     */
    public static void install(ListView<String> list) {
        list.setCellFactory(owner -> new ListCell<>() {
            private final Text line = new Text();

            {
                line.wrappingWidthProperty().bind(owner.widthProperty().subtract(SCROLL_BAR_ALLOWANCE));
                line.getStyleClass().add("wrapped-line");
                line.fillProperty().bind(textFillProperty());
                line.fontProperty().bind(fontProperty());
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                line.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : line);
            }
        });
    }
}
