package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.cardiacrnn.training.Hyperparameters;
import org.junit.jupiter.api.Test;

class NetworkFactoryTest {

    @Test
    void methodologyNetworkHasDl4jsParameterCount() {
        // The paper states 7,344,004, which its own architecture does not give; DL4J counts 7,838,340.
        assertThat(NetworkFactory.parameterCount(Hyperparameters.methodology(), 2000, 4)).isEqualTo(7_838_340L);
    }

    @Test
    void variantsChangeTheCountAsTheArchitectureSays() {
        Hyperparameters uni = Hyperparameters.methodology().withOverride("bidirectional", "false")
                .withOverride("layers", "1").withOverride("denseUnits", "0");
        // One LSTM layer: 4 gates × (2000 inputs + 256 recurrent + 1 bias) × 256, then softmax 256 → 4.
        assertThat(NetworkFactory.parameterCount(uni, 2000, 4)).isEqualTo(4L * (2000 + 256 + 1) * 256 + 257 * 4);
        Hyperparameters rnn = uni.withOverride("cell", "SIMPLE_RNN");
        assertThat(NetworkFactory.parameterCount(rnn, 2000, 4)).isEqualTo((2000L + 256 + 1) * 256 + 257 * 4);
    }

    @Test
    void networksOfEveryChoiceBuildAndPredictProbabilities() {
        for (String pooling : new String[] {"MEAN", "MAX", "LAST"}) {
            for (String cell : new String[] {"LSTM", "SIMPLE_RNN"}) {
                Hyperparameters hp = Hyperparameters.quick().withOverride("pooling", pooling).withOverride("cell", cell)
                        .withOverride("hiddenUnits", "4");
                var network = NetworkFactory.build(hp, 6, 3, null);
                var output = network.output(org.nd4j.linalg.factory.Nd4j.rand(
                        org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 6, 5));
                assertThat(output.shape()).containsExactly(2, 3);
                assertThat(output.sumNumber().doubleValue()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void memoryEstimateGrowsWithBatchAndIsInTheRightRange() {
        long methodology = NetworkFactory.estimatedTrainingMemoryBytes(Hyperparameters.methodology(), 2000, 10, 4);
        // 7.8 M parameters × 4 copies × 4 bytes alone are 125 MB.
        assertThat(methodology).isBetween(125_000_000L, 400_000_000L);
        long bigger = NetworkFactory.estimatedTrainingMemoryBytes(
                Hyperparameters.methodology().withOverride("batchSize", "64"), 2000, 10, 4);
        assertThat(bigger).isGreaterThan(methodology);
    }

    @Test
    void classWeightsFavourRareClasses() {
        double[] weights = NetworkFactory.inverseFrequencyWeights(new int[] {0, 0, 0, 1}, 2);
        assertThat(weights[1]).isEqualTo(3 * weights[0]);
        assertThat((weights[0] + weights[1]) / 2).isEqualTo(1.0);
    }
}
