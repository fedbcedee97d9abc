package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.RunSummary;
import org.cardiacrnn.sequences.PreparationConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on the bundled sample data with a tiny network, so each trial takes a second or two. */
class SweepRunnerTest {

    private static final LoadRequest REQUEST = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
    private static ExpressionData data;
    private static PreparationConfig preparation;

    @TempDir
    Path workspace;

    @BeforeAll
    static void load() {
        data = ExpressionLoader.load(REQUEST);
        PreparationConfig honest = PreparationConfig.leakageFree("day", "trajectory", "donor");
        PreprocessingConfig pre = honest.preprocessing();
        preparation = new PreparationConfig(new PreprocessingConfig(pre.missingValues(), pre.libraryNormalisation(),
                pre.log1p(), pre.scaling(), pre.clipZ(), 200), honest.sequences(), honest.split());
    }

    private static SweepSpec spec(SweepSpec.Strategy strategy, int folds, SweepSpec.MedianStopping stopping,
                                  ParameterSpace... parameters) {
        return new SweepSpec("tiny", "quick", Map.of("epochs", "2", "hiddenUnits", "8", "denseUnits", "8"),
                List.of(parameters), strategy, 2, 5, Objective.VALIDATION_ACCURACY, folds, stopping);
    }

    private SweepRunner runner() {
        return new SweepRunner(new RunStore(workspace), new SweepStore(workspace));
    }

    @Test
    void aGridSweepRunsEveryTrialAsARunFolderAndRanksThem() {
        SweepRunner runner = runner();
        SweepFolder folder = runner.create(spec(SweepSpec.Strategy.GRID, 1, null,
                ParameterSpace.of("learningRate", "0.0001", "0.01")), DataSpec.of(REQUEST), preparation, data);
        List<SweepEvent> events = new ArrayList<>();

        List<Trial> ranked = runner.run(folder, data, events::add, new SweepControl());

        assertThat(ranked).hasSize(2).allMatch(t -> t.state() == Trial.TrialState.FINISHED);
        assertThat(ranked.get(0).objective()).isGreaterThanOrEqualTo(ranked.get(1).objective());
        assertThat(folder.trials()).extracting(Trial::number).containsExactly(1, 2);
        List<RunSummary> runs = new RunStore(workspace).list();
        assertThat(runs).hasSize(2).allMatch(run -> run.state() == RunState.FINISHED);
        for (Trial trial : ranked) {
            assertThat(trial.runIds()).hasSize(1);
            assertThat(trial.epochs()).isEqualTo(2);
            assertThat(trial.curves()).singleElement().satisfies(curve -> assertThat(curve).hasSize(2));
            RunSummary run = runs.stream().filter(r -> r.id().equals(trial.runIds().get(0))).findFirst()
                    .orElseThrow();
            assertThat(run.bestValidationAccuracy()).isEqualTo(trial.objective());
            assertThat(run.name()).isEqualTo("tiny trial " + trial.number());
        }
        assertThat(events).filteredOn(SweepEvent.TrialEnded.class::isInstance).hasSize(2);
        assertThat(events).filteredOn(SweepEvent.Training.class::isInstance).isNotEmpty();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(SweepEvent.Finished.class,
                finished -> assertThat(finished.stopped()).isFalse());
        assertThat(new SweepStore(workspace).list()).singleElement().satisfies(summary -> {
            assertThat(summary.done()).isEqualTo(2);
            assertThat(summary.unfinished()).isFalse();
            assertThat(summary.best()).isEqualTo(ranked.get(0).objective());
        });
    }

    @Test
    void aStoppedSweepResumesWithOnlyTheTrialsNotYetDone() {
        SweepRunner runner = runner();
        SweepFolder folder = runner.create(spec(SweepSpec.Strategy.RANDOM, 1, null,
                ParameterSpace.range("dropout", 0.0, 0.4, null, ParameterSpace.Scale.LINEAR)), DataSpec.of(REQUEST),
                preparation, data);
        SweepControl control = new SweepControl();
        List<Trial> first = runner.run(folder, data, event -> {
            if (event instanceof SweepEvent.TrialEnded) {
                control.stop();
            }
        }, control);
        assertThat(first).extracting(Trial::state).containsExactly(Trial.TrialState.FINISHED,
                Trial.TrialState.PENDING);
        Trial done = folder.trials().get(0);

        // A new session (after a restart) opens the folder from disk and goes on.
        SweepFolder reopened = new SweepStore(workspace).open(folder.id());
        List<Integer> started = new ArrayList<>();
        List<Trial> resumed = runner().run(reopened, data, event -> {
            if (event instanceof SweepEvent.TrialStarted trialStarted) {
                started.add(trialStarted.trial().number());
            }
        }, new SweepControl());

        assertThat(started).containsExactly(2);
        assertThat(resumed).allMatch(t -> t.state() == Trial.TrialState.FINISHED);
        assertThat(reopened.trials().get(0)).isEqualTo(done);
        assertThat(reopened.trials().get(1).values()).isEqualTo(new SweepPlanner(folder.definition().spec()).plan()
                .get(1).values());
    }

