package org.cardiacrnn.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.cardiacrnn.data.ExpressionData;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 2 labels × 4 donors × 20 samples, windows of 5: 16 windows per trajectory, 128 in all. */
    private static SequenceDataset windows() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 20);
        SequenceConfig config = new SequenceConfig(null, 5, 1, "time", "label", "donor", null);
        return SlidingWindowBuilder.build(data.matrix(), data.metadata(), config).dataset();
    }

    private static SplitConfig config(SplitConfig.Kind kind) {
        return SplitConfig.defaults().withKind(kind);
    }

    private static void assertPartition(SplitIndices split, int n) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, n).toArray());
    }

    private static Set<String> groups(SequenceDataset set, int[] ids) {
        Set<String> groups = new HashSet<>();
        Arrays.stream(ids).forEach(i -> groups.add(set.groupIds().get(i)));
        return groups;
    }

    @Test
    void randomSplitFollowsFractionsAndLeaksWithOverlappingWindows() {
        SequenceDataset set = windows();
        SplitIndices split = Splitter.split(set, config(SplitConfig.Kind.RANDOM));
        assertPartition(split, 128);
        assertThat(new int[] {split.train().length, split.validation().length, split.test().length})
                .containsExactly(90, 19, 19);
        LeakageReport leakage = LeakageCheck.of(set, split);
        assertThat(leakage.sharedTrainTest()).isPositive();
        assertThat(leakage.totalRows()).isEqualTo(160);
        assertThat(leakage.plainWords()).startsWith(leakage.sharedTrainTest() + " of 160 samples feed both training "
                + "and test sequences: test accuracy will be optimistic.");
        assertThat(Splitter.split(set, config(SplitConfig.Kind.RANDOM)).train()).as("seeded")
                .containsExactly(split.train());
    }

    @Test
    void stratifiedSplitKeepsLabelProportions() {
        SequenceDataset set = windows();
        SplitIndices split = Splitter.split(set, config(SplitConfig.Kind.STRATIFIED));
        assertPartition(split, 128);
        for (int[] part : List.of(split.train(), split.validation(), split.test())) {
            long a = Arrays.stream(part).filter(i -> set.label(i) == 0).count();
            assertThat(a * 2).isEqualTo(part.length);
        }
        assertThat(split.test()).hasSize(20);
    }

    @Test
    void groupedSplitNeverSharesAGroupOrASample() {
        SequenceDataset set = windows();
        SplitIndices split = Splitter.split(set, config(SplitConfig.Kind.GROUPED));
        assertPartition(split, 128);
        Set<String> train = groups(set, split.train());
        Set<String> validation = groups(set, split.validation());
        Set<String> test = groups(set, split.test());
        assertThat(train).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(test);
        assertThat(validation).doesNotContainAnyElementsOf(test);
        assertThat(List.of(train.size(), validation.size(), test.size())).containsExactly(4, 2, 2);
        assertThat(test).as("stratified over labels").anyMatch(g -> g.startsWith("A/"))
                .anyMatch(g -> g.startsWith("B/"));
        LeakageReport leakage = LeakageCheck.of(set, split);
        assertThat(leakage.clean()).isTrue();
        assertThat(leakage.plainWords()).isEqualTo("No sample is shared between splits.");
    }

    @Test
    void blockedSplitPutsTrainingFirstAndSharesNoSample() {
        SequenceDataset set = windows();
        SplitIndices split = Splitter.split(set, config(SplitConfig.Kind.BLOCKED));
        // 16 windows, two gaps of 4, leave 8: 6 train, 1 validation, 1 test per trajectory.
        assertThat(List.of(split.train().length, split.validation().length, split.test().length))
                .containsExactly(48, 8, 8);
        assertThat(split.train()).contains(0, 5).doesNotContain(6, 15);
        assertThat(split.validation()).contains(10);
        assertThat(split.test()).contains(15);
        assertThat(LeakageCheck.of(set, split).clean()).isTrue();
    }

    @Test
    void validationIsTestInThePublishedProtocol() {
        SequenceDataset set = windows();
        SplitIndices split = Splitter.split(set, new SplitConfig(SplitConfig.Kind.RANDOM, 0.8, 0, 0.2, 1, 5, true));
        assertThat(split.validation()).containsExactly(split.test());
        assertThat(split.test()).hasSize(26);
        assertThat(LeakageCheck.of(set, split).sharedValidationTest()).isZero();
    }

    @Test
    void kFoldPutsEverySequenceInExactlyOneTestFold() {
        SequenceDataset set = windows();
        for (SplitConfig.Kind kind : SplitConfig.Kind.values()) {
            List<SplitIndices> folds = Splitter.kFold(set, new SplitConfig(kind, 0.7, 0.15, 0.15, 3, 4, false));
            assertThat(folds).hasSize(4);
            int[] tested = folds.stream().flatMapToInt(f -> Arrays.stream(f.test())).sorted().toArray();
            assertThat(tested).as(kind.name()).containsExactly(IntStream.range(0, 128).toArray());
            for (SplitIndices fold : folds) {
                assertThat(fold.train()).doesNotContain(fold.test());
                if (kind == SplitConfig.Kind.GROUPED || kind == SplitConfig.Kind.BLOCKED) {
                    assertThat(LeakageCheck.of(set, fold).sharedTrainTest()).as(kind.name()).isZero();
                }
            }
        }
        assertThatThrownBy(() -> Splitter.kFold(set, new SplitConfig(SplitConfig.Kind.GROUPED, 0.7, 0.15, 0.15, 3, 9,
                false))).isInstanceOf(SequenceException.class).hasMessageContaining("number of groups (8)");
    }

    @Test
    void splitSettingsAreChecked() {
        assertThatThrownBy(() -> new SplitConfig(SplitConfig.Kind.RANDOM, 0.7, 0.2, 0.2, 1, 5, false))
                .isInstanceOf(SequenceException.class).hasMessageContaining("add up to 1");
        assertThatThrownBy(() -> new SplitConfig(SplitConfig.Kind.RANDOM, 0.7, 0.15, 0.15, 1, 1, false))
                .hasMessage("folds must be at least 2; got 1");
        assertThatThrownBy(() -> new SplitConfig(SplitConfig.Kind.RANDOM, 0.7, 0.15, 0.15, 1, 5, true))
                .hasMessageContaining("validation fraction must be 0");
    }
}
