package org.cardiacrnn.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;

import org.cardiacrnn.app.common.AppIcon;
import org.cardiacrnn.app.common.ChartPane;
import org.cardiacrnn.app.common.ErrorDialog;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UserError;
import org.cardiacrnn.app.data.DataView;
import org.cardiacrnn.app.data.DataViewModel;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.evaluation.BaselinesPane;
import org.cardiacrnn.app.evaluation.BaselinesViewModel;
import org.cardiacrnn.app.evaluation.CrossValidationPane;
import org.cardiacrnn.app.evaluation.CrossValidationResultsPane;
import org.cardiacrnn.app.evaluation.CrossValidationViewModel;
import org.cardiacrnn.app.evaluation.EvaluationView;
import org.cardiacrnn.app.model.ModelView;
import org.cardiacrnn.app.model.ModelViewModel;
import org.cardiacrnn.app.runs.PredictionsPane;
import org.cardiacrnn.app.runs.PredictionsViewModel;
import org.cardiacrnn.app.runs.RunsView;
import org.cardiacrnn.app.training.TrainingView;
import org.cardiacrnn.app.training.TrainingViewModel;
import org.cardiacrnn.app.sequences.SequencesView;
import org.cardiacrnn.app.sequences.SequencesViewModel;
import org.cardiacrnn.app.runs.RunsViewModel;
import org.cardiacrnn.app.sweeps.SweepView;
import org.cardiacrnn.app.sweeps.SweepViewModel;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.app.evaluation.EvaluationViewModel;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.figures.DataCharts;
import org.cardiacrnn.figures.TrajectoryStats;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.shell.MainView;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.startup.Startup;

/**
 * Wires the pages, menus and shortcuts together: the composition root of the GUI, so views and
 * view-models receive their collaborators instead of finding them.
 */
final class Workbench {

    private final MainViewModel mainViewModel;
    private final MainView mainView;

    private final WorkbenchSession session;
    private final DataViewModel dataViewModel;
    private TrainingViewModel trainingViewModel;
    private final RunStore store;

    Workbench(MainViewModel mainViewModel, RecentFiles recentFiles, Path userData) {
        this.mainViewModel = mainViewModel;
        this.session = new WorkbenchSession();
        TaskExecutor executor = mainViewModel.executor();
        this.dataViewModel = new DataViewModel(session, executor, recentFiles, userData.resolve("sample-data"));
        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        this.store = new RunStore(userData);
        RunsViewModel runsViewModel = new RunsViewModel(session, executor, store);
        CrossValidationViewModel crossValidation = new CrossValidationViewModel(session, executor, store);
        pages.put(Page.TRAINING, () -> {
            TrainingView view = new TrainingView(trainingViewModel(), this::chartPane);
            view.setBottom(new CrossValidationPane(crossValidation));
            return view;
        });
        // Built on first visit: its parameter count loads DL4J classes, which would delay the first window.
        pages.put(Page.MODEL, () -> new ModelView(new ModelViewModel(session, executor), this::trainNow));
        PredictionsViewModel predictions = new PredictionsViewModel(executor);
        pages.put(Page.RUNS, () -> {
            RunsView view = new RunsView(runsViewModel, this::chartPane,
                    () -> mainViewModel.navigateTo(Page.EVALUATION), () -> mainViewModel.navigateTo(Page.MODEL));
            view.setBottom(new PredictionsPane(predictions, this::chartPane, view.selectedRunProperty()));
            return view;
        });
        SweepViewModel sweepViewModel = new SweepViewModel(session, executor, store, new SweepStore(userData));
        pages.put(Page.SWEEPS, () -> new SweepView(sweepViewModel, this::chartPane,
                () -> mainViewModel.navigateTo(Page.MODEL)));
        SequencesViewModel sequencesViewModel = new SequencesViewModel(session, executor);
        pages.put(Page.SEQUENCES, () -> new SequencesView(sequencesViewModel, this::chartPane));
        BaselinesViewModel baselines = new BaselinesViewModel(session, executor, store);
        pages.put(Page.EVALUATION, () -> {
            EvaluationViewModel evaluation = new EvaluationViewModel(session, executor);
            evaluation.attributions().setGeneOpener(gene -> {
                dataViewModel.selectedGeneProperty().set(gene);
                mainViewModel.navigateTo(Page.DATA);
            });
            EvaluationView view = new EvaluationView(evaluation, this::chartPane);
            view.setBottom(new javafx.scene.layout.VBox(new BaselinesPane(baselines),
                    new CrossValidationResultsPane(crossValidation, this::chartPane)));
            return view;
        });
        pages.put(Page.DATA, () -> new DataView(dataViewModel, trend -> {
            ChartPane pane = chartPane("geneTrendChart");
            pane.show(I18n.text("data.trend.title", trend.gene()), DataCharts.geneOverTime(trend.gene(),
                    trend.timeColumn(), trend.lines().stream().map(line -> new TrajectoryStats(line.label(),
                            line.times(), line.means(), line.standardDeviations())).toList()));
            return pane;
        }));
        this.mainView = new MainView(mainViewModel, pages, menuBar());
    }

