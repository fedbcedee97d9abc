package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ColumnWidthsUiTest {

    private final AtomicInteger cellsFilled = new AtomicInteger();
    private TableView<Integer> table;
    private TableColumn<Integer, String> narrow;
    private TableColumn<Integer, String> wide;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.setFixedCellSize(24);
        narrow = column("n", row -> String.valueOf(row % 10));
        wide = column("name", row -> "a rather long sample name " + row);
        // A fixed size, whatever size an earlier test left the shared stage at: about five rows on screen.
        table.setPrefSize(700, 160);
        stage.setScene(new Scene(new Group(table)));
        stage.sizeToScene();
        stage.show();
    }

    private TableColumn<Integer, String> column(String header, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> column = new TableColumn<>(header);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                cellsFilled.incrementAndGet();
                setText(empty ? null : item);
            }
        });
        return column;
    }

    /**
     * Columns left at JavaFX's default width are fitted to their content here, and JavaFX does not measure them
     * again itself (it fills and styles a cell with each of the first 30 rows of such a column).
     */
    @Test
    void columnsAtTheDefaultWidthAreFittedOnceToTheirContent(FxRobot robot) {
        robot.interact(() -> {
            ColumnWidths.fitToContent(table);
            table.getColumns().add(narrow);
            table.getColumns().add(wide);
            table.setItems(FXCollections.observableArrayList(IntStream.range(0, 200).boxed().toList()));
        });
        WaitForAsyncUtils.waitForFxEvents();

        Text longest = new Text("a rather long sample name 199");
        longest.setFont(javafx.scene.text.Font.getDefault());
        assertThat(wide.getWidth()).isGreaterThan(longest.getLayoutBounds().getWidth());
        assertThat(narrow.getPrefWidth()).isNotEqualTo(80).isLessThan(80);
        // Two columns with about five rows on screen: well under the 60 cells JavaFX's own measurement fills.
        assertThat(cellsFilled.get()).isLessThan(40);
    }
}
