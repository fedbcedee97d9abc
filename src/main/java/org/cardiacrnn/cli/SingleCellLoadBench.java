package org.cardiacrnn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SingleCellGenerator;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * {@code bench load --single-cell}: times the streaming single-cell readers on generated data aggregated the way
 * the example does (line × day × branch, 4 pseudo-replicates), printing seconds, cells/s, non-zeros/s,
 * peak heap and peak RSS for the 10x folder and, when given, for an .h5ad of the same cells.
 */
final class SingleCellLoadBench {

    private static final double MB = 1e6;

    private final int cells;
    private final int genes;
    private final long seed;
    private final int repetitions;
    private final Path out;
    private final Path h5ad;

    SingleCellLoadBench(int cells, int genes, long seed, int repetitions, Path out, Path h5ad) {
        this.cells = cells;
        this.genes = genes;
        this.seed = seed;
        this.repetitions = repetitions;
        this.out = out;
        this.h5ad = h5ad;
    }

    int run(PrintWriter printer) throws IOException, InterruptedException {
        Path folder = out != null ? out : Path.of(System.getProperty("java.io.tmpdir"),
                "cardiac-rnn-sc-" + cells + "x" + genes + "-seed" + seed);
        Path tenx = folder.resolve("filtered_feature_bc_matrix");
        Path metadata = folder.resolve(SingleCellGenerator.METADATA_FILE);
        if (!Files.exists(tenx.resolve("matrix.mtx.gz")) || !Files.exists(metadata)) {
            long start = System.nanoTime();
            SingleCellGenerator.Written written = new SingleCellGenerator(cells, genes, 1026, seed).write(folder);
            printer.printf(Locale.ROOT, "generated %s: %d cells × %d genes, %,d non-zeros in %.0f s%n", folder, cells,
                    genes, written.nonZeros(), (System.nanoTime() - start) / 1e9);
            printer.flush();
        }
        long nonZeros = nonZeros(tenx.resolve("matrix.mtx.gz"));
        printer.printf(Locale.ROOT, "max heap %.0f MB, %d processors, %,d non-zeros%n",
                Runtime.getRuntime().maxMemory() / MB, Runtime.getRuntime().availableProcessors(), nonZeros);
        measure(printer, "10x matrix.mtx.gz", LoadRequest.builder(tenx).metadata(metadata).singleCell(options())
                .build(), Files.size(tenx.resolve("matrix.mtx.gz")), nonZeros);
        if (h5ad != null) {
            measure(printer, "h5ad " + h5ad.getFileName(), LoadRequest.builder(h5ad).singleCell(options()).build(),
                    Files.size(h5ad), nonZeros);
        }
        printer.flush();
        return 0;
    }

    private static SingleCellOptions options() {
        return new SingleCellOptions(List.of("individual", "diffday"), 4, SingleCellOptions.DEFAULT_MIN_CELLS, "type",
                SingleCellOptions.parseBranches(SingleCellGenerator.BRANCHES), null, null,
                SingleCellOptions.DEFAULT_SEED);
    }

    private void measure(PrintWriter printer, String what, LoadRequest request, long fileBytes, long nonZeros)
            throws InterruptedException {
        for (int r = 0; r < repetitions; r++) {
            System.gc();
            MemoryProbe.resetPeakRss();
            MemoryProbe.HeapPoller poller = new MemoryProbe.HeapPoller();
            poller.start();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            ExpressionData data = ExpressionLoader.load(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long peakHeap = poller.finish();
            printer.printf(Locale.ROOT, "%s run %d: %.2f s (process CPU %.1f s), %,.0f cells/s, %.1f M non-zeros/s, "
                            + "%.1f MB/s of file, peak heap %.0f MB, peak RSS %.0f MB -> %d samples × %d genes%n",
                    what, r + 1, seconds, cpuSeconds, cells / seconds, nonZeros / seconds / 1e6,
                    fileBytes / MB / seconds, peakHeap / MB, MemoryProbe.peakRssBytes() / MB,
                    data.matrix().sampleCount(), data.matrix().geneCount());
            printer.flush();
        }
    }

    /** CPU time of the whole process (readers, inflater thread, GC): on a shared machine wall time says little. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long nonZeros(Path mtx) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(mtx)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("%")) {
                    return Long.parseLong(line.trim().split("\\s+")[2]);
                }
            }
        }
        return 0;
    }
}
