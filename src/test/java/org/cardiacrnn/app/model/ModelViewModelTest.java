package org.cardiacrnn.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cardiacrnn.app.common.CurrentThreadTaskExecutor;
import org.cardiacrnn.app.session.WorkbenchSession;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelViewModelTest {

    private static ModelViewModel.Field field(ModelViewModel viewModel, String key) {
        return viewModel.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void everyHyperparameterIsAFieldInACategory() {
        ModelViewModel viewModel = new ModelViewModel(new WorkbenchSession(), new CurrentThreadTaskExecutor());
        assertThat(viewModel.fields()).extracting(ModelViewModel.Field::key)
                .containsExactlyInAnyOrderElementsOf(Hyperparameters.keys());
        assertThat(viewModel.categories()).hasSize(5);
    }

    @Test
    void aValidEditChangesTheSettingsAndTheParameterCount() {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        String before = viewModel.sizeProperty().get();
        field(viewModel, "hiddenUnits").valueProperty().set(64);
        assertThat(session.hyperparametersProperty().get().hiddenUnits()).isEqualTo(64);
        assertThat(viewModel.sizeProperty().get()).isNotEqualTo(before).contains("parameters");
        field(viewModel, "pooling").valueProperty().set(Hyperparameters.Pooling.MAX);
        assertThat(session.hyperparametersProperty().get().pooling()).isEqualTo(Hyperparameters.Pooling.MAX);
    }

    @Test
    void anInvalidEditIsExplainedAndKeepsTheLastGoodSettings() {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        field(viewModel, "dropout").valueProperty().set(1.2);
        assertThat(field(viewModel, "dropout").problemProperty().get()).isEqualTo("dropout must be in [0, 1); got 1.2");
        assertThat(viewModel.problemProperty().get()).contains("dropout");
        assertThat(session.hyperparametersProperty().get().dropout()).isEqualTo(0.2);
        field(viewModel, "dropout").valueProperty().set(0.3);
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void presetsAndSaveLoadRoundTrip(@TempDir Path folder) {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        viewModel.applyPreset("methodology");
        assertThat(field(viewModel, "layers").valueProperty().get()).isEqualTo(3);
        Path file = folder.resolve("hp.json");
        viewModel.save(file);
        viewModel.applyPreset("quick");
        viewModel.load(file);
        assertThat(session.hyperparametersProperty().get()).isEqualTo(Hyperparameters.methodology());
        assertThat(session.presetNameProperty().get()).isEqualTo("custom");
        viewModel.load(folder.resolve("missing.json"));
        assertThat(viewModel.errorProperty().get().message()).contains("missing.json");
    }
}
