package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class UncaughtErrorHandlerTest {

    private final List<UserError> shown = new CopyOnWriteArrayList<>();
    private final List<Boolean> shownOnFxThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private UncaughtErrorHandler handler() {
        return new UncaughtErrorHandler(error -> {
            shown.add(error);
            shownOnFxThread.add(Platform.isFxApplicationThread());
        });
    }

    @Test
    void anExceptionOnTheFxThreadIsShownInPlainWordsWithItsTrace(FxRobot robot) {
        UncaughtErrorHandler handler = handler();
        robot.interact(() -> handler.uncaughtException(Thread.currentThread(),
                new IllegalStateException("no metadata column \"day\"")));

        assertThat(shown).hasSize(1);
        UserError error = shown.get(0);
        assertThat(error.title()).isEqualTo(I18n.text("error.uncaught.title"));
        assertThat(error.message()).contains("no metadata column \"day\"").doesNotContain("IllegalStateException");
        assertThat(error.detail()).contains("IllegalStateException").contains("UncaughtErrorHandlerTest");
    }

    @Test
    void anExceptionOnAnotherThreadIsShownOnTheFxThread() throws Exception {
        Thread worker = new Thread(() -> {
            throw new ArithmeticException("boom");
        });
        worker.setUncaughtExceptionHandler(handler());
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shown.isEmpty());

        assertThat(shown.get(0).detail()).contains("ArithmeticException: boom");
        assertThat(shownOnFxThread).containsExactly(true);
    }
}
