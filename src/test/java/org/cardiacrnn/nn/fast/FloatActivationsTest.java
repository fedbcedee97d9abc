package org.cardiacrnn.nn.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatActivationsTest {

    private static float[] grid() {
        int n = 400_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -20f + 40f * i / (n - 1);
        }
        return x;
    }

    @Test
    void tanhIsWithinAFewFloatRoundingsEverywhere() {
        float[] x = grid();
        float[] y = x.clone();
        FloatActivations.tanh(y, 0, y.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - Math.tanh(x[i])));
        }
        assertThat(worst).isLessThan(5e-7);
        assertThat(y[0]).isEqualTo(-1f);
        assertThat(y[y.length - 1]).isEqualTo(1f);
    }

    @Test
    void sigmoidIsWithinAFewFloatRoundingsEverywhere() {
        float[] x = grid();
        float[] y = x.clone();
        FloatActivations.sigmoid(y, 0, y.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(y[i] - 1 / (1 + Math.exp(-x[i]))));
        }
        assertThat(worst).isLessThan(3e-7);
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
