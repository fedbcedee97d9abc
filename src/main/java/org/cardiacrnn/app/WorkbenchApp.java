package org.cardiacrnn.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.BackgroundPriority;
import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.common.UncaughtErrorHandler;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.shell.MainView;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.ThemeManager;
import org.cardiacrnn.io.UserDataDirectory;
import org.cardiacrnn.nn.NativeThreads;
import org.cardiacrnn.startup.Startup;

/** The JavaFX application: one main window over the engine. */
public final class WorkbenchApp extends Application {

    private TaskExecutor executor;

    /** Starts the GUI; called by the CLI when no command is given. */
    public static void launchWorkbench(String[] args) {
        // On a thread of its own, since loading the native bridge takes a moment the window need not wait for.
        Thread compilerPriority = new Thread(BackgroundPriority::lowerOptimisingCompiler, "compiler-priority");
        compilerPriority.setDaemon(true);
        compilerPriority.start();
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void init() {
        Startup.startWithoutEngine();
    }

    @Override
    public void start(Stage stage) {
        ThemeManager.useTheme(false);
        UncaughtErrorHandler.install(() -> stage);
        executor = new FxTaskExecutor(NativeThreads::applyToThisThread);
        MainViewModel mainViewModel = new MainViewModel(executor);
        Workbench workbench = new Workbench(mainViewModel, RecentFiles.userPreferences(), UserDataDirectory.resolve());
        MainView mainView = workbench.mainView();
        workbench.loadSampleData(() -> Startup.loadEngineInBackground(BackgroundPriority::lowerCurrentThread));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(mainView, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        ThemeManager.apply(scene, false);
        mainViewModel.darkThemeProperty().addListener((obs, old, dark) -> ThemeManager.apply(scene, dark));
        workbench.installShortcuts(scene);
        stage.setTitle(I18n.text("app.title"));
        var icon = WorkbenchApp.class.getResourceAsStream("/assets/icons/cardiac-rnn-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        stage.setScene(scene);
        // On a large screen charts and tables deserve the room; a laptop keeps the 1280 × 800 window.
        if (screen.getWidth() >= 1680 && screen.getHeight() >= 1000) {
            // The explicit bounds serve desktops whose window manager ignores the maximised state.
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setMaximized(true);
        }
        stage.show();
        Startup.logMilestone("first window shown");
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
