package org.cardiacrnn.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DatasetPreparationTest {

    private static final Path CHU = Path.of("..", "shared", "data", "chu2016-endoderm");

    private static PreparationConfig withWindow(PreparationConfig config, int length) {
        return new PreparationConfig(config.preprocessing(), config.sequences().withWindow(length, 1), config.split());
    }

    @Test
    void methodologyLeaksAndSaysSo() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 1, 30);
        PreparedData prepared = DatasetPreparation.prepare(data, PreparationConfig.methodology("time", "label"));
        assertThat(prepared.train().sequenceCount() + prepared.test().sequenceCount()).isEqualTo(2 * 21);
        assertThat(prepared.test().sequenceCount()).isEqualTo(8);
        assertThat(prepared.validationIsTest()).isTrue();
        assertThat(prepared.validation()).isSameAs(prepared.test());
        assertThat(prepared.leakage().sharedTrainTest()).isPositive();
        assertThat(prepared.warnings()).contains(prepared.leakage().plainWords());
        assertThat(prepared.classNames()).containsExactly("A", "B");
    }

    @Test
    void leakageFreeProtocolKeepsDonorsApart() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 12);
        PreparedData prepared = DatasetPreparation.prepare(data,
                withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 4));
        assertThat(prepared.leakage().clean()).isTrue();
        assertThat(prepared.validationIsTest()).isFalse();
        assertThat(prepared.train().groupIds()).doesNotContainAnyElementsOf(prepared.test().groupIds())
                .doesNotContainAnyElementsOf(prepared.validation().groupIds());
        assertThat(prepared.train().sequenceCount() + prepared.validation().sequenceCount()
                + prepared.test().sequenceCount()).isEqualTo(8 * 9);
    }

    @Test
    void fourDonorsCannotBeSharedSeventyFifteenFifteenAndTheNoteSaysSoFirst() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 12);
        PreparationConfig config = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 4);
        assertThat(config.split().trainFraction()).isEqualTo(0.7);
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        assertThat(prepared.warnings().get(0)).contains("whole replicates", "4 of them", "70/15/15 %",
                "hold 2, 1 and 1", "50/25/25 %");

        ExpressionData many = Fixtures.trajectories(new String[] {"A", "B"}, 20, 12);
        assertThat(DatasetPreparation.prepare(many, config).warnings()).as("14/3/3 donors are 70/15/15 %")
                .noneMatch(w -> w.contains("cannot be shared"));
    }

    @Test
    void groupedFallsBackToBlocksWithFewerThanThreeGroups() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 1, 40);
        PreparationConfig config = new PreparationConfig(null, SequenceConfig.slidingWindows("time", "label", null),
                SplitConfig.defaults());
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        assertThat(prepared.warnings()).anyMatch(w -> w.contains("BLOCKED"));
        assertThat(prepared.leakage().clean()).isTrue();
        assertThat(prepared.test().sequenceCount()).isPositive();
    }

    @Test
    void preprocessingIsFittedOnTrainingSamplesOnly() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 12);
        PreparationConfig config = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 4);
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        TreeSet<Integer> trainRows = new TreeSet<>();
        for (int s = 0; s < prepared.train().sequenceCount(); s++) {
            Arrays.stream(prepared.train().sourceRows(s)).forEach(trainRows::add);
        }
        double mean = trainRows.stream().mapToDouble(r -> r).average().orElseThrow();
        int rowGene = prepared.preprocessing().genes().indexOf("row");
        assertThat(prepared.preprocessing().center()[rowGene]).isCloseTo(mean, within(1e-6));
        // Changing every sample outside training must leave the fitted statistics as they were.
        ExpressionMatrix m = data.matrix();
        float[] changed = m.values().clone();
        for (int r = 0; r < m.sampleCount(); r++) {
            if (!trainRows.contains(r)) {
                for (int g = 0; g < m.geneCount(); g++) {
                    changed[r * m.geneCount() + g] *= 1000;
                }
            }
        }
        ExpressionData other = new ExpressionData(new ExpressionMatrix(changed, m.sampleIds(), m.geneNames()),
                data.metadata(), data.report());
        PreparedData again = DatasetPreparation.prepare(other, config);
        assertThat(again.preprocessing().center()).containsExactly(prepared.preprocessing().center());
        assertThat(again.preprocessing().scale()).containsExactly(prepared.preprocessing().scale());
        assertThat(again.train().features()).containsExactly(prepared.train().features());
        assertThat(again.test().features()).isNotEqualTo(prepared.test().features());
    }

    @Test
    void missingValuesAreInterpolatedAlongTimeBeforeScaling() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 12);
        ExpressionMatrix m = data.matrix();
        float[] values = m.values().clone();
        // Row 5 is time 6 of trajectory A/d0; its neighbours in time are rows 4 and 6.
        values[5 * m.geneCount() + 1] = Float.NaN;
        ExpressionData gappy = new ExpressionData(new ExpressionMatrix(values, m.sampleIds(), m.geneNames()),
                data.metadata(), data.report());
        PreparationConfig config = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 4);
        PreparedData prepared = DatasetPreparation.prepare(gappy, config);
        PreparedData complete = DatasetPreparation.prepare(data, config);
        assertThat(prepared.train().features()).containsExactly(complete.train().features());
        assertThat(prepared.test().features()).doesNotContain(Float.NaN);
    }

    @Test
    void timeCoursesGoThroughTheSamePreparation() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 5, 6);
        PreparationConfig config = new PreparationConfig(null, SequenceConfig.timeCourse("time", "label", "donor"),
                SplitConfig.defaults());
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        assertThat(prepared.train().timeSteps()).isEqualTo(6);
        assertThat(prepared.train().sequenceCount() + prepared.validation().sequenceCount()
                + prepared.test().sequenceCount()).isEqualTo(10);
        assertThat(prepared.leakage().clean()).isTrue();
    }

    @Test
    void pseudoReplicatesAreSeparateTimeCoursesThatAGroupedSplitKeepsTogether() {
        ExpressionData base = Fixtures.trajectories(new String[] {"A", "B"}, 20, 12);
        // Each donor's 12 samples become 4 replicates of 3 time points, as pseudobulk with --replicates 4 writes.
        List<String> times = base.metadata().column("time").values().stream()
                .map(t -> Integer.toString(Integer.parseInt(t) % 3)).toList();
        List<String> replicates = base.metadata().column("time").values().stream()
                .map(t -> Integer.toString(Integer.parseInt(t) / 3 + 1)).toList();
        ExpressionData data = Fixtures.data(base.matrix(), List.of(SampleMetadata.Column.of("time", times),
                base.metadata().column("label"), base.metadata().column("donor"),
                SampleMetadata.Column.of("replicate", replicates)));
        PreparationConfig config = new PreparationConfig(null, SequenceConfig.timeCourse("time", "label", "donor"),
                SplitConfig.defaults());
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        assertThat(prepared.train().timeSteps()).isEqualTo(3);
        assertThat(prepared.train().sequenceCount() + prepared.validation().sequenceCount()
                + prepared.test().sequenceCount()).as("2 labels × 20 donors × 4 replicates").isEqualTo(160);
        assertThat(prepared.warnings()).noneMatch(w -> w.contains("averaged"));
        TreeSet<String> trainDonors = donors(prepared.train());
        assertThat(trainDonors).doesNotContainAnyElementsOf(donors(prepared.test()))
                .doesNotContainAnyElementsOf(donors(prepared.validation()));
        assertThat(donors(prepared.test())).isNotEmpty();
        assertThat(prepared.leakage().clean()).isTrue();
    }

    private static TreeSet<String> donors(SequenceDataset set) {
        TreeSet<String> donors = new TreeSet<>();
        set.groupIds().forEach(id -> donors.add(id.substring(id.lastIndexOf('/') + 1)));
        return donors;
    }

    @Test
    void foldsEachFitTheirOwnPreprocessing() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 4, 8);
        PreparationConfig honest = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 4);
        // Four groups per label: four folds, so every fold tests both labels.
        PreparationConfig config = new PreparationConfig(honest.preprocessing(), honest.sequences(),
                honest.split().forFolds(4));
        List<PreparedData> folds = DatasetPreparation.prepareFolds(data, config);
        assertThat(folds).hasSize(4);
        assertThat(folds.stream().mapToInt(f -> f.test().sequenceCount()).sum()).isEqualTo(8 * 5);
        assertThat(folds).allMatch(f -> f.leakage().sharedTrainTest() == 0);
        assertThat(folds.get(0).preprocessing().center()).isNotEqualTo(folds.get(1).preprocessing().center());
    }

    @Test
    void newDataIsPreprocessedAsInTrainingAndChecksLabels() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 2, 6);
        PreparationConfig honest = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 3);
        // Two donors cannot give every split both labels; this test is about new data, so it insists.
        PreparationConfig config = new PreparationConfig(honest.preprocessing(), honest.sequences(),
                honest.split().allowingMissingClasses(true));
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        NewDataSequences labelled = DatasetPreparation.sequencesForNewData(data, prepared.preprocessing(),
                config.sequences(), prepared.classNames());
        assertThat(labelled.labelled()).isTrue();
        assertThat(labelled.dataset().sequenceCount()).isEqualTo(16);
        assertThat(labelled.dataset().subset(prepared.split().test()).features())
                .containsExactly(prepared.test().features());

        ExpressionData unknown = Fixtures.trajectories(new String[] {"A", "Z"}, 1, 6);
        assertThatThrownBy(() -> DatasetPreparation.sequencesForNewData(unknown, prepared.preprocessing(),
                config.sequences(), prepared.classNames())).isInstanceOf(SequenceException.class)
                .hasMessageContaining("[Z]");

        SequenceConfig noLabel = new SequenceConfig(null, 3, 1, "time", null, null, null);
        SampleMetadata metadata = new SampleMetadata(data.matrix().sampleIds(),
                List.of(data.metadata().column("time")));
        NewDataSequences blind = DatasetPreparation.sequencesForNewData(
                new ExpressionData(data.matrix(), metadata, data.report()), prepared.preprocessing(), noLabel,
                prepared.classNames());
        assertThat(blind.labelled()).isFalse();
        assertThat(blind.dataset().labels()).containsOnly(0);
        assertThat(blind.dataset().classNames()).containsExactly("A", "B");
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, new PreparationConfig(null, noLabel, null)))
                .isInstanceOf(SequenceException.class).hasMessageContaining("label column");
    }

    @Test
    void preparationConfigRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (PreparationConfig config : List.of(PreparationConfig.methodology("hours", "lineage"),
                PreparationConfig.leakageFree("pseudotime", "hours", "donor"),
                new PreparationConfig(new PreprocessingConfig(PreprocessingConfig.MissingValues.DROP_GENES,
                        PreprocessingConfig.LibraryNormalisation.CPM, true, PreprocessingConfig.Scaling.MIN_MAX, 0, 50),
                        SequenceConfig.timeCourse("t", "l", null), SplitConfig.defaults()))) {
            String text = json.writeValueAsString(config);
            assertThat(json.readValue(text, PreparationConfig.class)).isEqualTo(config);
        }
    }

    @Test
    void aWindowLongerThanEveryTrajectoryOfAClassIsRefusedWithTheLongestItHas() {
        ExpressionData data = Fixtures.trajectories(new String[] {"A", "B"}, 2, 6);
        PreparationConfig methodology = PreparationConfig.methodology("time", "label");
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, withWindow(methodology, 13)))
                .isInstanceOf(SequenceException.class)
                .hasMessage("class \"A\" is too short for a window of 13 samples: it has 12 sample(s) at 6 time "
                        + "point(s), so a window would have to repeat or invent time points; lower --window to 12 or "
                        + "use --builder time-course");
        PreparationConfig fits = withWindow(methodology, 12);
        Trajectories trajectories = Trajectories.of(data.metadata(), fits.sequences(), null);
        PreparationChecks.requireTrainable(data.matrix(), trajectories, fits);
        assertThat(SlidingWindowBuilder.build(data.matrix(), trajectories, fits.sequences()).dataset()
                .sequenceCount()).isEqualTo(2);
        PreparationConfig byDonor = withWindow(PreparationConfig.leakageFree("time", "label", "donor"), 7);
        assertThatThrownBy(() -> DatasetPreparation.prepare(data, byDonor))
                .hasMessageStartingWith("class \"A\" is too short for a window of 7 samples: its longest trajectory, "
                        + "\"A/d0\", has 6 sample(s) at 6 time point(s)");
    }

    @Test
    void samplesSharingATimePointFillAWindowLongerThanTheTimePoints() {
        // As in the bundled data (5 days, 10 samples per donor, class and day, windows of 10): windows step through
        // samples in time order, so two time points with five replicates each fill a window of ten.
        ExpressionData distinct = Fixtures.trajectories(new String[] {"A", "B"}, 1, 10);
        List<String> twoDays = distinct.metadata().column("time").values().stream()
                .map(t -> Integer.parseInt(t) < 5 ? "0" : "1").toList();
        ExpressionData replicates = Fixtures.data(distinct.matrix(), List.of(SampleMetadata.Column.of("time", twoDays),
                distinct.metadata().column("label")));
        PreparationConfig config = withWindow(PreparationConfig.methodology("time", "label"), 10);
        Trajectories trajectories = Trajectories.of(replicates.metadata(), config.sequences(), null);
        PreparationChecks.requireTrainable(replicates.matrix(), trajectories, config);
        assertThat(SlidingWindowBuilder.build(replicates.matrix(), trajectories, config.sequences()).dataset()
                .sequenceCount()).isEqualTo(2);
    }

    @Test
    void chu2016WindowsAlongPseudotimeWithinEachHourWithoutLeakage() {
        Assumptions.assumeTrue(Files.isDirectory(CHU), "Chu 2016 data not found at " + CHU.toAbsolutePath()
                + "; this test needs the shared data folder");
        ExpressionData data = ExpressionLoader.load(LoadRequest.builder(CHU.resolve("data.txt"))
                .geneNames(CHU.resolve("tf.txt")).annotations(CHU.resolve("time.txt"), List.of("hours", "pseudotime"))
                .build());
        PreparationConfig config = new PreparationConfig(PreprocessingConfig.defaults(),
                SequenceConfig.slidingWindows("pseudotime", "hours", null),
                SplitConfig.defaults().withKind(SplitConfig.Kind.BLOCKED));
        PreparedData prepared = DatasetPreparation.prepare(data, config);
        assertThat(prepared.classNames()).containsExactly("0", "12", "24", "36", "72", "96");
        int total = prepared.train().sequenceCount() + prepared.validation().sequenceCount()
                + prepared.test().sequenceCount();
        // 758 cells in 6 hours; each hour loses 9 windows to the window length and 18 to the two gaps.
        assertThat(total).isEqualTo(758 - 6 * 9 - 6 * 18);
        assertThat(prepared.train().featureCount()).isEqualTo(100);
        assertThat(prepared.train().timeSteps()).isEqualTo(10);
        assertThat(prepared.test().classCounts()).hasSize(6).doesNotContain(0);
        assertThat(prepared.leakage().clean()).as(prepared.leakage().plainWords()).isTrue();
        assertThat(prepared.leakage().totalRows()).isEqualTo(758);
    }
}
