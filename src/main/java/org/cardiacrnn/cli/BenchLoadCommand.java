package org.cardiacrnn.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench load}: writes a samples × genes CSV with 4-decimal values and loads it through the product
 * loader several times, printing seconds, MB/s, peak Java heap and peak resident memory.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Generate a large CSV matrix and time loading it (default 20,000 samples × 2,000 genes).")
public final class BenchLoadCommand implements Callable<Integer> {

    private static final double MB = 1e6;

    @Option(names = "--samples", defaultValue = "20000", description = "Rows (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--genes", defaultValue = "2000", description = "Gene columns (default: ${DEFAULT-VALUE}).")
    int genes;

    @Option(names = "--repetitions", defaultValue = "3", description = "Timed loads (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the generated CSV, kept afterwards (default: a temporary folder, deleted).")
    Path out;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--single-cell", description = "Instead: time single-cell reads into pseudobulk (line × day × "
            + "branch, 4 replicates) of a generated 10x folder and, with --h5ad, of an .h5ad of the same cells.")
    boolean singleCell;

    @Option(names = "--cells", defaultValue = "230000", paramLabel = "N",
            description = "With --single-cell: cells to generate (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--single-cell-genes", defaultValue = "24000", paramLabel = "N",
            description = "With --single-cell: genes to generate (default: ${DEFAULT-VALUE}).")
    int singleCellGenes;

    @Option(names = "--h5ad", paramLabel = "FILE", description = "With --single-cell: also time this .h5ad (e.g. the "
            + "generated folder written by anndata, see tools/single-cell-anndata-bench.py).")
    Path h5ad;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (singleCell) {
            return new SingleCellLoadBench(cells, singleCellGenes, seed, repetitions, out, h5ad)
                    .run(spec.commandLine().getOut());
        }
        if (samples < 1 || genes < 1 || repetitions < 1) {
            throw new WorkbenchException("--samples, --genes and --repetitions must be at least 1");
        }
        Path folder = out != null ? Files.createDirectories(out) : Files.createTempDirectory("cardiac-rnn-bench");
        Path csv = folder.resolve("bench-" + samples + "x" + genes + "-seed" + seed + ".csv");
        try {
            if (!Files.exists(csv)) {
                writeCsv(csv);
            }
            return report(csv, measure(csv));
        } finally {
            if (out == null) {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(folder);
            }
        }
    }

    private List<Map<String, Object>> measure(Path csv) throws InterruptedException {
        List<Map<String, Object>> runs = new ArrayList<>();
        double fileMb = csv.toFile().length() / MB;
        for (int r = 0; r < repetitions; r++) {
            System.gc();
            MemoryProbe.resetPeakRss();
            MemoryProbe.HeapPoller poller = new MemoryProbe.HeapPoller();
            poller.start();
            long start = System.nanoTime();
            ExpressionData data = ExpressionLoader.load(LoadRequest.of(csv));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = poller.finish();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seconds", round(seconds));
            run.put("mbPerSecond", round(fileMb / seconds));
            run.put("peakHeapMb", round(peakHeap / MB));
            run.put("peakRssMb", round(MemoryProbe.peakRssBytes() / MB));
            run.put("shape", data.matrix().sampleCount() + "x" + data.matrix().geneCount());
            runs.add(run);
        }
        return runs;
    }

    private int report(Path csv, List<Map<String, Object>> runs) throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("file", csv.toString());
        all.put("fileMb", round(Files.size(csv) / MB));
        all.put("matrixFloat32Mb", round(4.0 * samples * genes / MB));
        all.put("maxHeapMb", round(Runtime.getRuntime().maxMemory() / MB));
        all.put("processors", Runtime.getRuntime().availableProcessors());
        all.put("runs", runs);
        if (json) {
            printer.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            printer.printf("file %s: %.1f MB, %d samples x %d genes (float32 matrix %.1f MB), max heap %.0f MB%n",
                    csv.getFileName(), all.get("fileMb"), samples, genes, all.get("matrixFloat32Mb"),
                    all.get("maxHeapMb"));
            for (int i = 0; i < runs.size(); i++) {
                Map<String, Object> run = runs.get(i);
                printer.printf("run %d: %.2f s, %.1f MB/s, peak heap %.1f MB, peak RSS %.1f MB%n", i + 1,
                        run.get("seconds"), run.get("mbPerSecond"), run.get("peakHeapMb"), run.get("peakRssMb"));
            }
        }
        printer.flush();
        return 0;
    }

    private void writeCsv(Path csv) throws IOException {
        Path temp = Files.createTempFile(csv.getParent(), csv.getFileName().toString(), ".part");
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
            StringBuilder header = new StringBuilder("sample_id");
            for (int g = 1; g <= genes; g++) {
                header.append(",GENE").append(g);
            }
            stream.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[16 + genes * 8];
            for (int s = 1; s <= samples; s++) {
                int at = put(line, 0, "S" + s);
                for (int g = 0; g < genes; g++) {
                    line[at++] = ',';
                    at = putDecimal(line, at, random.nextInt(100_000));
                }
                line[at++] = '\n';
                stream.write(line, 0, at);
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, csv, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int put(byte[] line, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            line[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    /** Writes ten-thousandths as a decimal with exactly 4 places, e.g. 12345 as 1.2345. */
    private static int putDecimal(byte[] line, int at, int tenThousandths) {
        line[at++] = (byte) ('0' + tenThousandths / 10_000);
        line[at++] = '.';
        int fraction = tenThousandths % 10_000;
        for (int divisor = 1000; divisor > 0; divisor /= 10) {
            line[at++] = (byte) ('0' + fraction / divisor % 10);
        }
        return at;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
