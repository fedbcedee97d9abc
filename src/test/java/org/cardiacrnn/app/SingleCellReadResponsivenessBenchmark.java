package org.cardiacrnn.app;

import static org.cardiacrnn.app.BenchmarkWindow.onFxThread;
import static org.cardiacrnn.app.BenchmarkWindow.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;

import org.cardiacrnn.app.common.PulseGapSampler;
import org.cardiacrnn.app.common.PulseMonitor;
import org.cardiacrnn.app.shell.Page;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SingleCellGenerator;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * How responsive the window stays while the Data page reads a single-cell file into pseudobulk (the issue's
 * line × day × branch × 4 replicates): opens the workbench, shows the Data page with the sample data, then
 * opens the file as the aggregation dialog would hand it over and prints the gaps between JavaFX pulses
 * during the read and the second after it. A benchmark, not a test (see docs/performance.md). With
 * {@code -Dsample.fx=true} it also prints what the FX thread was doing during each gap over 60 ms.
 *
 * <p>Arguments: FILE (.h5ad or 10x folder) [cell metadata TSV, for a 10x folder].
 */
public final class SingleCellReadResponsivenessBenchmark {

    private SingleCellReadResponsivenessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path metadata = args.length > 1 ? Path.of(args[1]) : null;
        Path home = Files.createTempDirectory("cardiac-rnn-pulses");
        Workbench workbench = BenchmarkWindow.open(home, Page.DATA);
        Thread.sleep(2000);
        ExpressionData sample = onFxThread(() -> workbench.session().datasetProperty().get());
        int sampleColumns = onFxThread(() -> workbench.dataViewModel().tablePreviewProperty().get().columns()
                .size());

        SingleCellOptions options = new SingleCellOptions(List.of("individual", "diffday"), 4,
                SingleCellOptions.DEFAULT_MIN_CELLS, "type", SingleCellOptions.parseBranches(
                SingleCellGenerator.BRANCHES), null, null, SingleCellOptions.DEFAULT_SEED);
        LoadRequest request = LoadRequest.builder(file).metadata(metadata).singleCell(options).build();
        PulseMonitor monitor = new PulseMonitor();
        // -Dsample.fx=true: what the FX and renderer threads were doing during each gap over 60 ms.
        PulseGapSampler sampler = Boolean.getBoolean("sample.fx") ? new PulseGapSampler() : null;
        if (sampler != null) {
            // start() samples the thread that calls it, which must be the FX thread.
            Platform.runLater(sampler::start);
        }
        long[] nanos = new long[2];
        Platform.runLater(() -> {
            monitor.start();
            nanos[0] = System.nanoTime();
            workbench.dataViewModel().open(request);
        });
        waitFor(() -> !workbench.dataViewModel().loadingProperty().get()
                && (workbench.session().datasetProperty().get() != sample
                || workbench.dataViewModel().errorProperty().get() != null), 3600);
        nanos[1] = System.nanoTime();
        // The pulses just after the hand-over count too: that is when the page lays out the new table and chart.
        Thread.sleep(1000);
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            monitor.stop();
            stopped.countDown();
        });
        stopped.await();
        var error = onFxThread(() -> workbench.dataViewModel().errorProperty().get());
        if (error != null) {
            System.out.println("the read failed: " + error);
            System.exit(1);
        }
        ExpressionData read = onFxThread(() -> workbench.session().datasetProperty().get());
        PulseMonitor.Stats stats = monitor.stats();
        int readColumns = onFxThread(() -> workbench.dataViewModel().tablePreviewProperty().get().columns()
                .size());
        System.out.printf(Locale.ROOT, "table preview: %d columns for the sample data, %d for the file%n",
                sampleColumns, readColumns);
        System.out.printf(Locale.ROOT, "read %s into %d samples × %d genes: %.1f s, %d pulses; gap between pulses "
                        + "mean %.1f ms, p99 %.1f ms, max %.1f ms (at %.1f s); %d gaps over 100 ms%n",
                file.getFileName(), read.matrix().sampleCount(), read.matrix().geneCount(),
                (nanos[1] - nanos[0]) / 1e9, stats.pulses(), stats.meanMillis(), stats.p99Millis(),
                stats.maxMillis(), stats.maxAtMillis() / 1e3, stats.over100());
        if (sampler != null) {
            onFxThread(() -> {
                sampler.stop();
                return true;
            });
            sampler.report(60, System.out);
        }
        Platform.exit();
        System.exit(0);
    }
}
