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
        assertThat(field(viewModel, "dropout").problemProperty().get()).isEqualTo("Dropout must be in [0, 1); got 1.2");
        assertThat(viewModel.problemProperty().get()).contains("Dropout");
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

    @Test
    void retypingTheLastGoodValueClearsTheError() {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        int units = session.hyperparametersProperty().get().hiddenUnits();
        field(viewModel, "hiddenUnits").valueProperty().set("0");
        assertThat(viewModel.problemProperty().get()).isNotEmpty();
        field(viewModel, "hiddenUnits").valueProperty().set(Integer.toString(units));
        assertThat(field(viewModel, "hiddenUnits").problemProperty().get()).isEmpty();
        assertThat(viewModel.problemProperty().get()).isEmpty();

        field(viewModel, "dropout").valueProperty().set("1.5");
        field(viewModel, "dropout").valueProperty().set("0.20");
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void negativeNumbersAndLettersAreReportedInTheLabelsWordsNotChanged() {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        int units = session.hyperparametersProperty().get().hiddenUnits();
        field(viewModel, "hiddenUnits").valueProperty().set("-5");
        assertThat(session.hyperparametersProperty().get().hiddenUnits()).isEqualTo(units);
        assertThat(field(viewModel, "hiddenUnits").problemProperty().get()).startsWith("Hidden units")
                .doesNotContain("hiddenUnits");
        field(viewModel, "hiddenUnits").valueProperty().set("12a");
        assertThat(session.hyperparametersProperty().get().hiddenUnits()).isEqualTo(units);
        assertThat(viewModel.problemProperty().get()).contains("12a").doesNotContain("hiddenUnits");
    }

    @Test
    void theParameterCountFollowsEachValidKeystroke() {
        WorkbenchSession session = new WorkbenchSession();
        ModelViewModel viewModel = new ModelViewModel(session, new CurrentThreadTaskExecutor());
        field(viewModel, "hiddenUnits").valueProperty().set("1");
        String one = viewModel.sizeProperty().get();
        field(viewModel, "hiddenUnits").valueProperty().set("12");
        assertThat(viewModel.sizeProperty().get()).isNotEqualTo(one);
        assertThat(session.hyperparametersProperty().get().hiddenUnits()).isEqualTo(12);
    }
}
