package org.cardiacrnn.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.data.SingleCellGenerator;
import org.cardiacrnn.data.SingleCellOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The aggregation dialog on a small generated single-cell set: columns read, branch states ticked per branch,
 * groups previewed, options returned.
 */
@ExtendWith(ApplicationExtension.class)
class AggregationDialogUiTest {

    @TempDir
    static Path dir;

    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    @Test
    void previewsTheGroupsWithTheirCellCountsAndReturnsTheChosenOptions(FxRobot robot) throws Exception {
        SingleCellGenerator.Written written = new SingleCellGenerator(2000, 300, 100, 3).write(dir);
        AggregationViewModel viewModel = new AggregationViewModel(new FxTaskExecutor());
        Dialog<SingleCellOptions>[] dialog = new Dialog[1];
        robot.interact(() -> {
            viewModel.read(written.folder(), written.metadata());
            dialog[0] = AggregationDialog.create(stage, written.folder(), viewModel);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.cellsProperty().get() == 2000);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<String> columns = robot.lookup("#aggregationColumns").queryListView();
        assertThat(columns.getItems()).containsExactly("individual", "diffday", "type", "dpt_pseudotime");

        robot.interact(() -> {
            columns.getSelectionModel().select("individual");
            columns.getSelectionModel().select("diffday");
            ((ComboBox<String>) robot.lookup("#aggregationBranchColumn").query()).setValue("type");
        });
        assertThat(robot.lookup("#aggregationGeneNames").query().isDisabled()).as("a 10x folder has no var columns")
                .isTrue();
        pickBranch(robot, 0, "cardiomyocyte", "IPSC", "MES", "CMES", "CM");
        pickBranch(robot, 1, "fibroblast", "CF", "PROG", "IPSC", "MES");
        assertThat(robot.lookup("#aggregationBranchStates0").queryAs(FlowPane.class).getChildren())
                .extracting(node -> ((CheckBox) node).getText()).contains("IPSC", "CM", "CF", "UNK");
        robot.interact(() -> ((javafx.scene.control.Spinner<Integer>) robot.lookup("#aggregationMinCells").query())
                .getValueFactory().setValue(1));
        robot.clickOn("#aggregationPreviewButton");
        ListView<String> preview = robot.lookup("#aggregationPreview").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.getItems().stream()
                .anyMatch(line -> line.startsWith("L01|day0|cardiomyocyte: ")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).anyMatch(line -> line.startsWith("L19|day15|fibroblast: "));

        DialogPane pane = robot.lookup("#aggregationDialog").query();
        robot.clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        SingleCellOptions options = dialog[0].getResult();
        assertThat(options.pseudobulk()).containsExactly("individual", "diffday");
        assertThat(options.branchColumn()).isEqualTo("type");
        assertThat(options.branches()).containsOnlyKeys("cardiomyocyte", "fibroblast");
        assertThat(options.branches().get("fibroblast")).containsExactlyInAnyOrder("IPSC", "MES", "PROG", "CF")
                .isSortedAccordingTo(Comparator.comparingInt(viewModel.branchStates()::indexOf));
        assertThat(options.minCells()).isEqualTo(1);
        assertThat(options.varNames()).isNull();
    }

    /** Adds a branch, names it and ticks its states (in any order: they come back in the column's order). */
    private static void pickBranch(FxRobot robot, int index, String name, String... states) {
        robot.clickOn("#aggregationAddBranch");
        robot.clickOn("#aggregationBranchName" + index).write(name);
        FlowPane boxes = robot.lookup("#aggregationBranchStates" + index).queryAs(FlowPane.class);
        for (String state : states) {
            robot.clickOn(boxes.getChildren().stream().filter(node -> ((CheckBox) node).getText().equals(state))
                    .findFirst().orElseThrow());
        }
    }
}
