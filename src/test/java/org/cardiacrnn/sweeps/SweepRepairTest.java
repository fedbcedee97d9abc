package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.cardiacrnn.sequences.PreparationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose trials.json is lost or damaged gets it back from its trials' run folders. */
class SweepRepairTest {

    private static final LoadRequest REQUEST = LoadRequest.of(Path.of("sample-data", SampleData.FILE_NAME));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path workspace;

    @Test
    void aDamagedTableIsRebuiltFromTheRunFoldersAndKeptBesideIt() throws Exception {
        ExpressionData data = ExpressionLoader.load(REQUEST);
        PreparationConfig honest = PreparationConfig.leakageFree("day", "trajectory", "donor");
        PreprocessingConfig pre = honest.preprocessing();
        PreparationConfig preparation = new PreparationConfig(new PreprocessingConfig(pre.missingValues(),
                pre.libraryNormalisation(), pre.log1p(), pre.scaling(), pre.clipZ(), 200), honest.sequences(),
                honest.split());
        SweepSpec spec = new SweepSpec("tiny", "quick", Map.of("epochs", "2", "hiddenUnits", "8", "denseUnits", "8"),
                List.of(ParameterSpace.of("learningRate", "0.0001", "0.01")), SweepSpec.Strategy.GRID, 2, 5,
                Objective.VALIDATION_ACCURACY, 1, null);
        SweepRunner runner = new SweepRunner(new RunStore(workspace), new SweepStore(workspace));
        SweepFolder folder = runner.create(spec, DataSpec.of(REQUEST), preparation, data);
        runner.run(folder, data, event -> { }, new SweepControl());
        List<Trial> original = folder.trials();
        assertThat(original).hasSize(2).allMatch(t -> t.state() == Trial.TrialState.FINISHED);

        // Trial 2's run ends as stopped, as a killed or stopped training would leave it: it must run again.
        RunStore runs = new RunStore(workspace);
        runs.open(original.get(1).runIds().get(0)).finish(RunState.STOPPED, "stopped in the test");
        Path table = folder.directory().resolve("trials.json");
        String damaged = "[{\"number\": 1, \"values\": {";
        Files.writeString(table, damaged);
        assertThat(new SweepStore(workspace).damaged()).containsKey(folder.id());

        SweepRepair.Result result = SweepRepair.repair(workspace, folder.id(), CLOCK);

        assertThat(result.recovered()).isEqualTo(1);
        assertThat(result.rerun()).isEqualTo(1);
        assertThat(result.trials()).isEqualTo(2);
        assertThat(result.keptAs()).hasFileName("trials.json.damaged-20261204-093000").hasContent(damaged);
        List<Trial> rebuilt = new SweepStore(workspace).open(folder.id()).trials();
        Trial was = original.get(0);
        Trial now = rebuilt.get(0);
        assertThat(now.number()).isEqualTo(was.number());
        assertThat(now.state()).isEqualTo(Trial.TrialState.FINISHED);
        assertThat(now.values()).isEqualTo(was.values());
        assertThat(now.runIds()).isEqualTo(was.runIds());
        assertThat(now.objective()).isCloseTo(was.objective(), within(1e-6));
        assertThat(now.epochs()).isEqualTo(was.epochs());
        assertThat(now.curves()).hasSize(1);
        for (int epoch = 0; epoch < was.curves().get(0).size(); epoch++) {
            assertThat(now.curves().get(0).get(epoch)).isCloseTo(was.curves().get(0).get(epoch), within(1e-6));
        }
        assertThat(now.events()).singleElement().asString().contains("rebuilt from the run folders");
        Trial again = rebuilt.get(1);
        assertThat(again.state()).isEqualTo(Trial.TrialState.PENDING);
        assertThat(again.values()).isEqualTo(original.get(1).values());
        assertThat(again.events()).singleElement().asString().contains("runs again on resume", "did not all finish");
        assertThat(new SweepStore(workspace).damaged()).isEmpty();

        assertThatThrownBy(() -> SweepRepair.repair(workspace, folder.id(), CLOCK))
                .isInstanceOf(SweepException.class).hasMessageEndingWith("reads well; there is nothing to repair");

        Files.delete(table);
        SweepRepair.Result fromNothing = SweepRepair.repair(workspace, folder.id(), CLOCK);
        assertThat(fromNothing.keptAs()).isNull();
        assertThat(fromNothing.recovered()).isEqualTo(1);
    }

    @Test
    void anUnknownSweepIsRefusedByName() {
        assertThatThrownBy(() -> SweepRepair.repair(workspace, "nosuch", CLOCK))
                .isInstanceOf(SweepException.class).hasMessageStartingWith("no sweep \"nosuch\" in ");
    }
}
