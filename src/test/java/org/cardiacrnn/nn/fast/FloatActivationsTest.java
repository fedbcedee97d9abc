package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class FloatActivationsTest {

    /** The largest difference between the approximation and the exact function on [-20, 20]. */
    private static double worstError(Consumer<float[]> approximation, DoubleUnaryOperator exact) {
        int n = 400_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -20f + 40f * i / (n - 1);
        }
        float[] y = x.clone();
        approximation.accept(y);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(y[i] - exact.applyAsDouble(x[i])));
        }
        return worst;
    }

    @Test
    void tanhIsWithinAFewFloatRoundingsEverywhere() {
        assertThat(worstError(y -> FloatActivations.tanh(y, 0, y.length), Math::tanh)).isLessThan(5e-7);
        float[] saturated = {-20f, 20f};
        FloatActivations.tanh(saturated, 0, 2);
        assertThat(saturated).containsExactly(-1f, 1f);
    }

    @Test
    void sigmoidIsWithinAFewFloatRoundingsEverywhere() {
        assertThat(worstError(y -> FloatActivations.sigmoid(y, 0, y.length), x -> 1 / (1 + Math.exp(-x))))
                .isLessThan(3e-7);
    }

    @Test
    void onlyTheGivenRangeChanges() {
        float[] y = {2f, 2f, 2f, 2f};
        FloatActivations.tanh(y, 1, 3);
        assertThat(y[0]).isEqualTo(2f);
        assertThat(y[3]).isEqualTo(2f);
        assertThat((double) y[1]).isCloseTo(Math.tanh(2), org.assertj.core.data.Offset.offset(5e-7));
    }
}
