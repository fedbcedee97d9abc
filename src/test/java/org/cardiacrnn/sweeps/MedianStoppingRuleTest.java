package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {

    private final List<List<Double>> others = List.of(List.of(0.5, 0.6, 0.7, 0.8), List.of(0.4, 0.5, 0.6, 0.7),
            List.of(0.3, 0.35, 0.4, 0.45));

    @Test
    void stopsATrialWorseThanTheMedianOfEarlierTrialsAtTheSameEpoch() {
        MedianStoppingRule rule = new MedianStoppingRule(Objective.VALIDATION_ACCURACY, 2);
        // At epoch 2 the earlier trials' bests are 0.6, 0.5, 0.35: median 0.5.
        assertThat(rule.shouldStop(List.of(0.3, 0.45), others)).isTrue();
        assertThat(rule.shouldStop(List.of(0.3, 0.5), others)).isFalse();
        assertThat(rule.shouldStop(List.of(0.55, 0.2), others)).as("best so far counts, not the last").isFalse();
    }

    @Test
    void waitsForTheMinimumEpochsAndForComparableTrials() {
        MedianStoppingRule rule = new MedianStoppingRule(Objective.VALIDATION_ACCURACY, 3);
        assertThat(rule.shouldStop(List.of(0.0, 0.0), others)).isFalse();
        assertThat(rule.shouldStop(List.of(0.0, 0.0, 0.0), others)).isTrue();
        assertThat(rule.shouldStop(List.of(0.0, 0.0, 0.0, 0.0, 0.0), others)).as("nobody reached epoch 5").isFalse();
        assertThat(rule.shouldStop(List.of(0.0, 0.0, 0.0), List.of())).isFalse();
    }

    @Test
    void forLossLowerIsBetter() {
        MedianStoppingRule rule = new MedianStoppingRule(Objective.VALIDATION_LOSS, 1);
        List<List<Double>> losses = List.of(List.of(1.0, 0.8), List.of(1.2, 0.9), List.of(2.0, 1.5));
        assertThat(rule.shouldStop(List.of(1.3), losses)).isTrue();
        assertThat(rule.shouldStop(List.of(1.1), losses)).isFalse();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(MedianStoppingRule.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(MedianStoppingRule.median(List.of(Double.NaN))).isNaN();
    }
}
