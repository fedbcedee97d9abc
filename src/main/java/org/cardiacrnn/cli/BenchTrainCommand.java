package org.cardiacrnn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cardiacrnn.nn.NativeThreads;
import org.cardiacrnn.sequences.Augmentations;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.Trainer;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.cardiacrnn.training.TrainingResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training and inference speed through the product's own trainer, on generated data of the methodology's
 * shape: one warm-up epoch, then timed epochs; the same for a larger setting to show how cost grows.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Time training epochs and inference of the methodology's network (BiLSTM 3 × 256) on "
                + "generated data: 127 sequences × 10 steps × 2,000 genes, batch 16; then 1,000 sequences, batch 64. "
                + "Inference: the best of 3 passes over 1,000 sequences, followed by the machine's float peak, "
                + "measured with 2048³ matrix products through ND4J, one per core.")
final class BenchTrainCommand implements Callable<Integer> {

    private static final int GENES = 2000;
    private static final int STEPS = 10;
    private static final int CLASSES = 4;
    private static final int INFERENCE_PASSES = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "3", description = "Timed epochs after the warm-up (default 3).")
    int epochs;

    @Option(names = "--methodology-only", description = "Skip the larger setting.")
    boolean methodologyOnly;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new org.cardiacrnn.WorkbenchException("--epochs must be 1 or more (the timed epochs); got " + epochs);
        }
        int threads = NativeThreads.blasThreads();
        List<Map<String, Object>> settings = new ArrayList<>();
        settings.add(measure("methodology", 127, 16));
        if (!methodologyOnly) {
            settings.add(measure("larger", 1000, 64));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("blasThreads", threads);
            all.put("settings", settings);
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else {
            out.println("native threads: " + NativeThreads.describe());
            for (Map<String, Object> s : settings) {
                out.printf(Locale.ROOT, "%s: %d sequences, batch %d: %.2f s/epoch (min), %.2f (median), "
                                + "%.0f sequences/s, %.1f GFLOP/s; inference %.0f sequences/s (%.0f GFLOP/s, %.0f %% "
                                + "of the machine's peak of %.0f GFLOP/s at the time); peak heap %.0f MB, "
                                + "peak RSS %.0f MB%n", s.get("setting"), s.get("sequences"), s.get("batch"),
                        s.get("secondsPerEpochMin"), s.get("secondsPerEpochMedian"), s.get("sequencesPerSecond"),
                        s.get("gflopPerSecond"), s.get("inferenceSequencesPerSecond"),
                        s.get("inferenceGflopPerSecond"), s.get("inferenceShareOfPeakPercent"),
                        s.get("machinePeakGflopPerSecond"), s.get("peakHeapMb"), s.get("peakRssMb"));
            }
            out.println("GFLOP counted as 2·m·n·k per matrix product of the recurrent and dense layers, "
                    + "a training step as 3 × the forward pass, inference as the forward pass.");
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> measure(String name, int sequences, int batch) throws InterruptedException {
        SequenceDataset train = generated(sequences, 1);
        SequenceDataset validation = generated(32, 2);
        Hyperparameters hp = Hyperparameters.methodology().toBuilder().set(Hyperparameter.BATCH_SIZE, batch)
                .set(Hyperparameter.EPOCHS, epochs + 1).set(Hyperparameter.EARLY_STOPPING_PATIENCE, 0).build();
        List<Double> seconds = new ArrayList<>();
        MemoryProbe.resetPeakRss();
        MemoryProbe.HeapPoller poller = new MemoryProbe.HeapPoller();
        poller.start();
        TrainingResult result = new Trainer(hp, Augmentations.of(hp.noiseSigma(), 0, 0), event -> {
            if (event instanceof TrainingEvent.Epoch epoch && epoch.epoch() > 1) {
                seconds.add(epoch.seconds());
            }
        }, new TrainingControl()).train(train, validation, null);
        SequenceDataset inference = generated(1000, 3);
        result.model().predictProbabilities(inference.subset(range(100)));
        // The best of three passes, like the epoch minimum: the machine's other work only ever adds time.
        double inferenceSeconds = Double.MAX_VALUE;
        for (int pass = 0; pass < INFERENCE_PASSES; pass++) {
            long started = System.nanoTime();
            result.model().predictProbabilities(inference);
            inferenceSeconds = Math.min(inferenceSeconds, (System.nanoTime() - started) / 1e9);
        }
        long peakHeap = poller.finish();
        long peakRss = MemoryProbe.peakRssBytes();
        // Right after the inference passes, because this shared machine's speed changes within minutes (by a
        // fifth between its slow and fast phases), so only figures taken together compare; and after the memory
        // figures, which the peak's own 2048 x 2048 arrays would inflate.
        double peak = NativeThreads.peakGflopPerSecond();

        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double min = sorted[0];
        double median = sorted[sorted.length / 2];
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("setting", name);
        figures.put("sequences", sequences);
        figures.put("batch", batch);
        figures.put("timedEpochs", sorted.length);
        figures.put("secondsPerEpochMin", round(min));
        figures.put("secondsPerEpochMedian", round(median));
        figures.put("sequencesPerSecond", round(sequences / min));
        double trainingFlop = 3 * forwardFlopPerSequence(hp) * sequences;
        figures.put("gflopPerEpoch", round(trainingFlop / 1e9));
        figures.put("gflopPerSecond", round(trainingFlop / 1e9 / min));
        figures.put("inferenceSequencesPerSecond", round(1000 / inferenceSeconds));
        double inferenceGflopPerSecond = forwardFlopPerSequence(hp) * 1000 / 1e9 / inferenceSeconds;
        figures.put("inferenceGflopPerSecond", round(inferenceGflopPerSecond));
        figures.put("machinePeakGflopPerSecond", round(peak));
        figures.put("inferenceShareOfPeakPercent", round(100 * inferenceGflopPerSecond / peak));
        figures.put("peakHeapMb", round(peakHeap / 1e6));
        figures.put("peakRssMb", round(peakRss / 1e6));
        return figures;
    }

    /**
     * Forward FLOP of one sequence: per recurrent layer and direction 2·T·4h·(input + h) for the gate products,
     * then the dense and output layers. Training counts 3 × forward (forward, input gradient, weight gradient).
     */
    static double forwardFlopPerSequence(Hyperparameters hp) {
        double forward = 0;
        int input = GENES;
        int directions = hp.bidirectional() ? 2 : 1;
        for (int layer = 0; layer < hp.layers(); layer++) {
            forward += directions * 2.0 * STEPS * 4 * hp.hiddenUnits() * (input + hp.hiddenUnits());
            input = directions * hp.hiddenUnits();
        }
        forward += 2.0 * input * hp.denseUnits() + 2.0 * hp.denseUnits() * CLASSES;
        return forward;
    }

    private static SequenceDataset generated(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * GENES * STEPS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[count];
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[count][];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
            groups.add("g" + i);
            rows[i] = new int[0];
        }
        List<String> genes = new ArrayList<>();
        for (int g = 0; g < GENES; g++) {
            genes.add("G" + g);
        }
        return new SequenceDataset(values, count, GENES, STEPS, null, labels, List.of("a", "b", "c", "d"), groups,
                rows, genes);
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
