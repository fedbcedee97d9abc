package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.training.TrainingViewModel;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The researcher's main path, headless: the window opens on the sample data, the quick preset trains for
 * two epochs with live curves, the Evaluation page shows a confusion matrix of the whole test split, and its
 * figure exports as valid SVG, PDF and PNG. Also: a bad file leaves the dataset in place, and Stop during
 * training leaves a usable run.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MainPathUiTest {

    @TempDir
    static Path home;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = UiTests.showWorkbench(stage, home);
    }

    private void waitForSampleData() throws Exception {
        UiTests.waitUntil(60, () -> workbench.session().datasetProperty().get() != null);
    }

    @Test
    void sampleDataTrainsEvaluatesAndExportsFigures(FxRobot robot) throws Exception {
        waitForSampleData();
        robot.interact(() -> workbench.session().hyperparametersProperty().set(
                Hyperparameters.quick().withOverride("epochs", "2")));
        robot.clickOn("#nav-training");
        robot.clickOn("#startTraining");
        TrainingViewModel training = workbench.trainingViewModel();
        UiTests.waitUntil(240, () -> workbench.session().currentRunProperty().get() != null
                && training.statusProperty().get() == TrainingViewModel.Status.IDLE);

        assertThat(training.curves().epochCount()).isEqualTo(2);
        assertThat(training.curves().iterationCount()).isPositive();
        assertThat(training.log()).anyMatch(line -> line.contains("Epoch 2"));

        robot.clickOn("#nav-evaluation");
        RunResult run = workbench.session().currentRunProperty().get();
        long cells = run.report().confusionMatrix().counts().stream().flatMap(java.util.List::stream)
                .mapToLong(Integer::longValue).sum();
        assertThat(cells).isEqualTo(run.testSet().sequenceCount());
        ChartPane confusion = robot.lookup("#confusionChart").queryAs(ChartPane.class);
        long shown = confusion.figure().data().rows().stream().mapToLong(row -> Long.parseLong(row.get(2))).sum();
        assertThat(shown).isEqualTo(run.testSet().sequenceCount());

        Path svg = home.resolve("confusion.svg");
        Path pdf = home.resolve("confusion.pdf");
        Path png = home.resolve("confusion.png");
        robot.interact(() -> {
            confusion.export(ExportFormat.SVG, FigureSize.SINGLE_COLUMN, 300, svg);
            confusion.export(ExportFormat.PDF, FigureSize.DOUBLE_COLUMN, 300, pdf);
            confusion.export(ExportFormat.PNG, FigureSize.SINGLE_COLUMN, 300, png);
        });
        UiTests.waitUntil(60, () -> Files.exists(svg) && Files.exists(pdf) && Files.exists(png));
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTextContent()).contains(run.report().classNames().get(0));
        assertThat(new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        try (var pdfDocument = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(pdfDocument.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(FigureSize.SINGLE_COLUMN.widthPx(300));
    }

    @Test
    void aBadFileShowsAnErrorDialogAndKeepsTheDataset(FxRobot robot) throws Exception {
        waitForSampleData();
        ExpressionData before = workbench.session().datasetProperty().get();
        Path bad = home.resolve("ragged.csv");
        Files.writeString(bad, "sample_id,day,G1,G2\nS1,0,1,2\nS2,1,3\n");

        robot.interact(() -> workbench.dataViewModel().open(LoadRequest.of(bad)));
        UiTests.waitUntil(30, () -> robot.lookup("#errorDialog").tryQuery().isPresent());

        String message = robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertThat(message).contains("ragged.csv").contains("line 3");
        assertThat(workbench.session().datasetProperty().get()).isSameAs(before);
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#errorDialog").query().getScene().getWindow())
                .close());
    }

    @Test
    void stopDuringTrainingLeavesAUsableRun(FxRobot robot) throws Exception {
        waitForSampleData();
        robot.interact(() -> workbench.session().hyperparametersProperty().set(
                Hyperparameters.quick().withOverride("epochs", "40").withOverride("earlyStoppingPatience", "0")));
        robot.clickOn("#nav-training");
        robot.clickOn("#startTraining");
        TrainingViewModel training = workbench.trainingViewModel();
        UiTests.waitUntil(120, () -> training.curves().epochCount() >= 1);
        robot.clickOn("#pauseTraining");
        assertThat(training.statusProperty().get()).isEqualTo(TrainingViewModel.Status.PAUSED);
        assertThat(training.progressTextProperty().get()).startsWith("Paused");
        robot.clickOn("#pauseTraining");
        assertThat(training.statusProperty().get()).isEqualTo(TrainingViewModel.Status.RUNNING);
        robot.clickOn("#stopTraining");
        UiTests.waitUntil(120, () -> training.statusProperty().get() == TrainingViewModel.Status.IDLE
                && workbench.session().currentRunProperty().get() != null);

        RunResult run = workbench.session().currentRunProperty().get();
        assertThat(run.epochs().size()).isBetween(1, 39);
        assertThat(run.report().sampleCount()).isEqualTo(run.testSet().sequenceCount());
        var summary = new RunStore(home).list().stream().filter(r -> r.id().equals(run.runId())).findFirst()
                .orElseThrow();
        assertThat(summary.state()).isEqualTo(RunState.STOPPED);
        assertThat(training.progressTextProperty().get()).startsWith("Stopped by you after");
        assertThat(training.progressProperty().get()).isLessThan(1.0);
        assertThat(Files.exists(run.directory().resolve("model.zip"))).isTrue();
    }
}
