package org.cardiacrnn.nn.fast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import org.cardiacrnn.nn.NativeThreads;

/**
 * Training and inference speed of the methodology's network (BiLSTM 3 x 256, dropout 0.5, mean pooling,
 * dense 128 ReLU, softmax, Adam 1e-3, L2 1e-3, element-wise clipping 0.5) on generated data of its shape.
 * Run one configuration per JVM, because thread settings are process-wide:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.cardiacrnn.nn.fast.FastLstmBenchmark
 * fast|dl4j THREADS|OPS,BLAS|auto|default [sequences batch epochs]}
 * ({@code auto}: {@link NativeThreads#configure()}; {@code default}: ND4J untouched), or {@code peak THREADS}
 * for the GFLOP/s of a 2048^3 float matrix product. Prints one line of figures; GFLOP/s counts 2 m n k per
 * matrix product of the recurrent layers and dense layers, and a training step as 3x the forward pass.
 */
final class FastLstmBenchmark {

    private static final int GENES = 2000;
    private static final int STEPS = 10;
    private static final int CLASSES = 4;
    private static final int UNITS = 256;
    private static final int LAYERS = 3;

    private FastLstmBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("peak")) {
            peakGemm(Integer.parseInt(args[1]));
            return;
        }
        boolean fast = args[0].equals("fast");
        if (args[1].equals("auto")) {
            NativeThreads.configure();
        } else if (!args[1].equals("default")) {
            String[] counts = args[1].split(",");
            NativeThreads.configure(Integer.parseInt(counts[0]), Integer.parseInt(counts[counts.length - 1]));
        }
        int sequences = args.length > 2 ? Integer.parseInt(args[2]) : 127;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(42);
        MultiLayerNetwork net = network(fast);
        List<DataSet> batches = batches(sequences, batch);
        runEpoch(net, batches);
        double[] seconds = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            seconds[e] = runEpoch(net, batches);
        }
        double best = Arrays.stream(seconds).min().orElseThrow();
        double median = Arrays.stream(seconds).sorted().toArray()[epochs / 2];
        double trainFlop = 3 * forwardFlopPerSequence() * sequences;
        INDArray inference = Nd4j.rand(DataType.FLOAT, 1000, GENES, STEPS);
        net.output(inference.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 100)));
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i += 100) {
            net.output(inference.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 100)));
        }
        double inferenceSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s threads=%s [%s] n=%d batch=%d: epoch s min %.3f median %.3f all %s; %.0f seq/s;"
                        + " %.1f GFLOP/s; inference %.0f seq/s; peak RSS %s; params %d%n",
                fast ? "fast-bilstm" : "dl4j-bidirectional-lstm", args[1], NativeThreads.describe(), sequences,
                batch, best, median, Arrays.toString(round(seconds)), sequences / best, trainFlop / best / 1e9,
                1000 / inferenceSeconds, peakRss(), net.numParams());
    }

    private static void peakGemm(int threads) {
        NativeThreads.configure(threads);
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("peak gemm %d^3 float, %d thread(s): %.1f GFLOP/s (best of 10)%n", n, threads,
                2.0 * n * n * n / best / 1e9);
    }

    static MultiLayerNetwork network(boolean fast) {
        var list = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).l2(1e-3).weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(0.5).list();
        int nIn = GENES;
        for (int i = 0; i < LAYERS; i++) {
            if (fast) {
                list.layer(new FastBidirectionalLstm.Builder().nIn(nIn).nOut(UNITS).dropOut(0.5).build());
            } else {
                list.layer(new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nIn(nIn).nOut(UNITS)
                        .activation(Activation.TANH).dropOut(0.5).build()));
            }
            nIn = 2 * UNITS;
        }
        var conf = list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).dropOut(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(CLASSES).build())
                .setInputType(InputType.recurrent(GENES, STEPS)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static List<DataSet> batches(int sequences, int batch) {
        INDArray features = Nd4j.randn(DataType.FLOAT, sequences, GENES, STEPS);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, sequences, CLASSES);
        for (int i = 0; i < sequences; i++) {
            labels.putScalar(i, i % CLASSES, 1.0);
        }
        List<DataSet> result = new ArrayList<>();
        for (int from = 0; from < sequences; from += batch) {
            var rows = org.nd4j.linalg.indexing.NDArrayIndex.interval(from, Math.min(sequences, from + batch));
            result.add(new DataSet(features.get(rows).dup(), labels.get(rows).dup()));
        }
        return result;
    }

    private static double runEpoch(MultiLayerNetwork net, List<DataSet> batches) {
        long start = System.nanoTime();
        for (DataSet batch : batches) {
            net.fit(batch);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double forwardFlopPerSequence() {
        double flop = 0;
        int nIn = GENES;
        for (int i = 0; i < LAYERS; i++) {
            flop += 2.0 * STEPS * nIn * 8 * UNITS + 2.0 * STEPS * UNITS * 8 * UNITS;
            nIn = 2 * UNITS;
        }
        return flop + 2.0 * 2 * UNITS * 128 + 2.0 * 128 * CLASSES;
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }
}
