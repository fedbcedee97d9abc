package org.cardiacrnn.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;

class EarlyPredictionTest {

    /** Sequence i carries i in its first value; it is predicted right only from {@code rightFromStep[i]} steps. */
    static final int[] RIGHT_FROM_STEP = {1, 3, 4};

    static SequenceDataset dataset() {
        int n = 3;
        int steps = 4;
        float[] features = new float[n * steps];
        for (int i = 0; i < n; i++) {
            features[i * steps] = i;
        }
        return new SequenceDataset(features, n, 1, steps, null, new int[] {0, 1, 0}, List.of("A", "B"),
                List.of("g0", "g1", "g2"), new int[][] {{0}, {1}, {2}}, List.of("gene"));
    }

    static float[][] fakePrediction(SequenceDataset sequences) {
        float[][] probabilities = new float[sequences.sequenceCount()][];
        for (int i = 0; i < probabilities.length; i++) {
            int id = (int) sequences.value(i, 0, 0);
            boolean right = sequences.timeSteps() >= RIGHT_FROM_STEP[id];
            int predicted = right ? sequences.label(i) : 1 - sequences.label(i);
            probabilities[i] = predicted == 0 ? new float[] {0.9f, 0.1f} : new float[] {0.1f, 0.9f};
        }
        return probabilities;
    }

    @Test
    void accuracyRisesAsThePredictorSeesEnoughSteps() {
        List<Integer> stepsAsked = new ArrayList<>();
        Predictor predictor = sequences -> {
            stepsAsked.add(sequences.timeSteps());
            return fakePrediction(sequences);
        };

        EvaluationReport report = Evaluator.evaluate(predictor, dataset());

        assertThat(stepsAsked).containsExactly(1, 2, 3, 4);
        assertThat(report.earlyPrediction()).extracting(EarlyPredictionPoint::stepsSeen).containsExactly(1, 2, 3, 4);
        assertThat(report.earlyPrediction()).extracting(EarlyPredictionPoint::accuracy)
                .containsExactly(1.0 / 3, 1.0 / 3, 2.0 / 3, 1.0);
        assertThat(report.accuracy()).isEqualTo(1.0);
    }

    @Test
    void temporalConsistencyCountsChangesAndStabilityFromEachStep() {
        TemporalConsistency consistency = Evaluator.evaluate(EarlyPredictionTest::fakePrediction, dataset())
                .temporalConsistency();

        assertThat(consistency.changesPerSequence()).containsExactly(0, 1, 1);
        assertThat(consistency.meanChanges()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(consistency.stableFractionFromStep()).containsExactly(1.0 / 3, 1.0 / 3, 2.0 / 3, 1.0);
        assertThat(consistency.stableCorrectFractionFromStep()).containsExactly(1.0 / 3, 1.0 / 3, 2.0 / 3, 1.0);
    }

    @Test
    void aPredictionThatFlipsBackCountsEveryChange() {
        int[][] predictedByStep = {{0}, {1}, {0}, {0}};

        TemporalConsistency consistency = TemporalAnalysis.consistency(predictedByStep, new int[] {1});

        assertThat(consistency.changesPerSequence()).containsExactly(2);
        assertThat(consistency.stableFractionFromStep()).containsExactly(0.0, 0.0, 1.0, 1.0);
        assertThat(consistency.stableCorrectFractionFromStep()).containsExactly(0.0, 0.0, 0.0, 0.0);
    }
}
