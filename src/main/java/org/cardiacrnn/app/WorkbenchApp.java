package org.cardiacrnn.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.common.I18n;
import org.cardiacrnn.app.common.TaskExecutor;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.runs.UserDataDirectory;
import org.cardiacrnn.app.shell.MainView;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.ThemeManager;

/** The JavaFX application: one main window over the engine. */
public final class WorkbenchApp extends Application {

    private TaskExecutor executor;

    /** Starts the GUI; called by the CLI when no command is given. */
    public static void launchWorkbench(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        MainViewModel mainViewModel = new MainViewModel(executor);
        Workbench workbench = new Workbench(mainViewModel, RecentFiles.userPreferences(), UserDataDirectory.resolve());
        MainView mainView = workbench.mainView();
        Scene scene = new Scene(mainView, 1280, 800);
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
        stage.show();
        workbench.afterShown();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
