package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long log line wraps inside the list instead of scrolling sideways or being cut. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WrappingCellsUiTest {

    private static final String LONG = "Epoch 3 of 40: loss 0.4123, validation loss 0.4410, accuracy 0.8125, "
            + "validation accuracy 0.7969, learning rate 0.01, 1.2 s; the best so far is kept as the checkpoint";

    private ListView<String> list;

    @Start
    void start(Stage stage) {
        list = new ListView<>();
        list.getItems().setAll(List.of("short", LONG));
        WrappingCells.install(list);
        stage.setScene(new Scene(list, 260, 300));
        stage.show();
    }

    @Test
    void aLongLineWrapsWithinTheListWidth(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<ListCell<?>> cells = new java.util.ArrayList<>();
        for (Node node : robot.lookup(".list-cell").queryAll()) {
            if (node instanceof ListCell<?> cell && cell.getItem() != null) {
                cells.add(cell);
            }
        }
        ListCell<?> shortCell = cells.stream().filter(cell -> "short".equals(cell.getItem())).findFirst().orElseThrow();
        ListCell<?> longCell = cells.stream().filter(cell -> LONG.equals(cell.getItem())).findFirst().orElseThrow();
        assertThat(longCell.getWidth()).isLessThanOrEqualTo(list.getWidth());
        assertThat(longCell.getHeight()).as("several lines high").isGreaterThan(2.5 * shortCell.getHeight());
        for (Node bar : list.lookupAll(".scroll-bar")) {
            if (((ScrollBar) bar).getOrientation() == Orientation.HORIZONTAL) {
                assertThat(bar.isVisible()).as("no sideways scrolling").isFalse();
            }
        }
    }
}
