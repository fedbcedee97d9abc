package org.cardiacrnn.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.nn.NativeThreads;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench as the TestFX tests open it: 1280 × 800, a private user-data folder, sample data loading. */
final class UiTests {

    private UiTests() {
    }

    static Workbench showWorkbench(Stage stage, Path home) {
        FxTaskExecutor executor = new FxTaskExecutor(NativeThreads::applyToThisThread);
        Workbench workbench = new Workbench(new MainViewModel(executor), RecentFiles.inMemory(), home);
        stage.setScene(new Scene(workbench.mainView(), 1280, 800));
        stage.show();
        workbench.loadSampleData(() -> { });
        return workbench;
    }

    /** Waits until {@code condition} holds (failing after {@code seconds}), then for pending FX events. */
    static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
