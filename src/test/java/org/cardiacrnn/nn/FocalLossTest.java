package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class FocalLossTest {

    private static final ActivationSoftmax SOFTMAX = new ActivationSoftmax();

    private static INDArray logits() {
        return Nd4j.create(new double[][] {{0.3, -1.2, 2.0, 0.1}, {1.5, 0.2, -0.7, 0.4}, {-0.2, 0.9, 0.1, -1.1}})
                .castTo(DataType.DOUBLE);
    }

    private static INDArray labels() {
        return Nd4j.create(new double[][] {{0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}}).castTo(DataType.DOUBLE);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        FocalLoss loss = new FocalLoss(0.8, 3.0);
        INDArray z = logits();
        INDArray analytic = loss.computeGradient(labels(), z.dup(), SOFTMAX, null);
        double h = 1e-6;
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < z.columns(); j++) {
                INDArray plus = z.dup();
                plus.putScalar(i, j, z.getDouble(i, j) + h);
                INDArray minus = z.dup();
                minus.putScalar(i, j, z.getDouble(i, j) - h);
                double numeric = (loss.computeScore(labels(), plus, SOFTMAX, null, false)
                        - loss.computeScore(labels(), minus, SOFTMAX, null, false)) / (2 * h);
                assertThat(analytic.getDouble(i, j)).as("d loss / d z[%d,%d]", i, j).isCloseTo(numeric, within(1e-6));
            }
        }
    }

    @Test
    void gammaZeroAndAlphaOneIsCrossEntropy() {
        FocalLoss focal = new FocalLoss(1.0, 0.0);
        LossMCXENT crossEntropy = new LossMCXENT();
        double expected = crossEntropy.computeScore(labels(), logits(), SOFTMAX, null, true);
        assertThat(focal.computeScore(labels(), logits(), SOFTMAX, null, true)).isCloseTo(expected, within(1e-9));
        INDArray gradient = focal.computeGradient(labels(), logits(), SOFTMAX, null);
        INDArray reference = crossEntropy.computeGradient(labels(), logits(), SOFTMAX, null);
        assertThat(gradient.sub(reference).amaxNumber().doubleValue()).isLessThan(1e-9);
    }

    @Test
    void confidentCorrectSequencesCountLessThanUnderCrossEntropy() {
        INDArray confident = Nd4j.create(new double[][] {{5.0, 0.0}}).castTo(DataType.DOUBLE);
        INDArray label = Nd4j.create(new double[][] {{1, 0}}).castTo(DataType.DOUBLE);
        double focal = new FocalLoss(1.0, 3.0).computeScore(label, confident, SOFTMAX, null, true);
        double plain = new LossMCXENT().computeScore(label, confident, SOFTMAX, null, true);
        assertThat(focal).isLessThan(plain / 100);
    }

    @Test
    void maskedSequencesContributeNothing() {
        INDArray mask = Nd4j.create(new double[][] {{1}, {0}, {1}}).castTo(DataType.DOUBLE);
        INDArray gradient = new FocalLoss(1, 2).computeGradient(labels(), logits(), SOFTMAX, mask);
        assertThat(gradient.getRow(1).amaxNumber().doubleValue()).isZero();
        assertThat(gradient.getRow(0).amaxNumber().doubleValue()).isPositive();
    }
}
