package org.cardiacrnn.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.SampleMetadata;
import org.junit.jupiter.api.Test;

class SequenceBuildersTest {

    private static SequenceConfig windows(int length, int stride, String group) {
        return new SequenceConfig(SequenceConfig.Builder.SLIDING_WINDOW, length, stride, "time", "label", group,
                null);
    }

    @Test
    void slidingWindowsFollowTimeOrderWithinEachTrajectory() {
        ExpressionData data = Fixtures.trajectories(new String[] {"B", "A"}, 1, 12);
        SequenceBuild build = SlidingWindowBuilder.build(data.matrix(), data.metadata(), windows(4, 2, null));
        SequenceDataset set = build.dataset();
        assertThat(set.classNames()).containsExactly("A", "B");
        assertThat(set.sequenceCount()).as("(12 - 4) / 2 + 1 windows per label").isEqualTo(10);
        assertThat(set.featureCount()).isEqualTo(3);
        assertThat(set.timeSteps()).isEqualTo(4);
        // Label A's samples are rows 12..23, listed from time 11 down to time 0.
        assertThat(set.label(0)).isZero();
        assertThat(set.groupIds().get(0)).isEqualTo("A");
        assertThat(set.sourceRows(0)).containsExactly(23, 22, 21, 20);
        assertThat(set.sourceRows(1)).containsExactly(21, 20, 19, 18);
        assertThat(set.value(1, 1, 0)).as("time gene at the first step of window 2").isEqualTo(2f);
        assertThat(set.value(1, 0, 3)).isEqualTo(18f);
        assertThat(set.label(5)).isEqualTo(1);
        assertThat(set.sourceRows(5)).containsExactly(11, 10, 9, 8);
        assertThat(build.warnings()).isEmpty();
        assertThat(set.hasMask()).isFalse();
        assertThat(set.hasStepTimes()).isTrue();
        assertThat(new double[] {set.stepTime(1, 0), set.stepTime(1, 3), set.stepTime(5, 0)})
                .as("each step carries its sample's time").containsExactly(2, 5, 0);
        SequenceDataset picked = set.subset(new int[] {5, 1}).prefix(2);
        assertThat(new double[] {picked.stepTime(0, 0), picked.stepTime(0, 1), picked.stepTime(1, 0),
                picked.stepTime(1, 1)}).as("subsets and prefixes keep the times of their steps")
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void shortTrajectoriesAreSkippedWithAWarning() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 2, 5);
        SequenceBuild build = SlidingWindowBuilder.build(data.matrix(), data.metadata(), windows(6, 1, "donor"));
        assertThat(build.dataset().sequenceCount()).isZero();
        assertThat(build.warnings()).hasSize(4).first().asString().contains("A/d0").contains("5 samples");
    }

    @Test
    void groupColumnSplitsTrajectoriesByLabelAndGroup() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 2, 6);
        SequenceDataset set = SlidingWindowBuilder.build(data.matrix(), data.metadata(), windows(6, 1, "donor"))
                .dataset();
        assertThat(set.groupIds()).containsExactly("A/d0", "A/d1", "B/d0", "B/d1");
        assertThat(set.labels()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void stableOrderForTiedTimes() {
        ExpressionMatrix m = new ExpressionMatrix(new float[] {0, 1, 2}, List.of("a", "b", "c"), List.of("g"));
        ExpressionData data = Fixtures.data(m, List.of(SampleMetadata.Column.of("time", List.of("1", "0", "1")),
                SampleMetadata.Column.of("label", List.of("x", "x", "x"))));
        SequenceDataset set = SlidingWindowBuilder.build(m, data.metadata(), windows(3, 1, null)).dataset();
        assertThat(set.sourceRows(0)).containsExactly(1, 0, 2);
    }

    /** Label "x" in two groups: g1 has two samples at time 0 and one each at 1 and 3; g2 lacks time 1. */
    private static ExpressionData pseudobulkData() {
        ExpressionMatrix m = new ExpressionMatrix(new float[] {
            1, 10,
            3, 30,
            4, 40,
            7, 70,
            2, 0,
            8, 6}, List.of("a", "b", "c", "d", "e", "f"), List.of("g0", "g1"));
        return Fixtures.data(m, List.of(
                SampleMetadata.Column.of("time", List.of("0", "0", "1", "3", "0", "3")),
                SampleMetadata.Column.of("label", List.of("x", "x", "x", "x", "x", "x")),
                SampleMetadata.Column.of("donor", List.of("g1", "g1", "g1", "g1", "g2", "g2"))));
    }

    @Test
    void timeCourseAveragesSamplesPerTimePointAndInterpolatesGaps() {
        ExpressionData data = pseudobulkData();
        SequenceBuild build = TimeCourseBuilder.build(data.matrix(), data.metadata(),
                SequenceConfig.timeCourse("time", "label", "donor"));
        SequenceDataset set = build.dataset();
        assertThat(set.sequenceCount()).isEqualTo(2);
        assertThat(set.timeSteps()).as("union of times 0, 1, 3").isEqualTo(3);
        assertThat(set.value(0, 0, 0)).as("mean of 1 and 3").isEqualTo(2f);
        assertThat(set.value(0, 1, 2)).isEqualTo(70f);
        // g2 lacks time 1: between (0, 2) and (3, 8) at a third of the way.
        assertThat(set.value(1, 0, 1)).isEqualTo(4f);
        assertThat(set.value(1, 1, 1)).isEqualTo(2f);
        assertThat(set.hasMask()).isFalse();
        assertThat(set.sourceRows(1)).containsExactly(4, 5);
        assertThat(new double[] {set.stepTime(1, 0), set.stepTime(1, 1), set.stepTime(1, 2)})
                .as("a time course's steps are the time points, interpolated ones included").containsExactly(0, 1, 3);
        assertThat(new boolean[] {set.measured(1, 0), set.measured(1, 1), set.measured(1, 2), set.measured(0, 1)})
                .as("g2's time 1 was filled in, not measured").containsExactly(true, false, true, true);
        assertThat(set.subset(new int[] {1}).prefix(2).measured(0, 1)).as("subsets and prefixes keep it").isFalse();
        assertThat(build.warnings()).hasSize(2);
        assertThat(build.warnings().get(0)).contains("x/g2").contains("interpolated");
        assertThat(build.warnings().get(1)).as("averaging is never silent")
                .startsWith("1 of 2 time courses have several samples at one time point; they were averaged")
                .contains("\"x/g1\" has up to 2 at one time point").contains("\"replicate\" column");
    }

    /** Label "x", donor g1, two pseudo-replicates at times 0 and 1, listed replicate 2 first. */
    private static ExpressionData replicateData() {
        ExpressionMatrix m = new ExpressionMatrix(new float[] {20, 21, 10, 11},
                List.of("g1|0|r2", "g1|1|r2", "g1|0|r1", "g1|1|r1"), List.of("gene"));
        return Fixtures.data(m, List.of(
                SampleMetadata.Column.of("time", List.of("0", "1", "0", "1")),
                SampleMetadata.Column.of("label", List.of("x", "x", "x", "x")),
                SampleMetadata.Column.of("donor", List.of("g1", "g1", "g1", "g1")),
                SampleMetadata.Column.of("replicate", List.of("2", "2", "1", "1"))));
    }

    @Test
    void timeCourseKeepsEachReplicateAsItsOwnSequenceUnderTheGroupsId() {
        ExpressionData data = replicateData();
        SequenceBuild build = TimeCourseBuilder.build(data.matrix(), data.metadata(),
                SequenceConfig.timeCourse("time", "label", "donor"));
        SequenceDataset set = build.dataset();
        assertThat(set.sequenceCount()).as("one per replicate, not their mean").isEqualTo(2);
        assertThat(set.groupIds()).as("the split unit stays label/group").containsExactly("x/g1", "x/g1");
        assertThat(set.sourceRows(0)).containsExactly(2, 3);
        assertThat(set.sourceRows(1)).containsExactly(0, 1);
        assertThat(set.value(0, 0, 0)).isEqualTo(10f);
        assertThat(set.value(0, 0, 1)).isEqualTo(11f);
        assertThat(set.value(1, 0, 0)).isEqualTo(20f);
        assertThat(set.value(1, 0, 1)).isEqualTo(21f);
        assertThat(build.warnings()).isEmpty();
    }

    @Test
    void slidingWindowsStepThroughReplicatesInOneTrajectory() {
        ExpressionData data = replicateData();
        SequenceDataset set = SlidingWindowBuilder.build(data.matrix(), data.metadata(), windows(4, 1, "donor"))
                .dataset();
        assertThat(set.sequenceCount()).isEqualTo(1);
        assertThat(set.sourceRows(0)).containsExactly(0, 2, 1, 3);
    }

    @Test
    void timeCourseMasksGapsWhenAsked() {
        ExpressionData data = pseudobulkData();
        SequenceConfig masked = new SequenceConfig(SequenceConfig.Builder.TIME_COURSE, 10, 1, "time", "label",
                "donor", SequenceConfig.MissingTimePoints.MASK);
        SequenceDataset set = TimeCourseBuilder.build(data.matrix(), data.metadata(), masked).dataset();
        assertThat(set.mask()).containsExactly(1, 1, 1, 1, 0, 1);
        assertThat(set.value(1, 0, 1)).isZero();
        assertThat(set.value(1, 0, 2)).isEqualTo(8f);
    }

    @Test
    void settingsAndLabelsAreChecked() {
        assertThatThrownBy(() -> windows(1, 1, null)).isInstanceOf(SequenceException.class)
                .hasMessage("window length must be at least 2; got 1");
        assertThatThrownBy(() -> windows(4, 0, null)).hasMessageContaining("stride");
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B", "C"}, 1, 4);
        assertThatThrownBy(() -> SlidingWindowBuilder.build(data.matrix(), data.metadata(), windows(2, 1, null),
                List.of("A"))).isInstanceOf(SequenceException.class).hasMessageContaining("[B, C]");
        SequenceConfig noColumn = new SequenceConfig(null, 3, 1, "time", "stage", null, null);
        assertThatThrownBy(() -> SlidingWindowBuilder.build(data.matrix(), data.metadata(), noColumn))
                .hasMessageContaining("stage");
    }
}
