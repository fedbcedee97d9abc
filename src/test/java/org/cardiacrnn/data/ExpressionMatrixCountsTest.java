package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Whether a matrix holds counts decides CPM/log1p; it is answered once per matrix and kept. */
class ExpressionMatrixCountsTest {

    private static ExpressionMatrix matrix(float... values) {
        return new ExpressionMatrix(values, List.of("S1", "S2"), List.of("G1", "G2"));
    }

    @Test
    void wholeNonNegativeNumbersAndMissingValuesAreCounts() {
        assertThat(matrix(0, 3, Float.NaN, 12).holdsCounts()).isTrue();
    }

    @Test
    void aFractionOrANegativeValueIsNotACount() {
        assertThat(matrix(0, 3, 0.5f, 12).holdsCounts()).isFalse();
        assertThat(matrix(0, -3, 1, 12).holdsCounts()).isFalse();
    }

    @Test
    void theAnswerIsKeptForTheMatrix() {
        ExpressionMatrix counts = matrix(1, 2, 3, 4);
        assertThat(counts.holdsCounts()).isTrue();
        // The values are read-only by contract; changing them behind the matrix's back shows the answer is kept.
        counts.values()[0] = 0.5f;
        assertThat(counts.holdsCounts()).isTrue();
        assertThat(matrix(0.5f, 2, 3, 4).holdsCounts()).isFalse();
    }
}
