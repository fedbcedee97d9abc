package org.cardiacrnn.app.common;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** List cells that wrap long lines at the list's width, so a log reads top to bottom without sideways scrolling. */
public final class WrappingCells {

    /** Room for the vertical scroll bar and the cell's padding, which the list's own width includes. */
    private static final double SCROLL_BAR_ALLOWANCE = 24;

    private WrappingCells() {
    }

    /** Makes the list's cells wrap their text to the list's width. */
    public static void install(ListView<String> list) {
        list.setCellFactory(owner -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty || line == null ? null : line);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(owner.widthProperty().subtract(SCROLL_BAR_ALLOWANCE));
            return cell;
        });
    }
}
