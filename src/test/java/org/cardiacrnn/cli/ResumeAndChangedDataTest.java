package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.ExpressionLoader;
import org.cardiacrnn.data.LoadRequest;
import org.cardiacrnn.runs.EpochMetrics;
import org.cardiacrnn.runs.RunConfig;
import org.cardiacrnn.runs.RunFolder;
import org.cardiacrnn.runs.RunLauncher;
import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.training.TrainingControl;
import org.cardiacrnn.training.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted work comes back exactly, and a run is never evaluated or resumed on changed data unnoticed. */
class ResumeAndChangedDataTest {

    private static final int EPOCHS = 4;

    @TempDir
    Path dir;

    private RunFolder train(RunConfig config, Path workspace, int stopAfterEpoch) {
        ExpressionData data = ExpressionLoader.load(LoadRequest.of(Path.of(config.data().matrix())));
        TrainingControl control = new TrainingControl();
        RunLauncher.CompletedRun run = new RunLauncher(new RunStore(workspace)).run(config, data, event -> {
            if (event instanceof TrainingEvent.Epoch epoch && epoch.epoch() == stopAfterEpoch) {
                control.stop();
            }
        }, control, false);
        return run.folder();
    }

    @Test
    void aStoppedRunResumesToTheMetricsOfAnUninterruptedOne() throws IOException {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 7);
        RunConfig config = TinyTimeCourse.config(data, EPOCHS);
        RunFolder whole = train(config, dir.resolve("whole"), -1);
        RunFolder stopped = train(config, dir.resolve("stopped"), 2);
        assertThat(stopped.status().state()).isEqualTo(RunState.STOPPED);
        assertThat(stopped.readMetrics()).hasSize(2);

        CliRun resumed = CliRun.of("train", "--resume", stopped.directory().toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming run " + stopped.id()).contains("epoch 4/4");
        assertThat(stopped.status().state()).isEqualTo(RunState.FINISHED);

        List<EpochMetrics> expected = whole.readMetrics();
        List<EpochMetrics> actual = stopped.readMetrics();
        assertThat(actual).hasSize(EPOCHS);
        for (int i = 0; i < EPOCHS; i++) {
            assertThat(actual.get(i).epoch()).isEqualTo(i + 1);
            assertThat(actual.get(i).trainLoss()).isCloseTo(expected.get(i).trainLoss(), within(1e-6));
            assertThat(actual.get(i).validationLoss()).isCloseTo(expected.get(i).validationLoss(), within(1e-6));
            assertThat(actual.get(i).validationAccuracy()).isCloseTo(expected.get(i).validationAccuracy(),
                    within(1e-6));
            assertThat(actual.get(i).learningRate()).isCloseTo(expected.get(i).learningRate(), within(1e-12));
        }
        assertThat(stopped.readEvents()).anyMatch(line -> line.contains("resuming after epoch 2"));

        CliRun again = CliRun.of("train", "--resume", stopped.directory().toString());
        assertThat(again.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(again.err()).contains("is finished; only a stopped or interrupted run can be resumed");
    }

    @Test
    void anUnfinishedRunIsEvaluatedAndPredictsWithItsBestCheckpointAndSaysSo() throws IOException {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 7);
        RunFolder stopped = train(TinyTimeCourse.config(data, EPOCHS), dir.resolve("ws"), 2);
        // A process killed mid-run leaves no model.zip and no evaluation, only checkpoints.
        Files.delete(stopped.modelFile());
        Files.delete(stopped.evaluationFile());

        CliRun evaluated = CliRun.of("evaluate", "--run", stopped.directory().toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.err().strip()).isEqualTo("note: run " + stopped.id() + " is stopped after 2 epoch(s); "
                + "using its best checkpoint so far");
        assertThat(evaluated.out()).contains("evaluated on its test split").contains("accuracy");

        Path predictions = dir.resolve("predictions.csv");
        CliRun predicted = CliRun.of("predict", "--run", stopped.directory().toString(), data.toString(), "--out",
                predictions.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.err()).contains("using its best checkpoint so far");
        assertThat(Files.readAllLines(predictions).get(0)).contains("p_atrial").contains("p_ventricular");
    }

    @Test
    void changedDataAreRefusedUnlessAllowedAndThenRecorded() throws IOException {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 7);
        RunFolder finished = train(TinyTimeCourse.config(data, 1), dir.resolve("ws"), -1);
        RunFolder stopped = train(TinyTimeCourse.config(data, EPOCHS), dir.resolve("ws"), 1);
        String recorded = finished.readConfig().path(RunFolder.FINGERPRINT_FIELD).asText();
        TinyTimeCourse.write(data, 8);

        CliRun refused = CliRun.of("evaluate", "--run", finished.directory().toString());
        assertThat(refused.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(refused.err().strip().split("\n")).hasSize(1);
        assertThat(refused.err()).contains("tiny.csv").contains("has changed since run " + finished.id())
                .contains(recorded).contains("--allow-changed-data");

        CliRun resumeRefused = CliRun.of("train", "--resume", stopped.directory().toString());
        assertThat(resumeRefused.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(resumeRefused.err()).contains("has changed since run " + stopped.id());
        assertThat(stopped.status().state()).isEqualTo(RunState.STOPPED);

        CliRun allowed = CliRun.of("evaluate", "--run", finished.directory().toString(), "--allow-changed-data");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("evaluating anyway as --allow-changed-data asks");
        assertThat(finished.readEvents()).anyMatch(line -> line.contains("data changed (--allow-changed-data)")
                && line.contains(recorded));
    }

    @Test
    void aFailedWriteNamesTheFileThatCouldNotBeWrittenNotALaterOne() throws IOException {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 7);
        RunConfig config = TinyTimeCourse.config(data, EPOCHS);
        ExpressionData loaded = ExpressionLoader.load(LoadRequest.of(data));
        RunStore store = new RunStore(dir.resolve("ws"));
        Path[] folder = new Path[1];
        // After epoch 1 the run folder becomes a plain file: every later write fails, as on a full disk. The first
        // to fail is epoch 1's checkpoint; noting the failure in events.log and run.json fails too, unseen.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunLauncher(store).run(config, loaded,
                        DatasetPreparationAccess.prepare(loaded, config), event -> {
                            if (event instanceof TrainingEvent.Epoch epoch && epoch.epoch() == 1) {
                                breakFolder(folder[0]);
                            }
                        }, new TrainingControl(), false, created -> folder[0] = created.directory()))
                .hasMessageContaining("checkpoints: the checkpoint could not be written")
                .hasMessageNotContaining("run.json").hasMessageNotContaining("events.log");
    }

    private static void breakFolder(Path directory) {
        try {
            Files.move(directory, directory.resolveSibling("moved-away"));
            Files.writeString(directory, "not a folder");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Prepares as the launcher's one-call entry point would. */
    private static final class DatasetPreparationAccess {
        static org.cardiacrnn.sequences.PreparedData prepare(ExpressionData data, RunConfig config) {
            return org.cardiacrnn.sequences.DatasetPreparation.prepare(data, config.preparation());
        }
    }

    @Test
    void resumeRefusesNewSettings() throws IOException {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 7);
        CliRun run = CliRun.of("train", "--resume", dir.toString(), "--set", "epochs=9");
        assertThat(run.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(run.err()).contains("--set cannot be combined with --resume");
        CliRun withData = CliRun.of("train", data.toString(), "--resume", dir.toString());
        assertThat(withData.err()).contains("leave out the MATRIX argument");
    }
}
