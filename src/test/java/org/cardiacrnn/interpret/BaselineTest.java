package org.cardiacrnn.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cardiacrnn.sequences.SequenceDataset;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final int GENES = 2;
    private static final int STEPS = 2;

    /**
     * One gene × two steps per sequence, {@code values[i] = {step 0, step 1}} for gene 0 and the negated values for
     * gene 1.
     */
    private static SequenceDataset sequences(double[][] values, int[] labels, double[][] times, float[] mask) {
        return sequences(values, labels, times, mask, null);
    }

    /** @param filledIn per sequence and step, whether a time course interpolated it; null: all measured */
    private static SequenceDataset sequences(double[][] values, int[] labels, double[][] times, float[] mask,
                                             boolean[] filledIn) {
        int n = values.length;
        float[] features = new float[n * GENES * STEPS];
        double[] stepTimes = times == null ? null : new double[n * STEPS];
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < STEPS; t++) {
                features[(i * GENES) * STEPS + t] = (float) values[i][t];
                features[(i * GENES + 1) * STEPS + t] = (float) -values[i][t];
                if (stepTimes != null) {
                    stepTimes[i * STEPS + t] = times[i][t];
                }
            }
            groups.add("g" + i);
            rows[i] = new int[] {i};
        }
        return new SequenceDataset(features, n, GENES, STEPS, mask, labels, List.of("a", "b"), groups, rows,
                List.of("G0", "G1"), stepTimes == null ? null : new SequenceDataset.StepTimes(stepTimes, filledIn));
    }

    private static float[] reference(Baseline baseline, SequenceDataset data, int sequence) {
        float[] x = new float[GENES * STEPS];
        System.arraycopy(data.features(), sequence * x.length, x, 0, x.length);
        return baseline.of(sequence, x, GENES, STEPS);
    }

    @Test
    void eachStepIsComparedWithTheClassBalancedMeanAtItsTime() {
        // Class a has two sequences, class b one; windows start at day 0 or day 2.
        SequenceDataset data = sequences(new double[][] {{1, 3}, {5, 7}, {10, 20}}, new int[] {0, 0, 1},
                new double[][] {{0, 2}, {0, 2}, {2, 5}}, null);
        Baseline baseline = Baseline.timeMatched(data, true);
        assertThat(baseline.kind()).isEqualTo(Baseline.Kind.TIME_MATCHED);
        // Day 0: class a alone, mean of 1 and 5. Day 2: class a's mean (3 + 7) / 2 = 5 and class b's 10, equally
        // weighted. Day 5: class b alone.
        assertThat(reference(baseline, data, 0)).containsExactly(3f, 7.5f, -3f, -7.5f);
        assertThat(reference(baseline, data, 2)).containsExactly(7.5f, 20f, -7.5f, -20f);
        Baseline unweighted = Baseline.timeMatched(data, false);
        assertThat(reference(unweighted, data, 2)).as("without labels each step weighs the same: (3 + 7 + 10) / 3")
                .containsExactly(20f / 3, 20f, -20f / 3, -20f);
    }

    @Test
    void stepsBeforeTheLineagesPartCarryNoAttribution() {
        // At day 0 the two classes look alike, as cells before the lineages diverge do.
        SequenceDataset data = sequences(new double[][] {{2, 1}, {2, 9}, {2, 4}, {2, 8}}, new int[] {0, 1, 0, 1},
                new double[][] {{0, 8}, {0, 8}, {0, 8}, {0, 8}}, null);
        Baseline baseline = Baseline.timeMatched(data, true);
        for (int i = 0; i < data.sequenceCount(); i++) {
            float[] reference = reference(baseline, data, i);
            assertThat(reference[0]).as("day 0 equals its own mean: nothing to attribute").isEqualTo(2f);
            assertThat(reference[1]).isEqualTo(5.5f);
        }
    }

    @Test
    void maskedStepsDoNotEnterTheMeans() {
        SequenceDataset data = sequences(new double[][] {{1, 100}, {3, 5}}, new int[] {0, 1},
                new double[][] {{0, 1}, {0, 1}}, new float[] {1, 0, 1, 1});
        float[] reference = reference(Baseline.timeMatched(data, true), data, 0);
        assertThat(reference[1]).as("the masked 100 is padding, not data").isEqualTo(5f);
    }

    @Test
    void timePointsATimeCourseFilledInAreNotSamples() {
        // Two classes measured at days 0 and 1; the second class's second sequence lacks day 1, interpolated as 100.
        SequenceDataset data = sequences(new double[][] {{1, 3}, {5, 7}, {2, 100}}, new int[] {0, 1, 1},
                new double[][] {{0, 1}, {0, 1}, {0, 1}}, null, new boolean[] {false, false, false, false, false, true});
        float[] reference = reference(Baseline.timeMatched(data, true), data, 0);
        assertThat(reference[1]).as("day 1: class 0's 3 and class 1's measured 7, not the filled-in 100")
                .isEqualTo(5f);
        assertThat(reference[0]).as("day 0: 1 and the mean of 5 and 2").isEqualTo(2.25f);
    }

    @Test
    void classesMeasuredAtTheirOwnTimePointsAreNotComparedThroughFilledInSteps() {
        // Label = stage: class a sampled at days 0 and 1, class b at days 2 and 3, each time course filled in at the
        // other's days, so every step is present but none shares its day with a measured step of the other class.
        boolean[] filledIn = {false, false, true, true, true, true, false, false};
        SequenceDataset stages = new SequenceDataset(new float[2 * GENES * 4], 2, GENES, 4, null, new int[] {0, 1},
                List.of("a", "b"), List.of("g0", "g1"), new int[][] {{0}, {1}}, List.of("G0", "G1"),
                new SequenceDataset.StepTimes(new double[] {0, 1, 2, 3, 0, 1, 2, 3}, filledIn));
        assertThat(Baseline.timeMatchedUnavailable(stages, true)).startsWith("only 0 % of the steps share their "
                + "time point with another class");
    }

    @Test
    void groupsSampledAtDifferentTimesAreNotComparedWithThemselves() {
        // Unlabelled: donor g0 sampled on even days, g1 on odd days.
        SequenceDataset data = sequences(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 0},
                new double[][] {{0, 2}, {1, 3}}, null);
        assertThat(Baseline.timeMatchedUnavailable(data, false)).isEqualTo("only 0 % of the steps share their "
                + "time point with another group (the groups were sampled at different times), so most would be "
                + "compared with themselves");
    }

    @Test
    void continuousTimesArePooledIntoBinsThatKeepTiesTogether() {
        int n = 60;
        double[][] values = new double[n][];
        double[][] times = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = new double[] {i, i};
            // Pseudotime: 120 distinct values, but the first ten sequences share one at their first step.
            times[i] = new double[] {i < 10 ? 0.0 : i / 60.0, 1 + i / 60.0};
            labels[i] = i % 2;
        }
        SequenceDataset data = sequences(values, labels, times, null);
        Baseline baseline = Baseline.timeMatched(data, true);
        Baseline.TimeMatchedMeans means = baseline.timeMatched();
        assertThat(means.means().length).as("at most %d bins", Baseline.MAX_TIME_BINS)
                .isLessThanOrEqualTo(Baseline.MAX_TIME_BINS).isGreaterThan(Baseline.MAX_TIME_BINS / 2);
        int firstBin = means.stepBins()[0];
        for (int i = 1; i < 10; i++) {
            assertThat(means.stepBins()[i * STEPS]).as("tied times share a bin").isEqualTo(firstBin);
        }
        assertThat(IntStream.of(means.stepBins()).distinct().count()).as("every bin holds data")
                .isEqualTo(means.means().length);
        for (int i = 0; i < n; i++) {
            assertThat(reference(baseline, data, i)[0]).as("a bin's mean lies near its members")
                    .isCloseTo((float) i, within(30f));
        }
    }

    @Test
    void saysWhyItCannotBeMade() {
        SequenceDataset untimed = sequences(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}, null, null);
        assertThat(Baseline.timeMatchedUnavailable(untimed, true)).contains("times");
        SequenceDataset oneClass = sequences(new double[][] {{1, 2}, {3, 4}}, new int[] {1, 1},
                new double[][] {{0, 1}, {0, 1}}, null);
        assertThat(Baseline.timeMatchedUnavailable(oneClass, true)).contains("one class");
        assertThat(Baseline.timeMatchedUnavailable(oneClass, false)).as("two groups suffice without labels")
                .isNull();
        assertThatThrownBy(() -> Baseline.timeMatched(oneClass, true)).isInstanceOf(InterpretException.class)
                .hasMessageContaining("time-matched baseline cannot be used").hasMessageContaining("one class");
        SequenceDataset oneGroup = oneClass.subset(new int[] {0});
        assertThat(Baseline.timeMatchedUnavailable(oneGroup, false)).contains("one group");
        // Labels that are the time points themselves: class a at days 0 and 1, class b at days 2 and 3, except one
        // b window that starts at day 1 (a quarter of the steps share their day with the other class).
        SequenceDataset classesFollowTime = sequences(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}},
                new int[] {0, 0, 1, 1}, new double[][] {{0, 1}, {0, 1}, {2, 3}, {1, 2}}, null);
        assertThat(Baseline.timeMatchedUnavailable(classesFollowTime, true))
                .isEqualTo("only 38 % of the steps share their time point with another class (the classes follow "
                        + "time), so most would be compared with their own class");
        assertThat(Baseline.timeMatchedUnavailable(classesFollowTime.subset(new int[] {0, 1, 3}), true))
                .as("with the lone b window, day 1 is shared by 3 of 6 steps").isNull();
    }

    @Test
    void isBoundToTheSequencesItWasMadeFor() {
        SequenceDataset data = sequences(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1},
                new double[][] {{0, 1}, {0, 1}}, null);
        Baseline baseline = Baseline.timeMatched(data, true);
        assertThatThrownBy(() -> baseline.of(2, new float[GENES * STEPS], GENES, STEPS))
                .isInstanceOf(InterpretException.class).hasMessageContaining("other sequences");
    }

    @Test
    void namesEveryKindInItsMessage() {
        assertThat(Baseline.Kind.parse("Time-Matched")).isEqualTo(Baseline.Kind.TIME_MATCHED);
        assertThatThrownBy(() -> Baseline.Kind.parse("zero")).hasMessageContaining("time-matched, training-mean or "
                + "blurred").hasMessageContaining("\"zero\"");
    }
}
