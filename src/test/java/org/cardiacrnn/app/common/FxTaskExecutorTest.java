package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    /**
     * ND4J loads in the background while the first jobs already run, so per-thread native settings must be
     * taken before every job, not once when the worker thread starts.
     */
    @Test
    void theSettingsStepRunsOnTheWorkerThreadBeforeEachJob() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        FxTaskExecutor executor = new FxTaskExecutor(
                () -> steps.add("settings on " + Thread.currentThread().getName()));
        List<String> results = new CopyOnWriteArrayList<>();
        for (String job : List.of("first", "second")) {
            executor.submit(job, progress -> {
                steps.add(job);
                return job;
            }, results::add, failure -> results.add("failed: " + failure));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.size() == 2);
        executor.shutdown();

        assertThat(results).containsExactly("first", "second");
        assertThat(steps).containsExactly("settings on workbench-engine", "first",
                "settings on workbench-engine", "second");
    }
}
