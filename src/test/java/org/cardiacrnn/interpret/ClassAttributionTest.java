package org.cardiacrnn.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cardiacrnn.nn.ClassOutput;

import org.junit.jupiter.api.Test;

class ClassAttributionTest {

    private static final List<String> GENES = List.of("FOR", "AGAINST", "WEAK", "MIXED");

    @Test
    void genesRankByTheirSignedMeanSoTheEvidenceForTheClassComesFirst() {
        // Two time steps per gene. AGAINST matters most either way, but it argues against the class; MIXED
        // pushes one way in one sequence and the other way in the other.
        SequenceAttribution first = sequence(new float[] {0.3f, 0.1f, -0.5f, -0.4f, 0.05f, 0, 0.6f, 0});
        SequenceAttribution second = sequence(new float[] {0.2f, 0.2f, -0.3f, -0.2f, 0.05f, 0.02f, -0.6f, 0});

        ClassAttribution summary = ClassAttribution.of(0, "atrial_cm", List.of(first, second), GENES, 2);

        assertThat(summary.ranking()).extracting(GeneScore::gene).containsExactly("FOR", "WEAK", "MIXED", "AGAINST");
        assertThat(summary.ranking()).extracting(GeneScore::rank).containsExactly(1, 2, 3, 4);
        GeneScore against = summary.ranking().get(3);
        assertThat(against.meanAttribution()).isCloseTo(-0.7, within(1e-6));
        assertThat(against.meanAbsoluteAttribution()).isCloseTo(0.7, within(1e-6));
        GeneScore mixed = summary.ranking().get(2);
        assertThat(mixed.meanAttribution()).isCloseTo(0, within(1e-6));
        assertThat(mixed.meanAbsoluteAttribution()).isCloseTo(0.6, within(1e-6));
        assertThat(summary.mean(0, 1)).isCloseTo(0.15f, within(1e-6f));
    }

    private static SequenceAttribution sequence(float[] values) {
        return new SequenceAttribution(0, 0, 0, values, 2, ClassOutput.PROBABILITY, 0.9, 0.25);
    }
}
