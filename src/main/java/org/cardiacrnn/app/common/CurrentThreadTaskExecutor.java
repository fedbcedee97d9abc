package org.cardiacrnn.app.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs every job immediately on the calling thread, for deterministic view-model tests without a
 * JavaFX toolkit.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);

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
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
    }
}
