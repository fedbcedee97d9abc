package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused optimiser step against DL4J's own updater on the same network, same data: parameters and both
 * Adam moments after several steps, with L2, clipping (a threshold low enough to clip most gradients) and
 * the last, smaller batch of an epoch. Each batch is generated once and given to both networks.
 */
class FusedAdamUpdaterTest {

    private static final int FEATURES = 7;
    private static final int STEPS = 4;
    private static final int CLASSES = 3;

    private static Hyperparameters small() {
        return Hyperparameters.quick().withOverride("hiddenUnits", "6").withOverride("layers", "2")
                .withOverride("denseUnits", "5").withOverride("dropout", "0").withOverride("learningRate", "0.01")
                .withOverride("l2", "0.001").withOverride("gradientClip", "0.02");
    }

    private static DataSet batch(int size, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray features = Nd4j.randn(DataType.FLOAT, size, FEATURES, STEPS).muli(3);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, CLASSES);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, i % CLASSES, 1);
        }
        return new DataSet(features, labels);
    }

    private static MultiLayerNetwork[] plainAndFused(Hyperparameters hp) {
        MultiLayerNetwork plain = NetworkFactory.build(hp, FEATURES, CLASSES, null);
        MultiLayerNetwork fused = plain.clone();
        return new MultiLayerNetwork[] {plain, fused};
    }

    @Test
    void matchesDl4jAdamWithL2AndClipping() {
        MultiLayerNetwork[] nets = plainAndFused(small());
        assertThat(FusedAdamUpdater.install(nets[1])).isTrue();
        for (int step = 0; step < 6; step++) {
            DataSet data = batch(step % 3 == 2 ? 5 : 8, step);
            nets[0].fit(data);
            nets[1].fit(data);
        }
        assertThat(((FusedAdamUpdater) nets[1].getUpdater()).fusedSteps()).isEqualTo(6);
        assertClose(nets[1].params(), nets[0].params(), 2e-5);
        assertClose(nets[1].getUpdater().getStateViewArray(), nets[0].getUpdater().getStateViewArray(), 2e-5);
    }

    @Test
    void theParametersMove() {
        MultiLayerNetwork[] nets = plainAndFused(small());
        INDArray before = nets[1].params().dup();
        FusedAdamUpdater.install(nets[1]);
        nets[1].fit(batch(8, 1));
        assertThat(nets[1].params().sub(before).amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    @Test
    void staysFusedAndEqualAfterALearningRateChange() {
        MultiLayerNetwork[] nets = plainAndFused(small());
        FusedAdamUpdater.install(nets[1]);
        DataSet first = batch(8, 1);
        nets[0].fit(first);
        nets[1].fit(first);
        nets[0].setLearningRate(0.002);
        nets[1].setLearningRate(0.002);
        assertThat(FusedAdamUpdater.install(nets[1])).isTrue();
        for (int step = 2; step < 5; step++) {
            DataSet data = batch(8, step);
            nets[0].fit(data);
            nets[1].fit(data);
        }
        assertClose(nets[1].params(), nets[0].params(), 2e-5);
        assertClose(nets[1].getUpdater().getStateViewArray(), nets[0].getUpdater().getStateViewArray(), 2e-5);
    }

    @Test
    void otherOptimisersRunDl4jsOwnArithmetic() {
        Hyperparameters sgd = small().withOverride("optimiser", "SGD").withOverride("momentum", "0.9");
        MultiLayerNetwork[] nets = plainAndFused(sgd);
        assertThat(FusedAdamUpdater.install(nets[1])).isFalse();
        for (int step = 0; step < 3; step++) {
            DataSet data = batch(8, step);
            nets[0].fit(data);
            nets[1].fit(data);
        }
        assertThat(nets[1].params()).isEqualTo(nets[0].params());
        assertThat(((FusedAdamUpdater) nets[1].getUpdater()).fusedSteps()).isZero();
    }

    @Test
    void adamStepSizeIsBiasCorrected() {
        // t = 1: lr * sqrt(1 - 0.999) / (1 - 0.9)
        assertThat(FusedAdamUpdater.adamStepSize(1e-3f, 0.9f, 0.999f, 1e-8f, 0))
                .isCloseTo((float) (1e-3 * Math.sqrt(0.001) / 0.1), org.assertj.core.data.Offset.offset(1e-7f));
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double worst = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertThat(worst).as("largest difference (values up to %s)", scale).isLessThan(tolerance * scale);
    }
}
