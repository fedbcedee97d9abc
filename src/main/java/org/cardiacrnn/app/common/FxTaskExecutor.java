package org.cardiacrnn.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs jobs as {@link Task}s on one daemon worker thread. One thread because ND4J work must not run
 * concurrently with training (it would fight for the same two cores) and because jobs then finish in
 * the order they were asked for. Task progress and messages are coalesced by JavaFX itself. The thread runs at a
 * lowered priority, so the window stays responsive while it keeps the cores busy.
 */
public final class FxTaskExecutor extends ObservableTaskState {

    private final ExecutorService worker;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean backgroundPriorityAsked = new AtomicBoolean();
    private final Runnable beforeEachJob;

    public FxTaskExecutor() {
        this(() -> { });
    }

    /**
     * @param beforeEachJob runs on the worker thread before each job (per-thread native settings, which may
     *                      become known only after the thread started, as ND4J loads in the background)
     */
    public FxTaskExecutor(Runnable beforeEachJob) {
        this.beforeEachJob = beforeEachJob;
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "workbench-engine");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Cancellable submit(String title, BackgroundJob<T> job, Consumer<T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        JobTask<T> task = new JobTask<>(title, progress -> {
            beforeEachJob.run();
            return job.run(progress);
        });
        task.messageProperty().addListener((obs, old, text) -> message.set(text));
        task.progressProperty().addListener((obs, old, value) -> progress.set(value.doubleValue()));
        task.setOnSucceeded(event -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            finished();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(event -> finished());
        running.incrementAndGet();
        busy.set(true);
        // Background work yields the CPU to the window (see BackgroundPriority), the first job too: reading the
        // sample data at normal priority while the window was being built kept the window blank until the data
        // were in it. The quick JIT compiler is lowered only after that job, since the window's start-up needs it
        // (the optimising one yields from the launch: BackgroundPriority.lowerOptimisingCompiler).
        boolean first = backgroundPriorityAsked.compareAndSet(false, true);
        if (first) {
            worker.execute(BackgroundPriority::lowerCurrentThread);
        }
        worker.submit(task);
        if (first) {
            worker.execute(BackgroundPriority::lowerCompilerThreads);
        }
        return () -> task.cancel(false);
    }

    /** A task that hands the job a reporter backed by the task's own (coalesced) progress. */
    private static final class JobTask<T> extends Task<T> {
        private final String title;
        private final BackgroundJob<T> job;

        JobTask(String title, BackgroundJob<T> job) {
            this.title = title;
            this.job = job;
        }

        @Override
        protected T call() throws Exception {
            updateMessage(title);
            return job.run(new ProgressReporter() {
                @Override
                public void update(double fraction, String text) {
                    updateProgress(fraction < 0 ? -1 : Math.min(1, fraction), 1);
                    if (text != null) {
                        updateMessage(text);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return JobTask.this.isCancelled();
                }
            });
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            busy.set(false);
            message.set("");
            progress.set(0);
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void runOnUiThreadLater(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void shutdown() {
        worker.shutdownNow();
    }
}
