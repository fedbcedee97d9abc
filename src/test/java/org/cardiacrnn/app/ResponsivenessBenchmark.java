package org.cardiacrnn.app;

import static org.cardiacrnn.app.BenchmarkWindow.waitFor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;

import org.cardiacrnn.app.common.PulseGapSampler;
import org.cardiacrnn.app.common.PulseMonitor;
import org.cardiacrnn.app.shell.Page;
import org.cardiacrnn.app.training.TrainingViewModel;
import org.cardiacrnn.hyperparameters.Hyperparameters;

/**
 * How responsive the window stays while a network trains: opens the workbench on the sample data, trains a
 * preset with the Training page (live charts) in view, and prints the gaps between JavaFX pulses during
 * training. A benchmark, not a test: run it on the machine whose figure you want (see docs/performance.md).
 *
 * <p>Arguments: [preset (quick)] [epochs (4)]. With {@code -Dpulses.sample=40} it also prints, for every gap over
 * 40 ms, what the UI and renderer threads were doing ({@link PulseGapSampler}); sampling costs some CPU itself.
 */
public final class ResponsivenessBenchmark {

    private ResponsivenessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String preset = args.length > 0 ? args[0] : "quick";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path home = Files.createTempDirectory("cardiac-rnn-pulses");
        Workbench workbench = BenchmarkWindow.open(home, Page.DATA);

        // The Training page is built on its first visit (chart classes load then); that one-off cost is a
        // page opening, not the steady state this benchmark measures, so the page is opened first.
        Platform.runLater(() -> workbench.showPage(Page.TRAINING));
        Thread.sleep(2000);
        PulseMonitor monitor = new PulseMonitor();
        String sampleThreshold = System.getProperty("pulses.sample");
        PulseGapSampler sampler = sampleThreshold != null ? new PulseGapSampler() : null;
        long[] trainingNanos = new long[2];
        long[] startUptimeMillis = new long[1];
        // CPU time of the UI thread and the renderer during training: unlike the gaps, it hardly depends on
        // what else the machine runs, so it shows whether a change made the window's work smaller.
        long[] uiCpu = new long[2];
        long[] rendererCpu = new long[2];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId)
                .findFirst().orElse(-1);
        Platform.runLater(() -> {
            Workbench shown = workbench;
            shown.session().presetNameProperty().set(preset);
            shown.session().hyperparametersProperty().set(Hyperparameters.preset(preset)
                    .withOverride("epochs", Integer.toString(epochs)).withOverride("earlyStoppingPatience", "0"));
            monitor.start();
            if (sampler != null) {
                sampler.start();
            }
            trainingNanos[0] = System.nanoTime();
            startUptimeMillis[0] = ManagementFactory.getRuntimeMXBean().getUptime();
            uiCpu[0] = threads.getCurrentThreadCpuTime();
            rendererCpu[0] = threads.getThreadCpuTime(renderer);
            shown.trainNow();
        });
        waitFor(() -> {
            TrainingViewModel training = workbench.trainingViewModel();
            return training.statusProperty().get() == TrainingViewModel.Status.IDLE
                    && workbench.session().currentRunProperty().get() != null;
        }, 3600);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            monitor.stop();
            if (sampler != null) {
                sampler.stop();
            }
            trainingNanos[1] = System.nanoTime();
            uiCpu[1] = threads.getCurrentThreadCpuTime();
            rendererCpu[1] = threads.getThreadCpuTime(renderer);
            stopped.countDown();
        });
        stopped.await();
        PulseMonitor.Stats stats = monitor.stats();
        System.out.printf(Locale.ROOT, "training %s, %d epochs: %.1f s, %d pulses; gap between pulses mean %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms (at %.1f s); %d gaps over 100 ms%n", preset, epochs,
                (trainingNanos[1] - trainingNanos[0]) / 1e9, stats.pulses(), stats.meanMillis(), stats.p99Millis(),
                stats.maxMillis(), stats.maxAtMillis() / 1e3, stats.over100());
        double seconds = (trainingNanos[1] - trainingNanos[0]) / 1e9;
        System.out.printf(Locale.ROOT, "CPU during training: UI thread %.0f ms (%.0f ms/s), renderer %.0f ms "
                        + "(%.0f ms/s)%n", (uiCpu[1] - uiCpu[0]) / 1e6, (uiCpu[1] - uiCpu[0]) / 1e6 / seconds,
                (rendererCpu[1] - rendererCpu[0]) / 1e6, (rendererCpu[1] - rendererCpu[0]) / 1e6 / seconds);
        // With the JVM's uptime, the gaps can be matched with a -Xlog:gc*,safepoint log of the same run.
        System.out.printf(Locale.ROOT, "gaps over 50 ms (JVM uptime at start s + length ms): %s%n",
                monitor.longGaps().stream().map(gap -> String.format(Locale.ROOT, "%.3f+%.0f",
                        (startUptimeMillis[0] + gap[0]) / 1e3, gap[1])).toList());
        if (sampler != null) {
            sampler.report(Double.parseDouble(sampleThreshold), System.out);
        }
        Platform.exit();
        System.exit(0);
    }
}
