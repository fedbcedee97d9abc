package org.cardiacrnn.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cardiacrnn.nn.ClassOutput;

import org.junit.jupiter.api.Test;

class ClassAttributionTest {

    private static final List<String> GENES = List.of("MARKER", "AGAINST", "ABSENT", "MIXED");

    @Test
    void markersRankByEvidenceFromRaisedExpressionAndAbsentGenesByEvidenceFromLoweredExpression() {
        // Two time steps per gene. MARKER is raised and argues for the class; AGAINST is raised but argues against
        // it; ABSENT (another lineage's marker) is low and argues for the class; MIXED is raised in one sequence,
        // lowered in the other, arguing for the class both times.
        boolean[] raisedFirst = {true, true, true, true, false, false, true, true};
        boolean[] raisedSecond = {true, true, true, true, false, false, false, false};
        SequenceAttribution first = sequence(new float[] {0.3f, 0.1f, -0.5f, -0.4f, 0.2f, 0.1f, 0.2f, 0}, raisedFirst);
        SequenceAttribution second = sequence(new float[] {0.2f, 0.2f, -0.3f, -0.2f, 0.3f, 0.1f, 0.1f, 0.1f},
                raisedSecond);

        ClassAttribution summary = ClassAttribution.of(0, "atrial_cm", List.of(first, second), GENES, 2);

        assertThat(summary.ranking(Evidence.ALL)).extracting(GeneScore::gene)
                .containsExactly("MARKER", "ABSENT", "MIXED", "AGAINST");
        assertThat(summary.ranking(Evidence.RAISED)).extracting(GeneScore::gene)
                .containsExactly("MARKER", "MIXED", "ABSENT", "AGAINST");
        assertThat(summary.ranking(Evidence.LOWERED)).extracting(GeneScore::gene)
                .containsExactly("ABSENT", "MIXED", "MARKER", "AGAINST");
        assertThat(summary.ranking(Evidence.LOWERED)).extracting(GeneScore::rank).containsExactly(1, 2, 3, 4);
        assertThat(summary.top(Evidence.RAISED, 2)).extracting(GeneScore::gene).containsExactly("MARKER", "MIXED");
        GeneScore mixed = summary.ranking(Evidence.RAISED).get(1);
        assertThat(mixed.raisedAttribution()).isCloseTo(0.1, within(1e-6));
        assertThat(mixed.loweredAttribution()).isCloseTo(0.1, within(1e-6));
        assertThat(mixed.meanAttribution()).isCloseTo(0.2, within(1e-6));
        GeneScore absent = summary.ranking(Evidence.LOWERED).get(0);
        assertThat(absent.raisedAttribution()).isZero();
        assertThat(absent.loweredAttribution()).isCloseTo(0.35, within(1e-6));
        GeneScore against = summary.ranking(Evidence.RAISED).get(3);
        assertThat(against.raisedAttribution()).isCloseTo(-0.7, within(1e-6));
        assertThat(against.meanAbsoluteAttribution()).isCloseTo(0.7, within(1e-6));
        assertThat(summary.mean(Evidence.RAISED, 3, 0)).isCloseTo(0.1f, within(1e-6f));
        assertThat(summary.mean(Evidence.LOWERED, 3, 0)).isCloseTo(0.05f, within(1e-6f));
        assertThat(summary.mean(3, 0)).isCloseTo(0.15f, within(1e-6f));
        assertThat(summary.mean(Evidence.ALL, 3, 0)).isEqualTo(summary.mean(3, 0));
    }

    @Test
    void theTwoPartsAddUpToTheSignedAttributionInEveryCellAndForEveryGene() {
        java.util.Random random = new java.util.Random(5);
        float[] values = new float[GENES.size() * 3];
        boolean[] raised = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) random.nextGaussian();
            raised[k] = random.nextBoolean();
        }
        SequenceAttribution attribution = sequence(values, raised);
        float[] up = attribution.raisedPart();
        float[] down = attribution.loweredPart();
        for (int k = 0; k < values.length; k++) {
            assertThat(up[k] + down[k]).isEqualTo(values[k]);
            assertThat(raised[k] ? down[k] : up[k]).isZero();
        }
        ClassAttribution summary = ClassAttribution.of(0, "c", List.of(attribution), GENES, 3);
        for (GeneScore score : summary.ranking(Evidence.RAISED)) {
            assertThat(score.raisedAttribution() + score.loweredAttribution())
                    .isCloseTo(score.meanAttribution(), within(1e-12));
        }
    }

    private static SequenceAttribution sequence(float[] values, boolean[] raised) {
        return new SequenceAttribution(0, 0, 0, values, raised, values.length / GENES.size(),
                ClassOutput.PROBABILITY, 0.9, 0.25);
    }
}
