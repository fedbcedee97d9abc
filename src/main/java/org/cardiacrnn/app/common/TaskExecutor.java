package org.cardiacrnn.app.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The one way view-models run long work. The application uses {@link FxTaskExecutor} (a single
 * background thread, so all ND4J work is serialised, wrapped in {@code javafx.concurrent.Task});
 * view-model tests use {@link CurrentThreadTaskExecutor}, which runs jobs at once so tests never sleep.
 * Callbacks always arrive on the UI thread.
 */
public interface TaskExecutor {

    /**
     * Starts a job; {@code onSuccess} or {@code onFailure} is called on the UI thread when it ends
     * (a cancelled job calls neither).
     */
    <T> Cancellable submit(String title, BackgroundJob<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a small piece of work on the UI thread (later, or at once when already there). */
    void runOnUiThread(Runnable action);

    /**
     * Runs a small piece of work on the UI thread after what is queued now, even when called from the UI
     * thread, so a long series of updates can be spread over several frames.
     */
    void runOnUiThreadLater(Runnable action);

    /** True while some job runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** The running job's latest message (empty when idle). */
    ReadOnlyStringProperty messageProperty();

    /** The running job's progress in [0, 1], or -1 for unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** Stops accepting work and lets the worker thread end. */
    void shutdown();

    /** A handle to ask a running job to stop. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
