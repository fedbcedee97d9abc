package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.Evaluator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    record TinyConfig(int epochs, double learningRate, String preset) {
    }

    @TempDir
    Path workspace;

    RunFolder run;

    @BeforeEach
    void createRun() {
        RunStore store = new RunStore(workspace, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                RunStoreTest.VERSIONS);
        run = store.create("tiny", "quick", Map.of());
    }

    @Test
    void configGetsSoftwareVersionsAndFingerprintAndReadsBackAsTheCallersType() {
        run.writeConfig(new TinyConfig(30, 1e-3, "methodology"), "sha256:abc");

        assertThat(run.readConfig().path("epochs").asInt()).isEqualTo(30);
        assertThat(run.readConfig().path(RunFolder.FINGERPRINT_FIELD).asText()).isEqualTo("sha256:abc");
        assertThat(run.softwareVersions()).isEqualTo(RunStoreTest.VERSIONS);
        assertThat(run.readConfig(TinyConfig.class)).isEqualTo(new TinyConfig(30, 1e-3, "methodology"));
        assertThatThrownBy(() -> run.writeConfig(List.of(1, 2), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptOrMissingConfigGivesAnErrorNamingTheFile() throws Exception {
        assertThatThrownBy(() -> run.readConfig()).isInstanceOf(RunStoreException.class)
                .hasMessageContaining(run.configFile().toString()).hasMessageContaining("missing");

        Files.writeString(run.configFile(), "{\n  \"epochs\": 30,\n  \"learningRate\": oops\n}");

        assertThatThrownBy(() -> run.readConfig()).isInstanceOf(RunStoreException.class)
                .hasMessageContaining(run.configFile().toString()).hasMessageContaining("line 3");

        Files.writeString(run.configFile(), "{\"epochs\": \"thirty\"}");
        assertThatThrownBy(() -> run.readConfig(TinyConfig.class)).isInstanceOf(RunStoreException.class)
                .hasMessageContaining("config.json").hasMessageContaining("thirty");
        Files.writeString(run.configFile(), "");
        assertThatThrownBy(() -> run.readConfig()).hasMessageContaining("is empty");
    }

    @Test
    void metricsRoundTripOneRowPerEpochIncludingMissingValidation() throws Exception {
        List<EpochMetrics> rows = List.of(
                new EpochMetrics(1, 1.0986, 0.34, 1.05, 0.4, 1e-3, 2.5),
                new EpochMetrics(2, 0.7, 0.61, Double.NaN, Double.NaN, 3e-4, 2.25),
                new EpochMetrics(3, 0.1 + 0.2, 0.9, 0.5, 0.875, 9.000000000000001e-5, 2.0));

        rows.forEach(run::appendMetrics);

        assertThat(run.readMetrics()).isEqualTo(rows);
        List<String> lines = Files.readAllLines(run.metricsFile());
        assertThat(lines.get(0)).isEqualTo("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
                + "learning_rate,seconds");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).isEqualTo("2,0.7,0.61,,,3.0E-4,2.25");
    }

    @Test
    void aCorruptMetricsFileNamesLineAndColumn() throws Exception {
        run.appendMetrics(new EpochMetrics(1, 1, 0.5, 1, 0.5, 1e-3, 1));
        Files.writeString(run.metricsFile(), "2,abc,0.5,1,0.5,0.001,1\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> run.readMetrics()).isInstanceOf(RunStoreException.class)
                .hasMessageContaining("metrics.csv").hasMessageContaining("line 3, column 2 (train_loss)");
    }

    @Test
    void eventsAreAppendedWithTimestamps() {
        run.logEvent("epoch 1 done\nloss 0.5");

        assertThat(run.readEvents()).hasSize(2)
                .last().isEqualTo("2026-01-02T03:04:05Z epoch 1 done loss 0.5");
    }

    @Test
    void evaluationReportRoundTripsThroughTheFolder() {
        EvaluationReport report = Evaluator.fromPredictions(new int[] {0, 1, 1},
                new float[][] {{0.9f, 0.1f}, {0.4f, 0.6f}, {0.7f, 0.3f}}, List.of("atrial", "ventricular"));

        run.writeEvaluation(report);

        assertThat(run.readEvaluation()).isEqualTo(report);
    }

    @Test
    void finishingRecordsStateTimeAndReasonAndRejectsNonFinalStates() {
        run.finish(RunState.FAILED, "loss became NaN at epoch 4");

        RunStatus status = run.status();
        assertThat(status.state()).isEqualTo(RunState.FAILED);
        assertThat(status.message()).isEqualTo("loss became NaN at epoch 4");
        assertThat(status.duration()).isZero();
        assertThat(run.readEvents()).last().asString().contains("failed: loss became NaN");
        assertThatThrownBy(() -> run.finish(RunState.RUNNING, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(run.modelFile().getFileName().toString()).isEqualTo("model.zip");
        assertThat(run.figuresDirectory()).isDirectory();
    }

    @Test
    void detectedVersionsComeFromTheBuild() {
        SoftwareVersions versions = SoftwareVersions.detect();

        assertThat(versions.deeplearning4j()).isEqualTo("1.0.0-M2.1");
        assertThat(versions.workbench()).doesNotContain("${");
        assertThat(versions.java()).startsWith(System.getProperty("java.version"));
    }
}
