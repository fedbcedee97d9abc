package org.cardiacrnn.app.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: an exception nobody caught is logged with its stack trace and shown to the user
 * in plain words, instead of vanishing on the FX thread and leaving a page half-updated without a word.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final Consumer<UserError> show;

    /** @param show shows an error to the user; called on the FX thread */
    public UncaughtErrorHandler(Consumer<UserError> show) {
        this.show = show;
    }

    /** Installs the handler for every thread, showing dialogs over the window {@code owner} supplies. */
    public static UncaughtErrorHandler install(Supplier<Window> owner) {
        UncaughtErrorHandler handler = new UncaughtErrorHandler(error -> ErrorDialog.show(owner.get(), error));
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(handler);
        }
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), failure);
        UserError error = UserError.of(I18n.text("error.uncaught.title"), failure);
        if (Platform.isFxApplicationThread()) {
            showSafely(error);
        } else {
            try {
                Platform.runLater(() -> showSafely(error));
            } catch (IllegalStateException toolkitGone) {
                // The window is already closed; the log keeps the trace.
            }
        }
    }

    private void showSafely(UserError error) {
        try {
            show.accept(error);
        } catch (RuntimeException dialogFailed) {
            // A failing dialog must not re-enter this handler and loop; the log keeps both traces.
            LOG.error("Could not show the error dialog", dialogFailed);
        }
    }
}
