package org.cardiacrnn.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StartupTest {

    /**
     * The start-up milestones count from the process's start. The process starts shortly before the JVM does, so
     * the figure must lie a little above the JVM's own uptime; ProcessHandle's start instant put it up to a whole
     * second above (the boot time's dropped fraction), which made every start-up figure look slower than it was.
     */
    @Test
    void timeSinceProcessStartIsTheJvmUptimePlusTheLaunch() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "measured from Linux's /proc");
        long jvmBefore = ManagementFactory.getRuntimeMXBean().getUptime();

        long sinceStart = Startup.millisSinceProcessStart();

        long jvmAfter = ManagementFactory.getRuntimeMXBean().getUptime();
        // /proc counts in 10 ms ticks and its uptime has two decimals: allow 20 ms below the JVM's figure.
        assertThat(sinceStart).isBetween(jvmBefore - 20, jvmAfter + 250);
    }

    /** The workbench lowers the loading thread's priority in the preparation, so it must run on that thread. */
    @Test
    void theCallersPreparationRunsOnTheLoadingThread() throws Exception {
        CompletableFuture<String> prepared = new CompletableFuture<>();
        Startup.loadEngineInBackground(() -> prepared.complete(Thread.currentThread().getName()));

        assertThat(prepared.get(30, TimeUnit.SECONDS)).isEqualTo("engine-loader");
    }
}
