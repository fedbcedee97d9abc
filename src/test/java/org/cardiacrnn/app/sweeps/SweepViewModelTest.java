package org.cardiacrnn.app.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sweeps.SweepSpec;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.sweeps.Trial;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class SweepViewModelTest {

    @TempDir
    Path home;

    private WorkbenchSession session;
    private SweepViewModel viewModel;

    @BeforeEach
    void setUp() {
        session = new WorkbenchSession();
        LoadRequest request = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
        session.useDataset("sample", ExpressionLoader.load(request), request);
        session.hyperparametersProperty().set(Hyperparameters.quick().withOverride("epochs", "2")
                .withOverride("hiddenUnits", "8").withOverride("denseUnits", "8"));
        viewModel = new SweepViewModel(session, new CurrentThreadTaskExecutor(), new RunStore(home),
                new SweepStore(home));
        viewModel.parameters().clear();
        viewModel.addParameter();
        viewModel.parameters().get(0).keyProperty().set("dropout");
        viewModel.parameters().get(0).valuesProperty().set("0.0, 0.3");
        viewModel.medianStoppingProperty().set(false);
    }

    @Test
    void aSweepFillsTheTableMarksTheBestAndFeedsThePlots() throws Exception {
        viewModel.start();

        assertThat(viewModel.statusProperty().get()).isEqualTo(SweepViewModel.Status.IDLE);
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.trials()).hasSize(2).allMatch(t -> t.state() == Trial.TrialState.FINISHED);
        Trial best = Trial.ranked(viewModel.trials(), viewModel.shownSpecProperty().get().objective()).get(0);
        assertThat(viewModel.bestTrialProperty().get()).isEqualTo(best.number());
        SweepPlots plots = viewModel.plots();
        assertThat(plots.parallelAxes()).containsExactly("dropout", "Validation accuracy");
        assertThat(plots.parallelRows()).hasSize(2);
        assertThat(plots.scatter("dropout")[0]).containsExactlyInAnyOrder(0.0, 0.3);
        assertThat(plots.curves(List.of())).hasSize(2).allMatch(curve -> curve.epochs().length == 2);
        assertThat(plots.parallelProperty().get()).isNotNull();
        assertThat(plots.curvesProperty().get()).isNotNull();
        assertThat(viewModel.trialColumns()).extracting(TrialColumns.Column::header).contains("dropout");
        assertThat(viewModel.progressTextProperty().get()).contains("2 of 2");
        assertThat(viewModel.sweeps()).singleElement().satisfies(s -> assertThat(s.unfinished()).isFalse());

        Path csv = home.resolve("table.csv");
        viewModel.exportTable(csv);
        assertThat(Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("rank,trial,state,dropout");

        viewModel.useConfig(viewModel.trials().get(1));
        assertThat(session.hyperparametersProperty().get().dropout()).isEqualTo(0.3);
        assertThat(session.hyperparametersProperty().get().hiddenUnits()).isEqualTo(8);
    }

    @Test
    void aTrialLeftRunningByAnEndedSessionIsShownAsWaitingWithANote() {
        viewModel.start();
        SweepStore store = new SweepStore(home);
        var summary = store.list().get(0);
        var folder = store.open(summary.id());
        java.util.List<Trial> trials = folder.trials();
        Trial crashed = new Trial(2, trials.get(1).values(), Trial.TrialState.RUNNING, List.of(), null, List.of(), 1,
                1, null);
        writeTrials(folder.directory(), List.of(trials.get(0), crashed));
        SweepViewModel later = new SweepViewModel(session, new CurrentThreadTaskExecutor(), new RunStore(home), store);

        later.refreshSweeps();

        assertThat(later.trials().get(1).state()).isEqualTo(Trial.TrialState.PENDING);
        assertThat(later.trials().get(1).message()).contains("interrupted");
        assertThat(later.resumableProperty().get()).isTrue();
    }

    private static void writeTrials(Path sweepFolder, List<Trial> trials) {
        try {
            Files.writeString(sweepFolder.resolve("trials.json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(trials));
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    @Test
    void aBadValueIsReportedNamingTheRowAndNothingStarts() {
        viewModel.parameters().get(0).rangeProperty().set(true);
        viewModel.parameters().get(0).minProperty().set("zero");
        viewModel.start();
        assertThat(viewModel.errorProperty().get().message()).contains("Hyperparameter 1").contains("zero");
        assertThat(viewModel.trials()).isEmpty();
        assertThat(Files.exists(home.resolve("sweeps"))).isFalse();
    }

    @Test
    void aSpecSavedAndLoadedAgainFillsTheSameForm() {
        viewModel.strategyProperty().set(SweepSpec.Strategy.RANDOM);
        viewModel.budgetProperty().set(5);
        SweepSpec before = viewModel.spec();
        Path file = home.resolve("spec.json");
        viewModel.saveSpec(file);
        viewModel.parameters().clear();
        viewModel.strategyProperty().set(SweepSpec.Strategy.GRID);

        viewModel.loadSpec(file);

        assertThat(viewModel.spec()).isEqualTo(before);
    }

    @Test
    void anUnfinishedSweepFromAnEarlierSessionResumes() {
        SweepViewModel first = viewModel;
        // Stop as soon as the first trial ends, as if the app had been closed.
        first.trials().addListener((javafx.collections.ListChangeListener<Trial>) change -> {
            if (first.trials().stream().anyMatch(t -> t.state() == Trial.TrialState.FINISHED)) {
                first.stop();
            }
        });
        first.start();
        assertThat(first.sweeps()).singleElement().satisfies(s -> assertThat(s.unfinished()).isTrue());

        SweepViewModel later = new SweepViewModel(session, new CurrentThreadTaskExecutor(), new RunStore(home),
                new SweepStore(home));
        later.refreshSweeps();
        assertThat(later.resumableProperty().get()).as("the newest sweep is shown, interrupted").isTrue();
        later.resumeShown();

        assertThat(later.trials()).hasSize(2).allMatch(t -> t.state() == Trial.TrialState.FINISHED);
        assertThat(new RunStore(home).list()).hasSize(2);
        assertThat(later.sweeps().get(0).unfinished()).isFalse();
        assertThat(later.resumableProperty().get()).isFalse();
    }

    @Test
    void aSweepTrainedByAWorkerElsewhereIsFollowedLiveAndStoppedAfterItsCurrentTrial() throws Exception {
        SweepSpec spec = new SweepSpec("workers", "quick", java.util.Map.of("epochs", "2", "hiddenUnits", "8",
                "denseUnits", "8"), List.of(org.cardiacrnn.sweeps.ParameterSpace.of("dropout", "0.0", "0.1", "0.2")),
                SweepSpec.Strategy.GRID, 0, 1, org.cardiacrnn.sweeps.Objective.VALIDATION_ACCURACY, 1, null);
        var data = session.datasetProperty().get();
        var preparation = org.cardiacrnn.sequences.PreparationConfig.leakageFree("day", "trajectory", "donor");
        var folder = new org.cardiacrnn.sweeps.SweepRunner(new RunStore(home), new SweepStore(home)).create(spec,
                session.dataSpec(), preparation, data);
        Thread worker = new Thread(() -> new org.cardiacrnn.sweeps.SweepWorker(folder, java.time.Duration.ofMinutes(1))
                .work(new RunStore(home), new SweepStore(home), data, event -> { },
                        new org.cardiacrnn.sweeps.SweepControl()));
        worker.start();
        while (folder.trials().stream().noneMatch(trial -> trial.worker() != null)) {
            Thread.sleep(20);
        }
        List<String> progress = new java.util.ArrayList<>();
        viewModel.progressTextProperty().addListener((obs, old, text) -> {
            progress.add(text);
            if (text.contains("1 running") && viewModel.followingProperty().get()
                    && viewModel.statusProperty().get() == SweepViewModel.Status.RUNNING) {
                viewModel.stopWorkers(org.cardiacrnn.sweeps.SweepFolder.StopMode.FINISH, false);
            }
        });

        viewModel.open(new SweepStore(home).list().get(0));
        worker.join(60_000);

        assertThat(progress).anyMatch(text -> text.startsWith("Workers elsewhere train this sweep"));
        assertThat(viewModel.followingProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo(SweepViewModel.Status.IDLE);
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(folder.stopRequest()).contains(org.cardiacrnn.sweeps.SweepFolder.StopMode.FINISH);
        assertThat(viewModel.trials()).hasSize(3);
        assertThat(viewModel.trials().get(0).state()).isEqualTo(Trial.TrialState.FINISHED);
        assertThat(viewModel.trials().get(0).worker()).isNotNull();
        assertThat(viewModel.trials()).anyMatch(Trial::isWaiting);
        assertThat(viewModel.trials()).noneMatch(trial -> trial.state() == Trial.TrialState.RUNNING);
    }

    @Test
    void aFolderThatIsNoSweepIsReportedWhenOpened() {
        viewModel.openFolder(home);

        assertThat(viewModel.errorProperty().get()).isNotNull();
        assertThat(viewModel.errorProperty().get().message()).contains("not a sweep folder");
        assertThat(viewModel.followingProperty().get()).isFalse();
    }
}
