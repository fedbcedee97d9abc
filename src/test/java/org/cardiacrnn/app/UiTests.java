package org.cardiacrnn.app;

import java.nio.file.Path;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.shell.MainViewModel;

/** The workbench as the TestFX tests open it: 1280 × 800, a private user-data folder, sample data loading. */
final class UiTests {

    private UiTests() {
    }

    static Workbench showWorkbench(Stage stage, Path home) {
        Workbench workbench = new Workbench(new MainViewModel(new FxTaskExecutor()), RecentFiles.inMemory(), home);
        stage.setScene(new Scene(workbench.mainView(), 1280, 800));
        stage.show();
        workbench.afterShown();
        return workbench;
    }
}
