package org.cardiacrnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Chu et al. 2016 subset: a headerless genes × cells matrix with separate names and times. */
@Tag("real-data")
class Chu2016DataTest {

    private static final Path CHU = Path.of("..", "shared", "data", "chu2016-endoderm");

    @Test
    void loadsAsCellsByGenesWithHoursAndPseudotime() {
        assumeTrue(Files.isDirectory(CHU), "the shared Chu 2016 data folder " + CHU.toAbsolutePath()
                + " is not present in this checkout");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(CHU.resolve("data.txt"))
                .geneNames(CHU.resolve("tf.txt"))
                .annotations(CHU.resolve("time.txt"), List.of("hours", "pseudotime")).build());
        assertThat(data.matrix().sampleCount()).isEqualTo(758);
        assertThat(data.matrix().geneCount()).isEqualTo(100);
        assertThat(data.matrix().geneNames()).startsWith("GATA6", "NANOG", "T");
        assertThat(data.report().orientation()).isEqualTo(Orientation.GENES_BY_SAMPLES);
        double[] hours = MetadataColumns.requireNumeric(data.metadata(), "hours", CHU.resolve("time.txt"));
        assertThat(hours).containsOnly(0, 12, 24, 36, 72, 96);
        assertThat(java.util.Arrays.stream(hours).filter(h -> h == 0).count()).isEqualTo(92);
        assertThat(data.metadata().column("pseudotime").isNumeric()).isTrue();
        MatrixSummary summary = MatrixSummary.of(data.matrix());
        assertThat(summary.minValue()).isEqualTo(0f);
        assertThat(summary.maxValue()).isBetween(9f, 9.3f);
        assertThat(summary.zeroPercent()).isBetween(25.0, 33.0);
        assertThat(summary.missingValues()).isZero();
    }
}
