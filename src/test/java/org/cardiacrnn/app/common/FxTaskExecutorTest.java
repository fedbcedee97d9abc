package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.OptionalInt;
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

    /**
     * Training runs on the worker thread; it must leave the CPU to the window first (issue 16, group 12). So must
     * the first job, the sample data read while the window is being built: at the window's priority it kept the
     * window from drawing its first frame until the data were in.
     */
    @Test
    void everyJobRunsAtTheBackgroundPriority() throws Exception {
        OptionalInt windowNice = BackgroundPriority.currentThreadNice();
        assumeTrue(windowNice.isPresent(), "thread nice values are read from Linux's /proc");
        FxTaskExecutor executor = new FxTaskExecutor();
        List<OptionalInt> seen = new CopyOnWriteArrayList<>();
        for (String job : List.of("start-up", "training")) {
            executor.submit(job, progress -> BackgroundPriority.currentThreadNice(), seen::add,
                    failure -> seen.add(OptionalInt.empty()));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 2);
        executor.shutdown();

        assertThat(seen.get(0)).hasValue(Math.max(BackgroundPriority.NICE, windowNice.getAsInt()));
        assertThat(seen.get(1)).hasValue(Math.max(BackgroundPriority.NICE, windowNice.getAsInt()));
    }
}
