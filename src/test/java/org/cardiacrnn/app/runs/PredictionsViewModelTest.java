package org.cardiacrnn.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.runs.DataSpec;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.ColumnRoles;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.training.TrainingControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsViewModelTest {

    @TempDir
    Path home;

    @Test
    void predictOnAFileFillsTheTableAndTheFigureAndExportsCsv() throws Exception {
        LoadRequest request = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
        ExpressionData data = ExpressionLoader.load(request);
        PreparationConfig recommended = PreparationConfig.recommended(data, ColumnRoles.guess(data.metadata()));
        PreprocessingConfig pre = recommended.preprocessing();
        PreparationConfig small = recommended.withPreprocessing(new PreprocessingConfig(pre.missingValues(),
                pre.libraryNormalisation(), pre.log1p(), pre.scaling(), pre.clipZ(), 50));
        Hyperparameters hp = Hyperparameters.quick().withOverride("epochs", "1").withOverride("hiddenUnits", "4")
                .withOverride("denseUnits", "4");
        RunLauncher.CompletedRun run = new RunLauncher(new RunStore(home)).run(new RunConfig("tiny", "quick",
                DataSpec.of(request), small, hp), data, event -> { }, new TrainingControl(), false);

        PredictionsViewModel viewModel = new PredictionsViewModel(new CurrentThreadTaskExecutor());
        viewModel.predict(request.matrix());
        assertThat(viewModel.rows()).isEmpty();
        viewModel.runDirectoryProperty().set(run.folder().directory());
        viewModel.predict(request.matrix());

        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.rows()).hasSize(656);
        assertThat(viewModel.rows().get(0).timeSpan()).as("the first window: ten samples of day 0")
                .isEqualTo("0 – 0");
        assertThat(viewModel.rows().get(0).samples()).isEqualTo(10);
        assertThat(viewModel.messageProperty().get()).startsWith("656 sequences of cardiac-differentiation.csv.gz "
                + "predicted; the file also holds labels.");
        // One line per trajectory (donor × lineage), one point per window.
        assertThat(viewModel.resultProperty().get().figure().data().rows()).hasSize(656);

        Path csv = home.resolve("predictions.csv");
        viewModel.exportTable(csv);
        assertThat(Files.readAllLines(csv)).hasSize(657).first().asString()
                .startsWith("sequence,group,first_sample,last_sample,true_class,predicted_class,p_atrial_cm");
    }
}
