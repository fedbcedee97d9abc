package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.nn.fast.FastBidirectionalLstm;
import org.cardiacrnn.nn.fast.FusedAdamUpdater;
import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.L2Regularization;

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
    void theFastLayersOwnClippingEqualsDl4jsNormalization() {
        // Plain SGD: the update is the clipped gradient itself, so clipping shows in the parameters.
        Hyperparameters hp = Hyperparameters.quick().withOverride("hiddenUnits", "4").withOverride("layers", "2")
                .withOverride("dropout", "0").withOverride("optimiser", "SGD").withOverride("momentum", "0")
                .withOverride("learningRate", "0.5").withOverride("gradientClip", "0.002");
        MultiLayerNetwork dl4j = NetworkFactory.build(hp, 6, 3, null);
        MultiLayerNetwork own = withFastLayerClipping(dl4j, 0.002);
        MultiLayerNetwork unclipped = withFastLayerClipping(dl4j, 0);
        for (int layer = 0; layer < 2; layer++) {
            assertThat(((BaseLayer) dl4j.getLayerWiseConfigurations().getConf(layer).getLayer())
                    .getGradientNormalization()).isEqualTo(GradientNormalization.ClipElementWiseAbsoluteValue);
        }
        Nd4j.getRandom().setSeed(1);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 5, 3);
        for (int i = 0; i < 5; i++) {
            labels.putScalar(i, i % 3, 1);
        }
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 5, 6, 4).muli(4), labels);
        INDArray start = own.params().dup();
        for (MultiLayerNetwork network : new MultiLayerNetwork[] {own, dl4j, unclipped}) {
            network.fit(batch);
        }

        double scale = own.params().sub(start).norm2Number().doubleValue();
        assertThat(own.params().sub(dl4j.params()).norm2Number().doubleValue()).isLessThan(1e-5 * scale);
        assertThat(own.params().sub(unclipped.params()).norm2Number().doubleValue()).isGreaterThan(0.1 * scale);
    }

    @Test
    void l2ActsAsDl4jsButStaysOutOfTheScore() {
        Hyperparameters hp = Hyperparameters.quick().withOverride("hiddenUnits", "4").withOverride("layers", "2")
                .withOverride("dropout", "0").withOverride("optimiser", "SGD").withOverride("momentum", "0")
                .withOverride("learningRate", "0.5").withOverride("gradientClip", "0").withOverride("l2", "0.05");
        MultiLayerNetwork own = NetworkFactory.build(hp, 6, 3, null);
        MultiLayerConfiguration configuration = own.getLayerWiseConfigurations().clone();
        for (var layer : configuration.getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base && !base.getRegularization().isEmpty()) {
                assertThat(base.getRegularization()).hasOnlyElementsOfType(ScorelessL2.class);
                base.setRegularization(new ArrayList<>(List.of(new L2Regularization(0.05))));
            }
        }
        MultiLayerNetwork dl4j = new MultiLayerNetwork(configuration);
        dl4j.init(own.params().dup(), true);
        Nd4j.getRandom().setSeed(2);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 6, 3), Nd4j.eye(3).getRows(0, 1, 2, 0)
                .castTo(DataType.FLOAT));

        double penalty = dl4j.calcRegularizationScore(true);
        assertThat(penalty).isPositive();
        assertThat(own.calcRegularizationScore(true)).isZero();
        assertThat(own.score(batch)).isCloseTo(dl4j.score(batch) - penalty, within(1e-5));
        own.fit(batch);
        dl4j.fit(batch);
        assertThat(own.params()).isEqualTo(dl4j.params());
    }

    @Test
    void adamBeta2ReachesTheFusedAdamStepAndDefaultsToAdamsOwnValue() {
        Hyperparameters hp = Hyperparameters.quick().withOverride("hiddenUnits", "4").withOverride("dropout", "0");
        MultiLayerNetwork standard = NetworkFactory.build(hp, 6, 3, null);
        MultiLayerNetwork forgetful = NetworkFactory.build(Hyperparameter.ADAM_BETA2.with(hp, 0.5), 6, 3, null);
        for (var layer : standard.getLayerWiseConfigurations().getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base) {
                assertThat(base.getIUpdater()).isEqualTo(new Adam(hp.learningRate()));
            }
        }
        assertThat(forgetful.getUpdater()).isInstanceOf(FusedAdamUpdater.class);
        assertThat(forgetful.params()).isEqualTo(standard.params());
        Nd4j.getRandom().setSeed(3);
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 6, 3), Nd4j.eye(3).getRows(0, 1, 2, 0)
                .castTo(DataType.FLOAT));

        for (int step = 0; step < 3; step++) {
            standard.fit(batch);
            forgetful.fit(batch);
        }

        assertThat(forgetful.params()).isNotEqualTo(standard.params());
    }

    /** A copy whose fast layers clip inside the layer (0: not at all) instead of through DL4J. */
    private static MultiLayerNetwork withFastLayerClipping(MultiLayerNetwork source, double threshold) {
        MultiLayerConfiguration configuration = source.getLayerWiseConfigurations().clone();
        for (int layer = 0; layer < 2; layer++) {
            FastBidirectionalLstm fast = (FastBidirectionalLstm) configuration.getConf(layer).getLayer();
            fast.setElementWiseGradientClip(threshold);
            fast.setGradientNormalization(GradientNormalization.None);
        }
        MultiLayerNetwork copy = new MultiLayerNetwork(configuration);
        copy.init(source.params().dup(), true);
        return copy;
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
