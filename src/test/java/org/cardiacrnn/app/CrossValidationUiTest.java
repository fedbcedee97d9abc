package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.sequences.DatasetPreparation;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.sequences.PreparedData;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Leave-one-donor-out from the Training page as one job; its per-fold rows and pooled figures on the Evaluation
 * page.
 */
@ExtendWith(ApplicationExtension.class)
class CrossValidationUiTest {

    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = UiTests.showWorkbench(stage, home);
    }

    @Test
    void leaveOneDonorOutRunsAsOneJobAndShowsFoldsAndPooledFigures(FxRobot robot) throws Exception {
        UiTests.waitUntil(60, () -> workbench.session().datasetProperty().get() != null);
        // As if the Sequences page had built sequences from the 100 most variable genes: keeps the test short.
        var session = workbench.session();
        PreparationConfig recommended = session.effectivePreparation();
        PreprocessingConfig pre = recommended.preprocessing();
        PreparationConfig small = recommended.withPreprocessing(new PreprocessingConfig(pre.missingValues(),
                pre.libraryNormalisation(), pre.log1p(), pre.scaling(), pre.clipZ(), 100));
        PreparedData prepared = DatasetPreparation.prepare(session.datasetProperty().get(), small);
        robot.interact(() -> {
            session.hyperparametersProperty().set(Hyperparameters.quick().withOverride("epochs", "1")
                    .withOverride("hiddenUnits", "4").withOverride("denseUnits", "4"));
            session.preparationConfigProperty().set(small);
            session.preparedDataProperty().set(prepared);
        });
        robot.clickOn("#nav-training");
        robot.clickOn("#crossValidationPane .title");
        @SuppressWarnings("unchecked")
        ComboBox<Integer> folds = robot.lookup("#crossValidationFolds").queryAs(ComboBox.class);
        assertThat(folds.getConverter().toString(folds.getValue())).isEqualTo("Leave one group out");
        robot.clickOn("#startCrossValidation");

        UiTests.waitUntil(300, () -> robot.lookup("#crossValidationProgress")
                .queryAs(javafx.scene.control.ProgressBar.class).getProgress() == 1.0
                && !robot.lookup("#startCrossValidation").queryButton().isDisabled());
        assertThat(robot.lookup("#crossValidationStatus").queryLabeled().getText()).startsWith("4 folds: ");

        // The results are read where every other result is: on the Evaluation page.
        robot.clickOn("#nav-evaluation");
        TableView<?> perFold = robot.lookup("#crossValidationFoldTable").queryAs(TableView.class);
        assertThat(perFold.getItems()).hasSize(4);
        assertThat(robot.lookup("#crossValidationResults").queryAs(javafx.scene.control.TitledPane.class)
                .isExpanded()).isTrue();
        assertThat(robot.lookup("#crossValidationHeadline").queryLabeled().getText())
                .startsWith("4 folds: accuracy ").contains("pooled out-of-fold accuracy").endsWith("on 656 sequences");
        assertThat(robot.lookup("#crossValidationMetrics").queryAs(TableView.class).getItems()).hasSize(10);
        ChartPane confusion = robot.lookup("#crossValidationConfusionChart").queryAs(ChartPane.class);
        long pooled = confusion.figure().data().rows().stream().mapToLong(row -> Long.parseLong(row.get(2))).sum();
        assertThat(pooled).as("every sequence predicted out of fold once").isEqualTo(656);
        assertThat(robot.lookup("#crossValidationRocChart").queryAs(ChartPane.class).figure()).isNotNull();
        try (var runs = Files.list(home.resolve("runs"))) {
            assertThat(runs.filter(p -> p.getFileName().toString().contains("-cv-fold"))).hasSize(4);
        }
    }
}
