package org.cardiacrnn.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;
import org.cardiacrnn.app.shell.ThemeManager;
import org.cardiacrnn.app.training.TrainingViewModel;
import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.figures.ExportFormat;
import org.cardiacrnn.figures.FigureSize;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The researcher's main journey on a real X display with the GTK toolkit (run under xvfb-run, see README),
 * where rendering differs from Monocle. Each step leaves a screenshot in target/screenshots/ and checks what
 * a person would notice: a readable confusion matrix, no cut-off text, no uncaught exception.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class RealDisplayJourneyUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<Throwable> UNCAUGHT = new CopyOnWriteArrayList<>();
    private static Thread.UncaughtExceptionHandler previousHandler;
    /** JavaFX's CSS logger: a stylesheet lookup that fails is logged there, and the rule silently dropped. */
    private static final java.util.logging.Logger CSS_LOG = java.util.logging.Logger.getLogger("javafx.css");
    private static final List<String> CSS_WARNINGS = new CopyOnWriteArrayList<>();
    private static final java.util.logging.Handler CSS_HANDLER = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                CSS_WARNINGS.add(String.valueOf(record.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** PNG encoding off the test thread: the journey waits for the screen, not for the disk. */
    private static final java.util.concurrent.ExecutorService PNG_WRITER =
            java.util.concurrent.Executors.newSingleThreadExecutor();

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;
    private int step;

    @BeforeAll
    static void requireRealDisplay() throws Exception {
        assumeTrue("gtk".equalsIgnoreCase(System.getProperty("glass.platform")) && System.getenv("DISPLAY") != null,
                "needs an X display and -Dglass.platform=gtk; the README's test command runs it under xvfb-run");
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> UNCAUGHT.add(error));
        CSS_LOG.addHandler(CSS_HANDLER);
    }

    @AfterAll
    static void restoreHandler() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        CSS_LOG.removeHandler(CSS_HANDLER);
        PNG_WRITER.shutdown();
        PNG_WRITER.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Start
    void start(Stage shown) {
        stage = shown;
        MainViewModel main = new MainViewModel(new FxTaskExecutor());
        workbench = new Workbench(main, RecentFiles.inMemory(), home);
        Scene scene = new Scene(workbench.mainView(), 1280, 800);
        ThemeManager.apply(scene, false);
        main.darkThemeProperty().addListener((obs, old, dark) -> ThemeManager.apply(scene, dark));
        workbench.installShortcuts(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        workbench.loadSampleData(() -> { });
    }

    @Test
    void mainJourneyReadsWellOnARealDisplay(FxRobot robot) throws Exception {
        UiTests.waitUntil(60, () -> workbench.session().datasetProperty().get() != null);
        screenshot(robot, "data-light");

        robot.clickOn("#nav-sequences");
        robot.clickOn("#prepareSequences");
        UiTests.waitUntil(60, () -> workbench.session().preparedDataProperty().get() != null);
        screenshot(robot, "sequences-light");
        // A researcher looks at the empty Evaluation page before training; its charts must still draw later.
        robot.clickOn("#nav-evaluation");
        screenshot(robot, "evaluation-empty-light");

        robot.interact(() -> workbench.session().hyperparametersProperty().set(
                Hyperparameters.quick().withOverride("epochs", "1")));
        robot.clickOn("#nav-model");
        screenshot(robot, "model-light");
        robot.clickOn("#nav-training");
        robot.clickOn("#startTraining");
        TrainingViewModel training = workbench.trainingViewModel();
        UiTests.waitUntil(240, () -> workbench.session().currentRunProperty().get() != null
                && training.statusProperty().get() == TrainingViewModel.Status.IDLE);
        screenshot(robot, "training-light");

        robot.clickOn("#nav-evaluation");
        RunResult run = workbench.session().currentRunProperty().get();
        screenshot(robot, "evaluation-light");
        assertConfusionMatrixReadable(robot, run);
        robot.clickOn("#confusionMode-row_percent");
        screenshot(robot, "evaluation-row-percent-light");
        assertConfusionMatrixReadable(robot, run);

        exportOneFigureOfEachFormat(robot);
        // Exports once restyled parts the shown chart shares, which blacked out its canvas on GTK.
        screenshot(robot, "evaluation-after-export-light");
        assertConfusionMatrixReadable(robot, run);

        robot.interact(() -> workbench.mainViewModel().toggleTheme());
        screenshot(robot, "evaluation-dark");
        assertConfusionMatrixReadable(robot, run);
        robot.interact(() -> workbench.mainViewModel().toggleTheme());
        screenshot(robot, "evaluation-light-again");
        assertConfusionMatrixReadable(robot, run);

        // Attributions: a background job over the test split, then the ranking, charts and status line.
        showEvaluationTab(robot, 4);
        robot.clickOn("#attributionCompute");
        javafx.scene.control.TableView<?> genes = robot.lookup("#attributionGenes").queryTableView();
        UiTests.waitUntil(240, () -> !genes.getItems().isEmpty());
        screenshot(robot, "attributions-light");
        assertThat(truncatedTexts(stage.getScene().getRoot())).as("texts cut off on the Attributions tab").isEmpty();
        showEvaluationTab(robot, 0);

        // The run's validation curves in Runs > Compare: one epoch is a single point, which shows only as a marker.
        robot.clickOn("#nav-runs");
        javafx.scene.control.TableView<?> runs = robot.lookup("#runsTable").queryTableView();
        UiTests.waitUntil(30, () -> !runs.getItems().isEmpty());
        robot.interact(() -> runs.getSelectionModel().select(0));
        robot.clickOn("#compareRuns");
        ChartPane overlay = robot.lookup("#overlayAccuracyChart").queryAs(ChartPane.class);
        UiTests.waitUntil(30, () -> overlay.figure() != null);
        assertThat(overlay.figure().chart().getXYPlot().getRangeAxis().getRange().getLength())
                .as("accuracy axis span").isGreaterThanOrEqualTo(0.2);

        // Every page in both themes at 1280 x 800: the README's gallery (docs/screenshots/) is taken from these.
        List<String> cutAt1280 = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> workbench.mainViewModel().darkThemeProperty().set(dark));
            for (Page page : Page.values()) {
                robot.interact(() -> workbench.showPage(page));
                String theme = dark ? "dark" : "light";
                screenshot(robot, page.name().toLowerCase() + "-" + theme + "-1280");
                truncatedTexts(stage.getScene().getRoot()).forEach(text -> cutAt1280.add(theme + " " + page + ": "
                        + text));
            }
        }
        assertThat(cutAt1280).as("texts cut off at 1280 x 800").isEmpty();

        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        // Both themes: the dark stylesheet sets its own colours and borders, which can change what fits.
        List<String> cut = new ArrayList<>();
        for (boolean dark : new boolean[] {true, false}) {
            robot.interact(() -> workbench.mainViewModel().darkThemeProperty().set(dark));
            String theme = dark ? "dark" : "light";
            for (Page page : Page.values()) {
                robot.interact(() -> workbench.showPage(page));
                if (dark) {
                    // No screenshot: the gallery shows 1024 x 700 in the light theme only, and each costs time.
                    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                } else {
                    screenshot(robot, page.name().toLowerCase() + "-light-1024");
                }
                truncatedTexts(stage.getScene().getRoot()).forEach(text -> cut.add(theme + " " + page + ": "
                        + text));
                if (page == Page.EVALUATION) {
                    assertConfusionMatrixWhollyShown(robot);
                    showEvaluationTab(robot, 4);
                    if (!dark) {
                        screenshot(robot, "attributions-light-1024");
                    }
                    truncatedTexts(stage.getScene().getRoot()).forEach(text -> cut.add(theme + " attributions: "
                            + text));
                    showEvaluationTab(robot, 0);
                }
            }
        }
        assertThat(cut).as("texts cut off at 1024 x 700").isEmpty();
        assertThat(UNCAUGHT).as("uncaught exceptions").isEmpty();
        assertThat(CSS_WARNINGS).as("stylesheet rules JavaFX could not apply").isEmpty();
    }

    private void exportOneFigureOfEachFormat(FxRobot robot) throws Exception {
        ChartPane confusion = robot.lookup("#confusionChart").queryAs(ChartPane.class);
        Path exports = Files.createDirectories(home.resolve("exports"));
        List<Path> written = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            written.add(exports.resolve("confusion." + format.extension()));
        }
        robot.interact(() -> {
            for (int i = 0; i < written.size(); i++) {
                confusion.export(ExportFormat.values()[i], FigureSize.SINGLE_COLUMN, 150, written.get(i));
            }
        });
        UiTests.waitUntil(60, () -> written.stream().allMatch(Files::exists));
        for (Path file : written) {
            assertThat(Files.size(file)).as(file.getFileName().toString()).isPositive();
        }
    }

    /**
     * Texts a Labeled shows cut short with an ellipsis, as "Name: shown text", and controls hidden because they
     * do not fit (behind a tool bar's overflow button, or tabs scrolled out of their row).
     */
    static List<String> truncatedTexts(Parent root) {
        List<String> cut = new ArrayList<>();
        collectTruncated(root, cut);
        return cut;
    }

    private static void collectTruncated(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String ellipsis = labeled.getEllipsisString();
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.getText() != null && !text.getText().equals(labeled.getText())
                        && text.getText().contains(ellipsis.isEmpty() ? "\u2026" : ellipsis)) {
                    cut.add(labeled.getId() + " " + labeled.getClass().getSimpleName() + ": " + text.getText()
                            + " (of \"" + labeled.getText() + "\")");
                }
            }
        }
        // Controls that do not fit are hidden rather than cut: a tool bar's overflow button ("»") and a tab
        // pane's menu of the tabs scrolled out of sight show only when something does not fit.
        if (node.getStyleClass().contains("tool-bar-overflow-button")) {
            cut.add("a tool bar hides controls behind its overflow button");
        }
        if (node.getStyleClass().contains("tab-down-button")) {
            cut.add("tabs do not fit in their row: " + tabsOf(node));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTruncated(child, cut);
            }
        }
    }

    private static String tabsOf(Node tabMenuButton) {
        for (Node ancestor = tabMenuButton; ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor instanceof javafx.scene.control.TabPane tabs) {
                return tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList().toString();
            }
        }
        return "(no tab pane)";
    }

    private void assertConfusionMatrixReadable(FxRobot robot, RunResult run) throws Exception {
        ChartPane confusion = robot.lookup("#confusionChart").queryAs(ChartPane.class);
        BufferedImage pixels = capture(robot, confusion);
        long dark = 0;
        for (int y = 0; y < pixels.getHeight(); y++) {
            for (int x = 0; x < pixels.getWidth(); x++) {
                int rgb = pixels.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (luminance < 60) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("near-black pixels of the confusion matrix")
                .isLessThan((long) pixels.getWidth() * pixels.getHeight() / 2);
        JFreeChart chart = confusion.figure().chart();
        XYPlot plot = chart.getXYPlot();
        SymbolAxis predicted = (SymbolAxis) plot.getDomainAxis();
        SymbolAxis actual = (SymbolAxis) plot.getRangeAxis();
        assertThat(List.of(predicted.getSymbols())).containsExactlyElementsOf(run.report().classNames());
        assertThat(List.of(actual.getSymbols())).containsExactlyInAnyOrderElementsOf(run.report().classNames());
        assertThat(predicted.isTickLabelsVisible() && actual.isTickLabelsVisible()).isTrue();
        assertThat(predicted.getTickLabelPaint()).as("class labels drawn in the background colour")
                .isNotEqualTo(chart.getBackgroundPaint());
        assertThat(chart.getTitle().getPaint()).isNotEqualTo(chart.getBackgroundPaint());
    }

    /** The confusion matrix ends within its tab: overflowing it, its class labels fell below the window. */
    private void assertConfusionMatrixWhollyShown(FxRobot robot) {
        Node confusion = robot.lookup("#confusionChart").query();
        Node tabs = robot.lookup("#evaluationTabs").query();
        Bounds chart = confusion.localToScene(confusion.getBoundsInLocal());
        Bounds tab = tabs.localToScene(tabs.getBoundsInLocal());
        assertThat(chart.getMaxY()).as("bottom of the confusion matrix").isLessThanOrEqualTo(tab.getMaxY() + 1);
        assertThat(chart.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
    }

    private void showEvaluationTab(FxRobot robot, int index) {
        javafx.scene.control.TabPane tabs = robot.lookup("#evaluationTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    private BufferedImage capture(FxRobot robot, Node node) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds bounds = node.localToScreen(node.getBoundsInLocal());
            WritableImage shot = new Robot().getScreenCapture(null, bounds.getMinX(), bounds.getMinY(),
                    bounds.getWidth(), bounds.getHeight(), false);
            image[0] = SwingFXUtils.fromFXImage(shot, null);
        });
        return image[0];
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        BufferedImage image = capture(robot, stage.getScene().getRoot());
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++step, name));
        PNG_WRITER.submit(() -> {
            ImageIO.write(image, "png", file.toFile());
            return file;
        });
    }
}
