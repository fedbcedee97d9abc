package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A load that fails brings the import dialog back as the user left it, with the error in the dialog's words. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ImportDialogUiTest {

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
    void aHeaderlessMetadataTableBringsTheFormBackFilledInWithTheFieldToUse(FxRobot robot) throws Exception {
        Path matrix = Files.writeString(dir.resolve("counts.csv"), "sample_id,day,G1,G2\nS1,0,1,2\nS2,1,3,4\n");
        Path headerless = Files.writeString(dir.resolve("time.txt"), "0\t0.1\n12\t0.5\n");
        // Not interact(): the dialog waits for the user, so the runnable would not return.
        Platform.runLater(() -> view.importAndOpen(viewModel.importer(matrix)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#importDialog").tryQuery().isPresent()
                && !robot.lookup("#importTimeColumn").queryComboBox().getItems().isEmpty());
        assertThat(robot.lookup("#importTimeColumn").queryComboBox().getItems()).contains("sample_id", "day");
        robot.interact(() -> {
            robot.lookup("#importMetadata").queryAs(TextField.class).setText(headerless.toString());
            robot.lookup("#importTimeColumn").queryComboBox().getEditor().setText("day");
        });
        DialogPane pane = robot.lookup("#importDialog").query();
        Node ok = pane.lookupButton(ButtonType.OK);
        robot.clickOn(ok);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#importError").tryQuery()
                .map(error -> error.isVisible() && !((Label) error).getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        String error = robot.lookup("#importError").queryLabeled().getText();
        assertThat(error).contains("time.txt").contains("“Sample id column”").doesNotContain("--");
        assertThat(robot.lookup("#importMetadata").queryAs(TextField.class).getText())
                .isEqualTo(headerless.toString());
        assertThat(robot.lookup("#importTimeColumn").queryComboBox().getEditor().getText()).isEqualTo("day");
        assertThat(viewModel.session().datasetProperty().get()).isNull();

        DialogPane again = robot.lookup("#importDialog").query();
        robot.clickOn(again.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importDialog").tryQuery()).isEmpty();
    }
}
