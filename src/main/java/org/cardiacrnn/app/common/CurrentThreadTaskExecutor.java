package org.cardiacrnn.app.common;

import java.util.function.Consumer;


/**
 * Runs every job immediately on the calling thread, for deterministic view-model tests without a
 * JavaFX toolkit.
 */
public final class CurrentThreadTaskExecutor extends ObservableTaskState {


    @Override
    public <T> Cancellable submit(String title, BackgroundJob<T> job, Consumer<T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        busy.set(true);
        message.set(title);
        T result;
        try {
            result = job.run(new ProgressReporter() {
                @Override
                public void update(double fraction, String text) {
                    progress.set(fraction);
                    message.set(text);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            });
        } catch (Exception | Error failure) {
            busy.set(false);
            message.set("");
            onFailure.accept(failure);
            return () -> { };
        }
        busy.set(false);
        message.set("");
        onSuccess.accept(result);
        return () -> cancelled[0] = true;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void runOnUiThreadLater(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
    }
}
