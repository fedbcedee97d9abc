package org.cardiacrnn.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;

class StaticBaselinesTest {

    /** Three overlapping classes in two features (not separable, so the optimum is finite even without L2). */
    private static final double[][] X = {{0, 0}, {1, 0.5}, {0.5, 1}, {2, 2}, {2.5, 1.5}, {1, 1.8}, {-1, 2},
        {-1.5, 1}, {0.2, 1.2}, {1.6, 0.4}};
    private static final int[] Y = {0, 0, 0, 1, 1, 1, 2, 2, 2, 0};

    /**
     * The same objective minimised by an independent method: plain gradient descent with a small fixed step,
     * run far past convergence.
     */
    private static double[][] gradientDescent(double lambda) {
        double[][] w = new double[3][3];
        for (int iteration = 0; iteration < 200_000; iteration++) {
            double[][] g = new double[3][3];
            for (int i = 0; i < X.length; i++) {
                double[] s = new double[3];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    s[c] = w[c][0] * X[i][0] + w[c][1] * X[i][1] + w[c][2];
                    max = Math.max(max, s[c]);
                }
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    s[c] = Math.exp(s[c] - max);
                    sum += s[c];
                }
                for (int c = 0; c < 3; c++) {
                    double e = s[c] / sum - (Y[i] == c ? 1 : 0);
                    g[c][0] += e * X[i][0];
                    g[c][1] += e * X[i][1];
                    g[c][2] += e;
                }
            }
            for (int c = 0; c < 3; c++) {
                for (int f = 0; f < 2; f++) {
                    w[c][f] -= 0.01 * (g[c][f] + lambda * w[c][f]);
                }
                w[c][2] -= 0.01 * g[c][2];
            }
        }
        return w;
    }

    @Test
    void logisticRegressionAgreesWithAnIndependentGradientDescent() {
        LogisticRegression fitted = LogisticRegression.fit(X, Y, 3, 1.0);
        double[][] reference = gradientDescent(1.0);
        for (int c = 0; c < 3; c++) {
            assertThat(fitted.weights()[c][0]).as("class %d, x1", c).isCloseTo(reference[c][0], within(1e-4));
            assertThat(fitted.weights()[c][1]).as("class %d, x2", c).isCloseTo(reference[c][1], within(1e-4));
            // Intercepts are fixed only up to a common shift by the softmax: compare differences.
            assertThat(fitted.intercepts()[c] - fitted.intercepts()[0])
                    .isCloseTo(reference[c][2] - reference[0][2], within(1e-4));
        }
        float[][] p = fitted.predictProbabilities(new double[][] {{2.2, 1.8}});
        assertThat(p[0][1]).isGreaterThan(p[0][0]).isGreaterThan(p[0][2]);
        assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void summaryFeaturesAreMeanLastAndSlopeOverPresentSteps() {
        // One gene over 4 steps: 1, 3, 5, 9; the second sequence has step 3 masked out.
        float[] values = {1, 3, 5, 9, 1, 3, 5, 9};
        float[] mask = {1, 1, 1, 1, 1, 1, 1, 0};
        SequenceDataset data = new SequenceDataset(values, 2, 1, 4, mask, new int[] {0, 1}, List.of("a", "b"),
                List.of("g1", "g2"), new int[][] {{0}, {1}}, List.of("gene"));
        double[][] x = StaticBaselines.features(StaticBaselines.Features.SUMMARY, data);
        // Slope of (0,1) (1,3) (2,5) (3,9): covariance 13 over variance 5.
        assertThat(x[0]).containsExactly(new double[] {4.5, 9, 2.6}, within(1e-9));
        assertThat(x[1]).containsExactly(new double[] {3, 5, 2}, within(1e-9));
        assertThat(StaticBaselines.features(StaticBaselines.Features.LAST, data)[1]).containsExactly(5.0);
    }

    @Test
    void theComparisonStatesTheMarginWithAPairedInterval() {
        boolean[] network = {true, true, true, true, false, true, true, true};
        boolean[] baseline = {false, true, false, true, false, false, true, false};
        ConfidenceInterval interval = StaticBaselines.pairedBootstrap(network, baseline, 1000, 42);
        assertThat(interval.lower()).isGreaterThanOrEqualTo(0).isLessThan(0.5);
        assertThat(interval.upper()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
        assertThat(StaticBaselines.pairedBootstrap(network, network, 100, 1).upper()).isZero();
    }
}
