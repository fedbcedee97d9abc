package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {

    @TempDir
    Path folder;

    @Test
    void savedSpecsReadBackEqualAndFieldsLeftOutTakeDefaults() {
        SweepSpec spec = new SweepSpec("lr", "quick", Map.of("epochs", "3"),
                List.of(ParameterSpace.range("learningRate", 1e-4, 1e-2, 3, ParameterSpace.Scale.LOG),
                        ParameterSpace.of("pooling", "MEAN", "MAX")),
                SweepSpec.Strategy.RANDOM, 5, 9, Objective.VALIDATION_MACRO_F1, 3,
                new SweepSpec.MedianStopping(2));
        Path file = folder.resolve("spec.json");
        spec.save(file);
        assertThat(SweepSpec.load(file)).isEqualTo(spec);

        SweepSpec minimal = SweepSpec.fromJson("{\"parameters\": [{\"key\": \"dropout\", \"values\": [\"0.1\"]}]}",
                "minimal.json");
        assertThat(minimal.strategy()).isEqualTo(SweepSpec.Strategy.GRID);
        assertThat(minimal.basePreset()).isEqualTo("quick");
        assertThat(minimal.objective()).isEqualTo(Objective.VALIDATION_ACCURACY);
        assertThat(minimal.folds()).isEqualTo(1);
        assertThat(minimal.base().epochs()).isEqualTo(8);
        assertThat(spec.hyperparameters(Map.of("pooling", "MAX")).epochs()).isEqualTo(3);
    }

    @Test
    void badSpecsAreRejectedNamingTheFileAndField() {
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"lerningRate\", "
                + "\"values\": [\"0.1\"]}]}", "a.json"))
                .hasMessageContaining("a.json").hasMessageContaining("parameters[0].key")
                .hasMessageContaining("lerningRate");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"dropout\", "
                + "\"values\": [\"1.5\"]}]}", "b.json"))
                .hasMessageContaining("b.json").hasMessageContaining("parameters[0] (dropout).values")
                .hasMessageContaining("dropout must be in [0, 1)");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"learningRate\", \"min\": 0, "
                + "\"max\": 0.1, \"scale\": \"LOG\"}]}", "c.json"))
                .hasMessageContaining("LOG range needs min above 0");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [], \"strategy\": \"GRID\"}", "d.json"))
                .hasMessageContaining("d.json: parameters");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"dropout\", \"values\": "
                + "[\"0.1\"]}], \"strategie\": \"GRID\"}", "e.json"))
                .hasMessageContaining("unknown field \"strategie\"");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [\n  {\"key\": }]}", "f.json"))
                .hasMessage("f.json, line 2, column 11: not valid JSON: Unexpected character ('}'): expected a value");
        assertThatThrownBy(() -> SweepSpec.fromJson("{\"parameters\": [{\"key\": \"dropout\", \"values\": "
                + "[\"0.1\"]}], \"medianStopping\": {\"minEpochs\": 50}}", "g.json"))
                .hasMessageContaining("medianStopping.minEpochs");
    }

    @Test
    void editorSettingsBecomeThePresetPlusTheFieldsThatDiffer() {
        var settings = org.cardiacrnn.hyperparameters.Hyperparameters.quick().withOverride("epochs", "3")
                .withOverride("pooling", "MAX").withOverride("learningRate", "0.0005");
        Map<String, String> fixed = SweepSpec.differences("quick", settings);
        assertThat(fixed).containsOnlyKeys("epochs", "pooling", "learningRate");
        SweepSpec spec = new SweepSpec("d", "quick", fixed, List.of(ParameterSpace.of("dropout", "0.1")), null, 0, 0,
                null, 1, null);
        assertThat(spec.base()).isEqualTo(settings);
    }

    @Test
    void rankingPutsFinishedTrialsFirstBestObjectiveFirst() {
        List<Trial> trials = List.of(
                new Trial(1, Map.of(), Trial.TrialState.FINISHED, List.of(), 0.6, List.of(), 3, 1, null),
                new Trial(2, Map.of(), Trial.TrialState.PRUNED, List.of(), 0.9, List.of(), 2, 1, null),
                new Trial(3, Map.of(), Trial.TrialState.FINISHED, List.of(), 0.8, List.of(), 3, 1, null),
                new Trial(4, Map.of(), Trial.TrialState.FAILED, List.of(), null, List.of(), 0, 0, "x"),
                Trial.pending(5, Map.of()));
        assertThat(Trial.ranked(trials, Objective.VALIDATION_ACCURACY)).extracting(Trial::number)
                .containsExactly(3, 1, 2, 4, 5);
        List<Trial> losses = List.of(
                new Trial(1, Map.of(), Trial.TrialState.FINISHED, List.of(), 0.6, List.of(), 3, 1, null),
                new Trial(2, Map.of(), Trial.TrialState.FINISHED, List.of(), 0.2, List.of(), 3, 1, null));
        assertThat(Trial.ranked(losses, Objective.VALIDATION_LOSS)).extracting(Trial::number).containsExactly(2, 1);
    }

    @Test
    void exportedTableIsRankedCsv() throws Exception {
        SweepSpec spec = new SweepSpec("t", "quick", Map.of(), List.of(ParameterSpace.of("dropout", "0.1", "0.2")),
                SweepSpec.Strategy.GRID, 0, 1, Objective.VALIDATION_ACCURACY, 1, null);
        List<Trial> trials = List.of(
                new Trial(1, Map.of("dropout", "0.1"), Trial.TrialState.FINISHED, List.of("r1"), 0.5, List.of(), 3,
                        2.5, null),
                new Trial(2, Map.of("dropout", "0.2"), Trial.TrialState.FINISHED, List.of("r2"), 0.75, List.of(), 3,
                        2.0, null));
        Path csv = folder.resolve("trials.csv");
        SweepFolder.exportCsv(csv, spec, trials);
        assertThat(Files.readAllLines(csv)).containsExactly(
                "rank,trial,state,dropout,validation_accuracy,epochs,seconds,runs",
                "1,2,finished,0.2,0.75,3,2.0,r2",
                "2,1,finished,0.1,0.5,3,2.5,r1");
    }
}
