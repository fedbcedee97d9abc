package org.cardiacrnn.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.cardiacrnn.app.common.FxTaskExecutor;
import org.cardiacrnn.app.data.RecentFiles;
import org.cardiacrnn.app.shell.MainViewModel;
import org.cardiacrnn.app.shell.Page;

/** The workbench window the responsiveness benchmarks measure, opened as a user finds it, and waits on it. */
final class BenchmarkWindow {

    private BenchmarkWindow() {
    }

    /**
     * Starts JavaFX, shows the workbench at 1280 × 800 with {@code page} in view, and returns it once the sample data
     * is loaded.
     */
    static Workbench open(Path home, Page page) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<Workbench> workbench = new AtomicReference<>();
        Platform.runLater(() -> {
            Workbench shown = new Workbench(new MainViewModel(new FxTaskExecutor()), RecentFiles.inMemory(), home);
            Stage stage = new Stage();
            stage.setScene(new Scene(shown.mainView(), 1280, 800));
            stage.show();
            shown.loadSampleData(() -> { });
            shown.showPage(page);
            workbench.set(shown);
        });
        waitFor(() -> workbench.get() != null && workbench.get().session().datasetProperty().get() != null, 120);
        return workbench.get();
    }

    /** Polls {@code condition} on the FX thread every 100 ms until it holds. */
    static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFxThread(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Reads {@code value} on the FX thread. */
    static <T> T onFxThread(Supplier<T> value) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> result = new AtomicReference<>();
        Platform.runLater(() -> {
            result.set(value.get());
            done.countDown();
        });
        done.await();
        return result.get();
    }
}
