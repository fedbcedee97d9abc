package org.cardiacrnn.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cardiacrnn.nn.ClassOutput;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.nn.fast.FastBidirectionalLstm;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrated gradients and gradient × input on a tiny network built as the workbench builds its networks (fast
 * BiLSTM whose first layer skips its input gradient in training, mean pooling, dense, softmax), in double
 * precision so finite differences are exact enough to compare with.
 */
class AttributorTest {

    private static final int GENES = 5;
    private static final int STEPS = 4;
    private static final int CLASSES = 3;

    @ParameterizedTest
    @EnumSource(ClassOutput.class)
    void integratedGradientsAreComplete(ClassOutput output) {
        MultiLayerNetwork network = tinyNetwork();
        SequenceDataset data = randomSequences(6, 11);
        Attributor attributor = new Attributor(network);
        for (Baseline baseline : List.of(Baseline.zero(GENES), Baseline.blurred(), Baseline.timeMatched(data, true))) {
            for (int i = 0; i < data.sequenceCount(); i++) {
                int target = i % CLASSES;
                SequenceAttribution result = attributor.attribute(data, i, target,
                        new Attributor.Settings(AttributionMethod.INTEGRATED_GRADIENTS, 256, baseline, output));
                float[] x = new float[GENES * STEPS];
                System.arraycopy(data.features(), i * x.length, x, 0, x.length);
                double difference = classOutput(network, x, target, output)
                        - classOutput(network, baseline.of(i, x, GENES, STEPS), target, output);
                assertEquals(difference, result.outputDifference(), 1e-9 + 1e-6 * Math.abs(difference),
                        "the output difference of sequence " + i + " is the network's own");
                // The dense layer's ReLU kinks make the path integral's error shrink only as 1/steps. With 64 steps
                // it stayed within 1e-3 + 2 % of the output difference from the zero and blurred baselines (worst:
                // 0.0024 of 0.13) but not on one path from the time-matched one (0.008 of 0.18); 256 steps hold all.
                double tolerance = 1e-3 + 0.02 * Math.abs(difference);
                assertEquals(difference, result.total(), tolerance,
                        "attributions of sequence " + i + " must sum to f(input) - f(baseline), f the " + output);
                assertTrue(Math.abs(difference) > 1e-3, "a test that compares noise with noise");
                // Split into evidence from raised and from lowered expression, the attributions stay complete.
                float[] reference = baseline.of(i, x, GENES, STEPS);
                boolean[] raised = result.raised();
                double raisedSum = 0;
                double loweredSum = 0;
                for (int k = 0; k < x.length; k++) {
                    assertEquals(x[k] > reference[k], raised[k], "cell " + k + " of sequence " + i);
                    raisedSum += result.raisedPart()[k];
                    loweredSum += result.loweredPart()[k];
                }
                assertTrue(raisedSum != 0 && loweredSum != 0, "both parts carry attribution");
                assertEquals(difference, raisedSum + loweredSum, tolerance,
                        "the two parts of sequence " + i + " must together sum to f(input) - f(baseline)");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ClassOutput.class)
    void gradientTimesInputMatchesFiniteDifferences(ClassOutput output) {
        MultiLayerNetwork network = tinyNetwork();
        SequenceDataset data = randomSequences(3, 11);
        Attributor attributor = new Attributor(network);
        int target = 1;
        SequenceAttribution result = attributor.attribute(data, 2, target,
                new Attributor.Settings(AttributionMethod.GRADIENT_INPUT, 1, Baseline.zero(GENES), output));
        float[] input = new float[GENES * STEPS];
        System.arraycopy(data.features(), 2 * input.length, input, 0, input.length);
        double h = 1e-5;
        int compared = 0;
        for (int g = 0; g < GENES; g++) {
            for (int t = 0; t < STEPS; t++) {
                double x = data.value(2, g, t);
                double estimate = (classOutput(network, input, g * STEPS + t, x + h, target, output)
                        - classOutput(network, input, g * STEPS + t, x - h, target, output)) / (2 * h);
                double attribution = result.value(g, t);
                assertEquals(estimate * x, attribution, 1e-6 + 1e-4 * Math.abs(estimate * x),
                        "gene " + g + ", step " + t);
                compared += Math.abs(estimate) > 1e-4 ? 1 : 0;
            }
        }
        assertTrue(compared > GENES * STEPS / 2, "most gradients must be far from zero to make this a check");
    }

    @Test
    void theLogProbabilitySharesNothingOutThatRaisesEveryClassAlike() {
        MultiLayerNetwork network = tinyNetwork();
        SequenceDataset data = randomSequences(3, 11);
        Attributor attributor = new Attributor(network);
        float[] x = new float[GENES * STEPS];
        System.arraycopy(data.features(), 0, x, 0, x.length);
        // Σ_c p_c ∂log p_c = Σ_c ∂p_c = 0: weighted by the probabilities, the log-probabilities' gradients cancel,
        // so a gene that shifts every logit alike gets nothing. The logits' gradients do not cancel.
        double logProbabilities = 0;
        double logits = 0;
        for (int c = 0; c < CLASSES; c++) {
            double p = Math.exp(classOutput(network, x, c, ClassOutput.LOG_PROBABILITY));
            logProbabilities += p * attributor.attribute(data, 0, c, new Attributor.Settings(
                    AttributionMethod.GRADIENT_INPUT, 1, Baseline.zero(GENES), ClassOutput.LOG_PROBABILITY)).total();
            logits += p * attributor.attribute(data, 0, c, new Attributor.Settings(
                    AttributionMethod.GRADIENT_INPUT, 1, Baseline.zero(GENES), ClassOutput.LOGIT)).total();
        }
        assertEquals(0, logProbabilities, 1e-6);
        assertTrue(Math.abs(logits) > 1e-3, "the logits share out " + logits + ", which must not cancel");
    }

    @Test
    void theTrainedNetworkKeepsSkippingItsFirstInputGradient() {
        MultiLayerNetwork network = tinyNetwork();
        new Attributor(network).attribute(randomSequences(2, 3), 0, 0,
                Attributor.Settings.defaults(Baseline.zero(GENES)));
        FastBidirectionalLstm first = (FastBidirectionalLstm) network.getLayerWiseConfigurations().getConf(0)
                .getLayer();
        assertFalse(first.isInputGradient());
        assertTrue(first.getIDropout() != null, "the trained network keeps its dropout");
    }

    @Test
    void cancellingStopsBetweenBatches() {
        Attributor attributor = new Attributor(tinyNetwork());
        SequenceDataset data = randomSequences(30, 9);
        int[] all = new int[30];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<Integer> reported = new ArrayList<>();
        assertThrows(AttributionCancelledException.class, () -> attributor.attribute(data, all, new int[30],
                Attributor.Settings.defaults(Baseline.zero(GENES)), (done, total) -> reported.add(done),
                () -> !reported.isEmpty()));
        assertEquals(1, reported.size());
    }

    /** The class's output for {@code input} with element {@code changed} set to {@code value}. */
    private static double classOutput(MultiLayerNetwork network, float[] input, int changed, double value, int target,
                                      ClassOutput output) {
        float[] copy = input.clone();
        copy[changed] = (float) value;
        INDArray array = Nd4j.create(DataType.DOUBLE, 1, GENES, STEPS);
        for (int g = 0; g < GENES; g++) {
            for (int t = 0; t < STEPS; t++) {
                array.putScalar(new long[] {0, g, t}, g * STEPS + t == changed ? value : copy[g * STEPS + t]);
            }
        }
        return classOutput(network, array, target, output);
    }

    private static double classOutput(MultiLayerNetwork network, float[] input, int target, ClassOutput output) {
        INDArray array = Nd4j.create(DataType.DOUBLE, 1, GENES, STEPS);
        for (int g = 0; g < GENES; g++) {
            for (int t = 0; t < STEPS; t++) {
                array.putScalar(new long[] {0, g, t}, input[g * STEPS + t]);
            }
        }
        return classOutput(network, array, target, output);
    }

    /** Computed apart from the attribution code: DL4J's own forward pass, then the output layer by hand. */
    private static double classOutput(MultiLayerNetwork network, INDArray input, int target, ClassOutput output) {
        List<INDArray> activations = network.feedForward(input, false);
        int last = network.getnLayers() - 1;
        INDArray logits = activations.get(last).mmul(network.getLayer(last).getParam("W"))
                .addRowVector(network.getLayer(last).getParam("b"));
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            sum += Math.exp(logits.getDouble(0, c));
        }
        double logit = logits.getDouble(0, target);
        return switch (output) {
            case LOGIT -> logit;
            case LOG_PROBABILITY -> logit - Math.log(sum);
            case PROBABILITY -> network.output(input, false).getDouble(0, target);
        };
    }

    static MultiLayerNetwork tinyNetwork() {
        Hyperparameters hp = Hyperparameters.quick().withOverride("layers", "2").withOverride("hiddenUnits", "6")
                .withOverride("denseUnits", "7").withOverride("dropout", "0.5");
        MultiLayerConfiguration configuration = NetworkFactory.configuration(hp, GENES, CLASSES, null);
        configuration.setDataType(DataType.DOUBLE);
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        // Larger weights than the initialiser's, so the probabilities move well away from 1/3 and the test sees
        // real gradients.
        network.setParams(network.params().mul(3));
        return network;
    }

    static SequenceDataset randomSequences(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * GENES * STEPS];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) random.nextGaussian();
        }
        int[] labels = new int[count];
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[count][];
        double[] times = new double[count * STEPS];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
            groups.add("g" + i);
            rows[i] = new int[] {i};
            for (int t = 0; t < STEPS; t++) {
                // Windows that start at two different times, as sliding windows do.
                times[i * STEPS + t] = t + i % 2;
            }
        }
        return new SequenceDataset(values, count, GENES, STEPS, null, labels, List.of("a", "b", "c"), groups, rows,
                List.of("G0", "G1", "G2", "G3", "G4"), SequenceDataset.StepTimes.of(times));
    }
}
