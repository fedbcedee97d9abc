package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

import org.cardiacrnn.data.SingleCellGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dropping a file on the Data page goes the way of File > Open: the import dialog first, then, for a single-cell
 * file of many cells, the aggregation question; nothing is read until both are answered. The drop is delivered
 * as a DragEvent to the page's own handler.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DropToOpenUiTest {

    @TempDir
    static Path dir;

    private DataView view;
    private DataViewModel viewModel;

    @Start
    void start(Stage stage) {
        DataPageWindow window = DataPageWindow.show(stage, dir);
        view = window.view();
        viewModel = window.viewModel();
    }

    @Test
    void aDroppedTableOpensTheImportDialogAndLoadsWithTheRolesChosenThere(FxRobot robot) throws Exception {
        Path matrix = Files.writeString(dir.resolve("dropped.csv"),
                "sample_id,G1,G2\nS1,1,2\nS2,3,4\nS3,5,6\nS4,7,8\n");
        Path metadata = Files.writeString(dir.resolve("dropped-metadata.csv"),
                "sample_id,day,line\nS1,0,a\nS2,1,a\nS3,0,b\nS4,1,b\n");
        boolean[] completed = new boolean[1];
        robot.interact(() -> completed[0] = drop(matrix.toFile()));
        assertThat(completed[0]).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isPresent()
                && !robot.lookup("#importGroupColumn").queryComboBox().getItems().isEmpty());
        assertThat(viewModel.loadingProperty().get()).as("nothing is read before the dialog is answered").isFalse();
        robot.interact(() -> {
            robot.lookup("#importMetadata").queryAs(TextField.class).setText(metadata.toString());
            robot.lookup("#importGroupColumn").queryComboBox().getEditor().setText("day");
        });
        DialogPane pane = robot.lookup("#importDialog").query();
        robot.clickOn(pane.lookupButton(ButtonType.OK));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.session().datasetProperty().get() != null
                || !importError(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(importError(robot)).as("a failed load brings the dialog back with its error").isEmpty();
        assertThat(viewModel.session().datasetProperty().get().matrix().sampleCount()).isEqualTo(4);
        assertThat(viewModel.session().groupColumnProperty().get()).as("the role chosen in the dialog")
                .isEqualTo("day");
    }

    @Test
    void aDroppedSingleCellFolderAsksHowToAggregateBeforeReading(FxRobot robot) throws Exception {
        SingleCellGenerator.Written written = new SingleCellGenerator(1200, 200, 100, 5).write(dir.resolve("tenx"));
        robot.interact(() -> drop(written.folder().toFile()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#importMetadata").queryAs(TextField.class)
                .setText(written.metadata().toString()));
        DialogPane importPane = robot.lookup("#importDialog").query();
        robot.clickOn(importPane.lookupButton(ButtonType.OK));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#aggregationDialog").tryQuery()
                .isPresent() && !robot.lookup("#aggregationColumns").queryListView().getItems().isEmpty());
        ListView<String> columns = robot.lookup("#aggregationColumns").queryListView();
        assertThat(columns.getItems()).contains("individual", "diffday", "type");
        assertThat(viewModel.loadingProperty().get()).isFalse();
        DialogPane aggregation = robot.lookup("#aggregationDialog").query();
        robot.clickOn(aggregation.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aggregationDialog").tryQuery()).isEmpty();
        assertThat(viewModel.loadingProperty().get()).as("cancelling the question reads nothing").isFalse();
        assertThat(viewModel.session().datasetProperty().get()).isNull();
    }

    private static String importError(FxRobot robot) {
        return robot.lookup("#importError").tryQuery().filter(javafx.scene.Node::isVisible)
                .map(error -> ((Labeled) error).getText()).orElse("");
    }

    /** Delivers a drop of {@code file} to the page as the toolkit would; true when the page took it. */
    private boolean drop(File file) {
        DragEvent event = new DragEvent(view, view, DragEvent.DRAG_DROPPED, dragboardWith(file), 10, 10, 10, 10,
                TransferMode.COPY, null, view, null);
        Event.fireEvent(view, event);
        return event.isDropCompleted();
    }

    /** A dragboard holding one file, made through JavaFX's own factory since Dragboard has no public one. */
    private static Dragboard dragboardWith(File file) {
        TKClipboard peer = (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentTypes" -> Set.of(DataFormat.FILES);
                    case "hasContent" -> DataFormat.FILES.equals(args[0]);
                    case "getContent" -> DataFormat.FILES.equals(args[0]) ? List.of(file) : null;
                    case "getTransferModes" -> Set.of(TransferMode.COPY);
                    case "getDragViewOffsetX", "getDragViewOffsetY" -> 0.0;
                    case "putContent" -> false;
                    default -> null;
                });
        Dragboard dragboard = DragboardHelper.createDragboard(peer);
        DragboardHelper.setDataAccessRestriction(dragboard, false);
        return dragboard;
    }
}
