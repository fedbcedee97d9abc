package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.Orientation;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.sequences.PreparationConfig;
import org.junit.jupiter.api.Test;

class PreparationOptionsTest {

    private static final SampleMetadata METADATA = new SampleMetadata(List.of("s1", "s2", "s3"), List.of(
            SampleMetadata.Column.of("day", List.of("0", "1", "2")),
            SampleMetadata.Column.of("trajectory", List.of("a", "a", "b")),
            SampleMetadata.Column.of("donor", List.of("d1", "d2", "d3"))));
    private static final ExpressionData DATA = new ExpressionData(new ExpressionMatrix(new float[] {1, 2, 3},
            METADATA.sampleIds(), List.of("g1")), METADATA, new ExpressionData.LoadReport("test", "test",
            Orientation.SAMPLES_BY_GENES, false, List.of()));

    @Test
    void leakageFreeIsTheDefaultAndHonestStillNamesIt() {
        PreparationOptions byDefault = new PreparationOptions();
        byDefault.protocol = "leakage-free";
        PreparationOptions formerName = new PreparationOptions();
        formerName.protocol = "honest";

        PreparationConfig expected = PreparationConfig.leakageFree("day", "trajectory", "donor");
        assertThat(byDefault.toConfig(DATA).split()).isEqualTo(expected.split());
        assertThat(formerName.toConfig(DATA).split()).isEqualTo(expected.split());
    }

    @Test
    void anUnknownProtocolNamesTheValidOnes() {
        PreparationOptions options = new PreparationOptions();
        options.protocol = "random";

        assertThatThrownBy(() -> options.toConfig(DATA)).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("methodology or leakage-free");
    }
}
