package org.cardiacrnn.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.evaluation.Evaluator;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    @TempDir
    Path workspace;

    private RunFolder finishedRun(RunStore store, String name) {
        RunFolder run = store.create(name, "quick", Map.of("layers", "1"));
        run.appendMetrics(new EpochMetrics(1, 1.0, 0.5, 1.2, 0.4, 1e-3, 1.5));
        run.appendMetrics(new EpochMetrics(2, 0.8, 0.6, 1.0, 0.55, 1e-3, 1.4));
        run.writeEvaluation(Evaluator.fromPredictions(new int[] {0, 1}, new float[][] {{0.9f, 0.1f}, {0.4f, 0.6f}},
                List.of("a", "b")));
        run.recordAccuracies(0.55, 1.0);
        run.finish(RunState.FINISHED, "done");
        return run;
    }

    @Test
    void listsOpensComparesAndDeletesRuns() {
        RunStore store = new RunStore(workspace);
        finishedRun(store, "first");
        finishedRun(store, "second");
        WorkbenchSession session = new WorkbenchSession();
        RunsViewModel viewModel = new RunsViewModel(session, new CurrentThreadTaskExecutor(), store);

        viewModel.refresh();
        assertThat(viewModel.runs()).extracting(r -> r.name()).containsExactlyInAnyOrder("first", "second");

        viewModel.open(viewModel.runs().get(0));
        assertThat(session.currentRunProperty().get().report().accuracy()).isEqualTo(1.0);
        assertThat(session.currentRunProperty().get().epochs()).hasSize(2);

        viewModel.compare(viewModel.runs());
        RunsViewModel.Overlay overlay = viewModel.overlayProperty().get();
        assertThat(overlay.validationLoss()).hasSize(2);
        assertThat(overlay.validationAccuracy().get(0).values()).containsExactly(0.4, 0.55);

        viewModel.delete(viewModel.runs().get(0));
        assertThat(viewModel.runs()).hasSize(1);
        assertThat(store.list()).hasSize(1);
        assertThat(viewModel.errorProperty().get()).isNull();
    }

    @Test
    void openingAMissingRunReportsAnError() {
        RunStore store = new RunStore(workspace);
        RunFolder run = finishedRun(store, "gone");
        RunsViewModel viewModel = new RunsViewModel(new WorkbenchSession(), new CurrentThreadTaskExecutor(), store);
        viewModel.refresh();
        store.delete(run.id());
        viewModel.open(viewModel.runs().get(0));
        assertThat(viewModel.errorProperty().get()).isNotNull();
        assertThat(viewModel.errorProperty().get().title()).contains("gone");
    }

    @Test
    void useSettingsSendsARunsHyperparametersToTheEditor() {
        RunStore store = new RunStore(workspace);
        RunFolder run = finishedRun(store, "tuned");
        Hyperparameters tuned = Hyperparameters.quick().withOverride("dropout", "0.35");
        run.writeConfig(new RunConfig("tuned", "custom", null, null, tuned), null);
        WorkbenchSession session = new WorkbenchSession();
        RunsViewModel viewModel = new RunsViewModel(session, new CurrentThreadTaskExecutor(), store);
        viewModel.refresh();

        viewModel.useSettings(viewModel.runs().get(0));

        assertThat(session.hyperparametersProperty().get()).isEqualTo(tuned);
        assertThat(session.presetNameProperty().get()).as("an unknown preset falls back to a real one")
                .isEqualTo("methodology");
    }

    @Test
    void aReopenedRunGetsItsTestSequencesBackSoCellsCanListThem() {
        RunStore store = new RunStore(workspace);
        LoadRequest request = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
        ExpressionData data = ExpressionLoader.load(request);
        PreparationConfig preparation = PreparationConfig.leakageFree("day", "trajectory", "donor");
        Hyperparameters hp = Hyperparameters.quick().withOverride("epochs", "1").withOverride("hiddenUnits", "8");
        new RunLauncher(store).run(new RunConfig("reopen", "quick", DataSpec.of(request), preparation, hp), data,
                event -> { }, new TrainingControl(), false);
        // A later session, before any data are loaded: the run's own files are read again.
        WorkbenchSession session = new WorkbenchSession();
        RunsViewModel viewModel = new RunsViewModel(session, new CurrentThreadTaskExecutor(), store);
        viewModel.refresh();

        viewModel.open(viewModel.runs().get(0));

        var opened = session.currentRunProperty().get();
        assertThat(opened.testSet()).isNotNull();
        assertThat(opened.testSet().sequenceCount()).isEqualTo(opened.report().sampleCount());
    }

    @Test
    void anInterruptedRunIsEvaluatedAtItsBestCheckpointAndResumedToTheEnd() throws Exception {
        RunStore store = new RunStore(workspace);
        LoadRequest request = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
        ExpressionData data = ExpressionLoader.load(request);
        Hyperparameters hp = Hyperparameters.quick().withOverride("epochs", "3").withOverride("hiddenUnits", "8")
                .withOverride("denseUnits", "8").withOverride("earlyStoppingPatience", "0");
        PreparationConfig preparation = PreparationConfig.leakageFree("day", "trajectory", "donor");
        TrainingControl control = new TrainingControl();
        RunLauncher.CompletedRun stopped = new RunLauncher(store).run(new RunConfig("cut short", "quick",
                DataSpec.of(request), preparation, hp), data, event -> {
                    if (event instanceof org.cardiacrnn.training.TrainingEvent.Epoch) {
                        control.stop();
                    }
                }, control, false);
        // As if the process had been killed before it saved a model: only its checkpoints remain.
        java.nio.file.Files.delete(stopped.folder().modelFile());
        WorkbenchSession session = new WorkbenchSession();
        RunsViewModel viewModel = new RunsViewModel(session, new CurrentThreadTaskExecutor(), store);
        viewModel.refresh();
        var summary = viewModel.runs().get(0);
        assertThat(RunsViewModel.isUnfinished(summary)).isTrue();

        viewModel.evaluateBestSoFar(summary);

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(session.currentRunProperty().get().name()).isEqualTo("cut short (best so far)");
        assertThat(session.currentRunProperty().get().report().sampleCount())
                .isEqualTo(session.currentRunProperty().get().testSet().sequenceCount());
        assertThat(viewModel.noticeProperty().get()).contains("best checkpoint");

        viewModel.resume(summary);

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(session.currentRunProperty().get().epochs()).hasSize(3);
        assertThat(viewModel.runs().get(0).state()).isEqualTo(RunState.FINISHED);
        assertThat(RunsViewModel.isUnfinished(viewModel.runs().get(0))).isFalse();
        assertThat(viewModel.noticeProperty().get()).contains("resumed");
    }
}
