package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.nn.fast.FastBidirectionalLstmLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Gradients along straight paths, which integrated gradients sum, against the same sums taken row by row. */
class InspectableNetworkTest {

    private static final int GENES = 9;
    private static final int STEPS = 4;
    private static final double[] ALPHAS = {0, 0.125, 0.375, 0.625, 0.875, 1};

    @Test
    void pathGradientsEqualTheSumOfTheRowsGradientsWithoutReadingTheInnerRowsInTheFirstLayer() {
        MultiLayerNetwork trained = NetworkFactory.build(Hyperparameters.quick().withOverride("layers", "2")
                .withOverride("hiddenUnits", "5").withOverride("denseUnits", "6"), GENES, 3, null);
        trained.setParams(trained.params().mul(3));
        assertThat(trained.getLayer(0)).isInstanceOf(FastBidirectionalLstmLayer.class);
        int paths = 3;
        int rows = paths * ALPHAS.length;
        Random random = new Random(11);
        float[] values = new float[rows * GENES * STEPS];
        float[] mask = new float[rows * STEPS];
        int block = GENES * STEPS;
        for (int p = 0; p < paths; p++) {
            float[] baseline = new float[block];
            float[] input = new float[block];
            for (int k = 0; k < block; k++) {
                baseline[k] = (float) (0.3 * random.nextGaussian());
                input[k] = (float) random.nextGaussian();
            }
            for (int r = 0; r < ALPHAS.length; r++) {
                int row = p * ALPHAS.length + r;
                for (int k = 0; k < block; k++) {
                    values[row * block + k] = (float) (baseline[k] + ALPHAS[r] * (input[k] - baseline[k]));
                }
                // The last path is padded: its final step is masked.
                for (int t = 0; t < STEPS; t++) {
                    mask[row * STEPS + t] = p == paths - 1 && t == STEPS - 1 ? 0 : 1;
                }
            }
        }
        int[] targets = new int[rows];
        for (int row = 0; row < rows; row++) {
            targets[row] = (row / ALPHAS.length) % 3;
        }
        INDArray features = Nd4j.create(values, new long[] {rows, GENES, STEPS}, 'c');
        INDArray maskArray = Nd4j.create(mask, new long[] {rows, STEPS}, 'c');

        for (ClassOutput output : ClassOutput.values()) {
            InspectableNetwork network = InspectableNetwork.of(trained);
            InspectableNetwork.Gradients perRow = network.gradients(features, maskArray, targets, output);
            InspectableNetwork.Gradients alongPaths = network.straightPathGradients(features, maskArray, targets,
                    output, ALPHAS);
            float[] rowGradients = perRow.inputGradient().dup('c').data().asFloat();
            float[] sums = alongPaths.inputGradient().dup('c').data().asFloat();
            assertThat(alongPaths.inputGradient().shape()).containsExactly(paths, GENES, STEPS);
            double largest = 0;
            for (int p = 0; p < paths; p++) {
                for (int k = 0; k < block; k++) {
                    double expected = 0;
                    for (int r = 1; r < ALPHAS.length - 1; r++) {
                        expected += rowGradients[(p * ALPHAS.length + r) * block + k];
                    }
                    assertThat((double) sums[p * block + k]).as("path %d, input %d, %s", p, k, output)
                            .isCloseTo(expected, within(1e-5));
                    largest = Math.max(largest, Math.abs(expected));
                }
            }
            assertThat(largest).as("gradients large enough for the comparison to mean something").isGreaterThan(1e-3);
            for (int row = 0; row < rows; row++) {
                assertThat(alongPaths.outputs()[row]).isCloseTo(perRow.outputs()[row],
                        within(1e-5));
            }

            // The first layer reads only each path's ends: rows off the line change nothing.
            INDArray scrambled = features.dup();
            for (int p = 0; p < paths; p++) {
                scrambled.get(NDArrayIndex.point(p * ALPHAS.length + 2))
                        .assign(Nd4j.randn(DataType.FLOAT, GENES, STEPS));
            }
            float[] fromScrambled = network.straightPathGradients(scrambled, maskArray, targets, output, ALPHAS)
                    .inputGradient().dup('c').data().asFloat();
            assertThat(fromScrambled).containsExactly(sums);
        }
    }
}
