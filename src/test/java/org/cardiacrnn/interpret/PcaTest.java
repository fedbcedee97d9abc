package org.cardiacrnn.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void theFirstAxisFollowsTheLargestSpreadAndTheSecondTheNext() {
        // Over a whole period sine and cosine are uncorrelated and centred: a spread of 10 along (1, 1, 0)/sqrt 2,
        // one of 1 along (0, 0, 1), around (5, 5, 5).
        int n = 40;
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            double a = 10 * Math.sin(2 * Math.PI * i / n);
            double b = Math.cos(2 * Math.PI * i / n);
            rows[i] = new float[] {(float) (5 + a / Math.sqrt(2)), (float) (5 + a / Math.sqrt(2)), (float) (5 + b)};
        }
        double[][] projected = Pca.project(rows, 2);
        double sign = Math.signum(projected[n / 4][0]);
        for (int i = 0; i < n; i++) {
            assertEquals(10 * Math.sin(2 * Math.PI * i / n), sign * projected[i][0], 1e-3, "first component, row " + i);
            assertEquals(Math.abs(Math.cos(2 * Math.PI * i / n)), Math.abs(projected[i][1]), 1e-3,
                    "second component, row " + i);
        }
    }
}
