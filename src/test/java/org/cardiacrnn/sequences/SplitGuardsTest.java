package org.cardiacrnn.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Stratified grouped splits and the guards that refuse splits which cannot answer the question. */
class SplitGuardsTest {

    private static final Path CHU = Path.of("..", "shared", "data", "chu2016-endoderm");

    /**
     * A design like a real bulk time course: {@code high + low} cell lines × 15 days, one sample per line and
     * day, the class (differentiation efficiency) constant within each line.
     */
    static ExpressionData lines(int high, int low) {
        List<String> ids = new ArrayList<>();
        List<String> day = new ArrayList<>();
        List<String> efficiency = new ArrayList<>();
        List<String> line = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int l = 0; l < high + low; l++) {
            for (int d = 0; d < 15; d++) {
                ids.add("s" + ids.size());
                day.add(Integer.toString(d));
                efficiency.add(l < high ? "high" : "low");
                line.add("line" + (l + 1));
                values.add((float) (d * (l < high ? 2 : 1) + l % 3));
                values.add((float) Math.cos(d + l));
            }
        }
        float[] matrix = new float[values.size()];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = values.get(i);
        }
        return Fixtures.data(new ExpressionMatrix(matrix, ids, List.of("g1", "g2")),
                List.of(SampleMetadata.Column.of("day", day), SampleMetadata.Column.of("efficiency", efficiency),
                        SampleMetadata.Column.of("line", line)));
    }

    private static PreparationConfig honest(long seed) {
        PreparationConfig base = PreparationConfig.leakageFree("day", "efficiency", "line");
        PreprocessingConfig pre = new PreprocessingConfig(null, null, false, null, 0, 0);
        return new PreparationConfig(pre, base.sequences().withWindow(5, 1),
                new SplitConfig(base.split().kind(), 0.7, 0.15, 0.15, seed, 5, false));
    }

    private static void assertBothClasses(SequenceDataset split, String what) {
        assertThat(split.classCounts()).as(what).hasSize(2).doesNotContain(0);
    }

    @Test
    void everySplitAndEveryFoldHoldsBothClassesAcrossSeeds() {
        ExpressionData data = lines(7, 6);
        for (long seed = 0; seed < 30; seed++) {
            PreparedData prepared = DatasetPreparation.prepare(data, honest(seed));
            assertBothClasses(prepared.train(), "training, seed " + seed);
            assertBothClasses(prepared.validation(), "validation, seed " + seed);
            assertBothClasses(prepared.test(), "test, seed " + seed);
            assertThat(prepared.train().groupIds()).doesNotContainAnyElementsOf(prepared.test().groupIds());
            assertThat(prepared.balance().plainWords()).startsWith("class counts: training high ");

            PreparationConfig folds = honest(seed);
            folds = new PreparationConfig(folds.preprocessing(), folds.sequences(), folds.split().forFolds(5));
            List<PreparedData> parts = DatasetPreparation.prepareFolds(data, folds);
            assertThat(parts).hasSize(5);
            for (int f = 0; f < parts.size(); f++) {
                assertBothClasses(parts.get(f).test(), "fold " + (f + 1) + ", seed " + seed);
                assertBothClasses(parts.get(f).train(), "fold " + (f + 1) + " training, seed " + seed);
            }
        }
    }

    @Test
    void leaveOneGroupOutTestsEachLineOnce() {
        PreparationConfig config = honest(1);
        config = new PreparationConfig(config.preprocessing(), config.sequences(),
                config.split().forFolds(SplitConfig.LEAVE_ONE_GROUP_OUT));
        List<PreparedData> folds = DatasetPreparation.prepareFolds(lines(7, 6), config);
        assertThat(folds).hasSize(13);
        List<String> tested = new ArrayList<>();
        for (PreparedData fold : folds) {
            assertThat(new java.util.HashSet<>(fold.test().groupIds())).hasSize(1);
            tested.add(fold.test().groupIds().get(0));
            assertBothClasses(fold.train(), "training without " + fold.test().groupIds().get(0));
            assertThat(fold.balance().fine()).as("a held-out line holds one class by design").isTrue();
        }
        assertThat(tested).doesNotHaveDuplicates().hasSize(13);
    }

    @Test
    void theClassColumnMayNotBeTheTimeOrGroupColumn() {
        ExpressionData data = lines(7, 6);
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, new PreparationConfig(null,
                SequenceConfig.slidingWindows("day", "day", "line").withWindow(5, 1), null)))
                .isInstanceOf(SequenceException.class).hasMessageStartingWith("the class column \"day\" is also the "
                        + "time column");
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, new PreparationConfig(null,
                SequenceConfig.slidingWindows("day", "line", "line").withWindow(5, 1), null)))
                .isInstanceOf(SequenceException.class).hasMessageStartingWith("the class column \"line\" is also the "
                        + "group column");
    }

    @Test
    void groupsThatCoincideWithClassesAreRefused() {
        // Lines as the class, without a group column: each trajectory is one class and one group.
        ExpressionData data = lines(7, 6);
        PreparationConfig config = new PreparationConfig(null,
                SequenceConfig.slidingWindows("day", "line", null).withWindow(5, 1), SplitConfig.defaults());
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, config)).isInstanceOf(SequenceException.class)
                .hasMessageStartingWith("groups and classes coincide: each of the 13 groups holds one class");
    }

    @Test
    void aClassWithTooFewGroupsIsRefusedOrWarnedInWords() {
        ExpressionData data = lines(11, 2);
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, honest(3))).isInstanceOf(SequenceException.class)
                .hasMessageStartingWith("class \"low\" has 2 group(s), but the split needs one group in each of "
                        + "the 3 splits");
        PreparationConfig insisting = honest(3);
        insisting = new PreparationConfig(insisting.preprocessing(), insisting.sequences(),
                insisting.split().allowingMissingClasses(true));
        PreparedData prepared = DatasetPreparation.prepare(data, insisting);
        String words = String.join(" | ", prepared.warnings());
        assertThat(words).contains("class \"low\" has 2 group(s)");
        assertThat(prepared.warnings()).anyMatch(w -> w.matches("the (validation|test) split holds only class "
                + "high: AUC cannot be computed"));
        assertThat(prepared.splitsFine()).isFalse();
    }

    @Test
    void anOffBalanceSplitIsWarnedAboutNotRefused() {
        ExpressionData data = lines(7, 6);
        SequenceDataset windows = SlidingWindowBuilder.build(data.matrix(), data.metadata(),
                SequenceConfig.slidingWindows("day", "efficiency", "line").withWindow(5, 1)).dataset();
        // 11 windows per line; lines 1-7 are high. Test: three high lines and one low line (75 % against 54 %).
        int[] test = java.util.stream.IntStream.range(0, 11 * 13)
                .filter(i -> i / 11 < 3 || i / 11 == 12).toArray();
        int[] train = java.util.stream.IntStream.range(0, 11 * 13).filter(i -> i / 11 >= 3 && i / 11 < 12).toArray();
        SplitBalance balance = SplitGuards.balance(windows, new SplitIndices(train, test, test, true),
                SplitConfig.defaults(), false);
        assertThat(balance.warnings()).containsExactly("the test split is 75% class high against 54% overall: its "
                + "scores reflect that imbalance");
        assertThat(balance.counts().get(1)).containsExactly(33, 11);
        assertThat(balance.plainWords()).isEqualTo("class counts: training high 44, low 55; test high 33, low 11");

        int[] evenTest = java.util.stream.IntStream.range(0, 11 * 13).filter(i -> i / 11 == 0 || i / 11 == 12)
                .toArray();
        int[] evenTrain = java.util.stream.IntStream.range(0, 11 * 13).filter(i -> i / 11 > 0 && i / 11 < 12)
                .toArray();
        assertThat(SplitGuards.balance(windows, new SplitIndices(evenTrain, evenTest, evenTest, true),
                SplitConfig.defaults(), false).fine()).isTrue();
    }

    @Test
    void chu2016WithHoursAsTheClassAndWholeGroupsIsRefused() {
        Assumptions.assumeTrue(Files.isDirectory(CHU), "Chu 2016 data not found at " + CHU.toAbsolutePath()
                + "; this test needs the shared data folder");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(CHU.resolve("data.txt"))
                .geneNames(CHU.resolve("tf.txt")).annotations(CHU.resolve("time.txt"), List.of("hours", "pseudotime"))
                .build());
        PreparationConfig config = new PreparationConfig(PreprocessingConfig.defaults(),
                SequenceConfig.slidingWindows("pseudotime", "hours", null), SplitConfig.defaults());
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, config)).isInstanceOf(SequenceException.class)
                .hasMessageStartingWith("groups and classes coincide: each of the 6 groups holds one class");
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, new PreparationConfig(null,
                SequenceConfig.slidingWindows("hours", "hours", null), null)))
                .hasMessageContaining("is also the time column");
    }
}
