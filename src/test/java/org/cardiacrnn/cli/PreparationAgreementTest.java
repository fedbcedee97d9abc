package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.sequences.SequencesViewModel;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.app.training.TrainingViewModel;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.data.SampleData;
import org.cardiacrnn.preprocessing.PreprocessingConfig;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.sequences.PreparationConfig;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same data get the same preparation whether a run starts from the CLI or from the GUI. */
class PreparationAgreementTest {

    private static final Path SAMPLE = Path.of("sample-data", SampleData.FILE_NAME);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cliHome;

    @TempDir
    Path guiHome;

    @Test
    void cliAndGuiRecordTheSamePreparationInConfigJson() throws Exception {
        CliRun cli = CliRun.of("train", SAMPLE.toString(), "--preset", "quick", "--set", "epochs=1", "--set",
                "hiddenUnits=4", "--set", "denseUnits=4", "--workspace", cliHome.toString(), "--name", "same");
        assertThat(cli.code()).as(cli.err()).isZero();

        WorkbenchSession session = new WorkbenchSession();
        LoadRequest request = LoadRequest.of(SAMPLE);
        session.useDataset("sample", ExpressionLoader.load(request), request);
        session.hyperparametersProperty().set(Hyperparameters.quick().withOverride("epochs", "1")
                .withOverride("hiddenUnits", "4").withOverride("denseUnits", "4"));
        // "Train with these settings" before the Sequences page has built anything.
        new TrainingViewModel(session, new CurrentThreadTaskExecutor(), new RunStore(guiHome)).start();

        JsonNode fromCli = preparation(cliHome);
        JsonNode fromGui = preparation(guiHome);
        assertThat(fromGui).isEqualTo(fromCli);
        PreparationConfig recorded = JSON.treeToValue(fromCli, PreparationConfig.class);
        assertThat(recorded.preprocessing().libraryNormalisation())
                .isEqualTo(PreprocessingConfig.LibraryNormalisation.CPM);
        assertThat(recorded.preprocessing().log1p()).as("the sample data are integer counts").isTrue();
        // The Sequences page starts from the same recommendation.
        SequencesViewModel page = new SequencesViewModel(session, new CurrentThreadTaskExecutor());
        assertThat(page.config()).isEqualTo(recorded);
    }

    private static JsonNode preparation(Path home) throws Exception {
        try (var runs = Files.list(home.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            return JSON.readTree(run.resolve("config.json").toFile()).get("preparation");
        }
    }
}
