package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cardiacrnn.data.ExpressionMatrix;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {

    private static ExpressionMatrix matrix(float last, String gene) {
        return new ExpressionMatrix(new float[] {1, 2, 3, last}, List.of("s1", "s2"), List.of("NKX2-5", gene));
    }

    @Test
    void equalDataGivesEqualFingerprintsAndAnyChangeAltersIt() {
        String fingerprint = DatasetFingerprint.of(matrix(4, "TNNT2"));

        assertThat(fingerprint).matches("sha256:[0-9a-f]{64}");
        assertThat(DatasetFingerprint.of(matrix(4, "TNNT2"))).isEqualTo(fingerprint);
        assertThat(DatasetFingerprint.of(matrix(4.0001f, "TNNT2"))).isNotEqualTo(fingerprint);
        assertThat(DatasetFingerprint.of(matrix(4, "TNNT3"))).isNotEqualTo(fingerprint);
    }

    @Test
    void shapeAndNameBoundariesMatter() {
        ExpressionMatrix wide = new ExpressionMatrix(new float[] {1, 2}, List.of("ab"), List.of("g", "h"));
        ExpressionMatrix tall = new ExpressionMatrix(new float[] {1, 2}, List.of("a", "b"), List.of("gh"));

        assertThat(DatasetFingerprint.of(wide)).isNotEqualTo(DatasetFingerprint.of(tall));
    }
}