    MainView mainView() {
        return mainView;
    }

    MainViewModel mainViewModel() {
        return mainViewModel;
    }

    /**
     * Starts reading the bundled sample data in the background. Called before the window is shown: reading takes
     * most of a second of one core, and JavaFX's start-up (styles, layout, the first frame) keeps only the other
     * one busy, so the data are read while the window is being built.
     *
     * @param afterwards run on the UI thread once the read has ended, shown or failed (the application loads ND4J
     *                   then, not alongside the data: both want the second core, and the data are what the user
     *                   looks at first)
     */
    void loadSampleData(Runnable afterwards) {
        session.datasetProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ExpressionData> observable,
                                ExpressionData old, ExpressionData loaded) {
                observable.removeListener(this);
                // Logged once the Data page has taken the whole dataset (roles, summary, first gene's plot).
                Platform.runLater(() -> Startup.logMilestone("sample data ready"));
            }
        });
        dataViewModel.loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> observable, Boolean was,
                                Boolean loading) {
                if (!loading) {
                    observable.removeListener(this);
                    // After the hand-over, which follows the end of the read in the same UI-thread turn.
                    Platform.runLater(afterwards);
                }
            }
        });
        dataViewModel.openSampleData();
    }

    /** "Train with these settings": one click from the Model page to a running training. */
    void trainNow() {
        mainViewModel.navigateTo(Page.TRAINING);
        trainingViewModel().start();
    }

    void showPage(Page page) {
        mainViewModel.navigateTo(page);
    }

    /** Made on first use: its live charts load JFreeChart, which would delay the first window. */
    TrainingViewModel trainingViewModel() {
        if (trainingViewModel == null) {
            trainingViewModel = new TrainingViewModel(session, mainViewModel.executor(), store);
        }
        return trainingViewModel;
    }

    private ChartPane chartPane(String id) {
        return new ChartPane(id, mainViewModel.executor(), this::showError, mainViewModel.darkThemeProperty());
    }

    private void showError(UserError error) {
        ErrorDialog.show(mainView.getScene() == null ? null : mainView.getScene().getWindow(), error);
    }

    WorkbenchSession session() {
        return session;
    }

    DataViewModel dataViewModel() {
        return dataViewModel;
    }

    void installShortcuts(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7};
        Page[] pages = Page.values();
        for (int i = 0; i < pages.length; i++) {
            Page page = pages[i];
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> mainViewModel.navigateTo(page));
        }
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem(I18n.text("menu.file.quit"));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(event -> Platform.exit());
        Menu file = new Menu(I18n.text("menu.file"), null, new SeparatorMenuItem(), quit);

        MenuItem theme = new MenuItem(I18n.text("menu.view.theme"), AppIcon.THEME.node());
        theme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        theme.setOnAction(event -> mainViewModel.toggleTheme());
        Menu view = new Menu(I18n.text("menu.view"), null, theme);

        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }
}
