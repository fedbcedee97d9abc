package org.cardiacrnn.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class TrainingViewModelTest {

    @TempDir
    Path home;

    @Test
    void aRunTrainsRecordsCurvesAndBecomesTheCurrentRun() {
        WorkbenchSession session = new WorkbenchSession();
        LoadRequest request = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
        session.useDataset("sample", ExpressionLoader.load(request), request);
        session.hyperparametersProperty().set(Hyperparameters.quick().withOverride("epochs", "2")
                .withOverride("hiddenUnits", "8"));
        RunStore store = new RunStore(home);
        TrainingViewModel viewModel = new TrainingViewModel(session, new CurrentThreadTaskExecutor(), store);

        viewModel.start();

        assertThat(viewModel.statusProperty().get()).isEqualTo(TrainingViewModel.Status.IDLE);
        assertThat(viewModel.curves().epochCount()).isEqualTo(2);
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.log()).anyMatch(line -> line.contains("Checkpoint saved after epoch 2"));
        assertThat(session.currentRunProperty().get().report()).isNotNull();
        assertThat(store.list()).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo(RunState.FINISHED);
            assertThat(run.preset()).isEqualTo("quick");
        });
        assertThat(viewModel.errorProperty().get()).isNull();
        // The run records how its data were read, so `evaluate --run` can load them again.
        var saved = org.cardiacrnn.runs.SavedRun.open(session.currentRunProperty().get().directory());
        assertThat(Path.of(saved.config().data().matrix())).isEqualTo(request.matrix().toAbsolutePath().normalize());
    }

    @Test
    void withoutTimeAndClassColumnsTheUserIsToldWhatToChoose() {
        WorkbenchSession session = new WorkbenchSession();
        session.useDataset("sample", ExpressionLoader.load(LoadRequest.of(Path.of("sample-data",
                SampleData.FILE_NAME))));
        session.timeColumnProperty().set(null);
        TrainingViewModel viewModel = new TrainingViewModel(session, new CurrentThreadTaskExecutor(),
                new RunStore(home));
        viewModel.start();
        assertThat(viewModel.errorProperty().get().title()).contains("time and class");
        assertThat(viewModel.statusProperty().get()).isEqualTo(TrainingViewModel.Status.IDLE);
    }

    @Test
    void thePresetIsNamedAsEditedOnceTheSettingsDiffer() {
        Hyperparameters quick = Hyperparameters.quick();
        assertThat(TrainingViewModel.describeSettings("quick", quick)).startsWith("Preset quick:");
        assertThat(TrainingViewModel.describeSettings("quick", quick.withOverride("epochs", "3")))
                .startsWith("Preset quick, edited:");
    }
}