    @Test
    void stoppingInTheMiddleOfATrialPutsItBackInLineAndKeepsItsRunAsStopped() {
        SweepRunner runner = runner();
        SweepFolder folder = runner.create(spec(SweepSpec.Strategy.GRID, 1, null,
                ParameterSpace.of("dropout", "0.0", "0.2")), DataSpec.of(REQUEST), preparation, data);
        SweepControl control = new SweepControl();
        List<Trial> stopped = runner.run(folder, data, event -> {
            if (event instanceof SweepEvent.Training training
                    && training.event() instanceof org.cardiacrnn.training.TrainingEvent.Iteration) {
                control.stop();
            }
        }, control);

        assertThat(stopped).extracting(Trial::state).containsOnly(Trial.TrialState.PENDING);
        assertThat(new RunStore(workspace).list()).singleElement()
                .satisfies(run -> assertThat(run.state()).isEqualTo(RunState.STOPPED));

        List<Trial> resumed = runner().run(new SweepStore(workspace).open(folder.id()), data, event -> { },
                new SweepControl());
        assertThat(resumed).extracting(Trial::state).containsOnly(Trial.TrialState.FINISHED);
        assertThat(new RunStore(workspace).list()).hasSize(3);
    }

    @Test
    void aTrialCutOffMidwayStartsAgainAndCrossValidationAveragesFolds() {
        SweepRunner runner = runner();
        SweepFolder folder = runner.create(spec(SweepSpec.Strategy.GRID, 2, null,
                ParameterSpace.of("pooling", "MEAN")), DataSpec.of(REQUEST), preparation, data);
        // What a crash leaves: the trial marked running, pointing at a run that never finished.
        Trial planned = folder.trials().get(0);
        folder.update(new Trial(1, planned.values(), Trial.TrialState.RUNNING, List.of("gone"), null,
                List.of(List.of(0.1)), 1, 1, null));

        List<Trial> ranked = runner.run(folder, data, event -> { }, new SweepControl());

        Trial trial = ranked.get(0);
        assertThat(trial.state()).isEqualTo(Trial.TrialState.FINISHED);
        assertThat(trial.runIds()).hasSize(2).doesNotContain("gone");
        assertThat(trial.curves()).hasSize(2);
        assertThat(trial.epochs()).isEqualTo(4);
        List<RunSummary> runs = new RunStore(workspace).list();
        double meanOfFolds = runs.stream().mapToDouble(RunSummary::bestValidationAccuracy).average().orElseThrow();
        assertThat(trial.objective()).isCloseTo(meanOfFolds, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(runs).extracting(RunSummary::name).containsExactlyInAnyOrder("tiny trial 1 fold 1",
                "tiny trial 1 fold 2");
    }

    @Test
    void theMedianRuleStopsATrialThatLearnsNothing() {
        SweepRunner runner = runner();
        SweepSpec base = spec(SweepSpec.Strategy.GRID, 1, new SweepSpec.MedianStopping(1),
                ParameterSpace.of("learningRate", "0.01", "0.000001"));
        SweepSpec spec = new SweepSpec(base.name(), base.basePreset(), Map.of("epochs", "3", "hiddenUnits", "8",
                "denseUnits", "8", "minLearningRate", "0"), base.parameters(), base.strategy(), 2, 5,
                base.objective(), 1, base.medianStopping());
        SweepFolder folder = runner.create(spec, DataSpec.of(REQUEST), preparation, data);

        List<Trial> trials = runner.run(folder, data, event -> { }, new SweepControl());

        Trial slow = trials.stream().filter(t -> t.number() == 2).findFirst().orElseThrow();
        assertThat(slow.state()).isEqualTo(Trial.TrialState.PRUNED);
        assertThat(slow.epochs()).isLessThan(3);
        assertThat(slow.message()).contains("median rule");
        assertThat(trials.get(0).number()).isEqualTo(1);
    }

    @Test
    void chu2016HoursAreSweptOnMacroF1WithBlockedSplits() {
        Path chu = Path.of("..", "shared", "data", "chu2016-endoderm");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(chu), "Chu 2016 data not "
                + "found at " + chu.toAbsolutePath() + "; this test needs the shared data folder");
        LoadRequest request = LoadRequest.builder(chu.resolve("data.txt")).geneNames(chu.resolve("tf.txt"))
                .annotations(chu.resolve("time.txt"), List.of("hours", "pseudotime")).build();
        PreparationConfig blocked = new PreparationConfig(PreprocessingConfig.defaults(),
                org.cardiacrnn.sequences.SequenceConfig.slidingWindows("pseudotime", "hours", null),
                org.cardiacrnn.sequences.SplitConfig.defaults().withKind(
                        org.cardiacrnn.sequences.SplitConfig.Kind.BLOCKED));
        SweepSpec spec = new SweepSpec("chu", "quick", Map.of("epochs", "2", "hiddenUnits", "8"),
                List.of(ParameterSpace.of("dropout", "0.0", "0.3")), SweepSpec.Strategy.GRID, 0, 1,
                Objective.VALIDATION_MACRO_F1, 1, null);
        SweepRunner runner = runner();
        ExpressionData chuData = ExpressionLoader.load(request);
        SweepFolder folder = runner.create(spec, DataSpec.of(request), blocked, chuData);

        List<Trial> ranked = runner.run(folder, chuData, event -> { }, new SweepControl());

        assertThat(ranked).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.state()).as(trial.message()).isEqualTo(Trial.TrialState.FINISHED);
            assertThat(trial.objective()).isBetween(0.0, 1.0);
        });
        assertThat(ranked.get(0).objective()).isGreaterThanOrEqualTo(ranked.get(1).objective());
    }
}
