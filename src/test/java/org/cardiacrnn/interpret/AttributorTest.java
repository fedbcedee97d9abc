package org.cardiacrnn.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.nn.fast.FastBidirectionalLstm;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
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

    @Test
    void integratedGradientsAreComplete() {
        MultiLayerNetwork network = tinyNetwork();
        SequenceDataset data = randomSequences(6, 11);
        Attributor attributor = new Attributor(network);
        for (Baseline baseline : List.of(Baseline.zero(GENES), Baseline.blurred())) {
            for (int i = 0; i < data.sequenceCount(); i++) {
                SequenceAttribution result = attributor.attribute(data, i, i % CLASSES,
                        new Attributor.Settings(AttributionMethod.INTEGRATED_GRADIENTS, 64, baseline));
                // The dense layer's ReLU kinks make the path integral's error shrink only as 1/steps; with 64 steps
                // it stays within 1e-3 + 2 % of the output difference (worst seen here: 0.0024 of 0.13).
                double tolerance = 1e-3 + 0.02 * Math.abs(result.outputDifference());
                assertEquals(result.outputDifference(), result.total(), tolerance,
                        "attributions of sequence " + i + " must sum to p(input) - p(baseline)");
                assertTrue(Math.abs(result.outputDifference()) > 1e-3, "a test that compares noise with noise");
            }
        }
    }

    @Test
    void gradientTimesInputMatchesFiniteDifferences() {
        MultiLayerNetwork network = tinyNetwork();
        SequenceDataset data = randomSequences(3, 11);
        Attributor attributor = new Attributor(network);
        int target = 1;
        SequenceAttribution result = attributor.attribute(data, 2, target,
                new Attributor.Settings(AttributionMethod.GRADIENT_INPUT, 1, Baseline.zero(GENES)));
        double h = 1e-5;
        int compared = 0;
        for (int g = 0; g < GENES; g++) {
            for (int t = 0; t < STEPS; t++) {
                double x = data.value(2, g, t);
                double estimate = (probability(network, data, 2, g, t, x + h, target)
                        - probability(network, data, 2, g, t, x - h, target)) / (2 * h);
                double attribution = result.value(g, t);
                assertEquals(estimate * x, attribution, 1e-6 + 1e-4 * Math.abs(estimate * x),
                        "gene " + g + ", step " + t);
                compared += Math.abs(estimate) > 1e-4 ? 1 : 0;
            }
        }
        assertTrue(compared > GENES * STEPS / 2, "most gradients must be far from zero to make this a check");
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

    private static double probability(MultiLayerNetwork network, SequenceDataset data, int sequence, int gene,
                                      int time, double value, int target) {
        INDArray input = Nd4j.create(DataType.DOUBLE, 1, GENES, STEPS);
        for (int g = 0; g < GENES; g++) {
            for (int t = 0; t < STEPS; t++) {
                input.putScalar(new long[] {0, g, t}, g == gene && t == time ? value : data.value(sequence, g, t));
            }
        }
        return network.output(input, false).getDouble(0, target);
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
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
            groups.add("g" + i);
            rows[i] = new int[] {i};
        }
        return new SequenceDataset(values, count, GENES, STEPS, null, labels, List.of("a", "b", "c"), groups, rows,
                List.of("G0", "G1", "G2", "G3", "G4"));
    }
}
