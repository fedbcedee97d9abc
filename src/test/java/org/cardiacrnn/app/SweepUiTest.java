package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A 4-trial grid sweep from the Sweeps page, headless: quick preset on the sample data, two learning rates ×
 * two widths. The trial table fills with finished trials, the best is marked, the parallel-coordinates plot
 * draws one line per trial, and "Use this config" sends a trial's settings to the Model page.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SweepUiTest {

    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = UiTests.showWorkbench(stage, home);
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFourTrialGridSweepFillsTheTableAndThePlot(FxRobot robot) throws Exception {
        UiTests.waitUntil(60, () -> workbench.session().datasetProperty().get() != null);
        robot.interact(() -> workbench.session().hyperparametersProperty().set(
                Hyperparameters.quick().withOverride("epochs", "3")));
        robot.clickOn("#nav-sweeps");
        replaceText(robot, "#parameterValues2", "16, 32");
        replaceText(robot, "#parameterMin1", "0.001");
        replaceText(robot, "#parameterMax1", "0.01");
        robot.clickOn("#startSweep");

        TableView<Trial> table = robot.lookup("#trialTable").queryAs(TableView.class);
        UiTests.waitUntil(300, () -> table.getItems().size() == 4
                && table.getItems().stream().allMatch(Trial::isDone)
                && robot.lookup("#startSweep").query().isDisabled() == false);

        assertThat(table.getItems()).extracting(Trial::state).containsOnly(Trial.TrialState.FINISHED);
        assertThat(table.getItems()).extracting(t -> t.values().get("hiddenUnits")).containsExactly("16", "32",
                "16", "32");
        assertThat(table.getItems()).extracting(t -> t.values().get("learningRate")).containsExactly("0.001",
                "0.001", "0.01", "0.01");
        assertThat(table.getColumns()).extracting(c -> c.getText()).contains("learningRate", "hiddenUnits",
                "Validation accuracy");
        assertThat(robot.lookup(".best-trial").queryAll()).hasSize(1);
        ChartPane parallel = robot.lookup("#parallelChart").queryAs(ChartPane.class);
        assertThat(parallel.figure()).isNotNull();
        assertThat(((XYPlot) parallel.figure().chart().getPlot()).getDataset().getSeriesCount()).isEqualTo(4);

        robot.interact(() -> table.getSelectionModel().select(3));
        robot.clickOn("#useTrialConfig");
        Hyperparameters chosen = workbench.session().hyperparametersProperty().get();
        assertThat(chosen.learningRate()).isEqualTo(0.01);
        assertThat(chosen.hiddenUnits()).isEqualTo(32);
        assertThat(robot.lookup("#modelPage").tryQuery()).isPresent();
    }
}
