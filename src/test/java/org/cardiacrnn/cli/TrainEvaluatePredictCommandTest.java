package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless path a server or CI script takes: train, then evaluate and predict with the run. */
@Tag("slow")
class TrainEvaluatePredictCommandTest {

    private static final String SAMPLE = Path.of("sample-data", "cardiac-differentiation.csv.gz").toString();

    @TempDir
    Path workspace;

    @Test
    void trainWritesARunThatEvaluatesAndPredicts() throws Exception {
        CliRun trained = CliRun.of("train", SAMPLE, "--preset", "quick", "--set", "epochs=2", "--set", "hiddenUnits=8",
                "--workspace", workspace.toString(), "--name", "cli-test", "--top-genes", "300");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("epoch 2/2").contains("test: accuracy").contains("No sample is shared");

        Path runFolder;
        try (var runs = Files.list(workspace.resolve("runs"))) {
            runFolder = runs.filter(p -> p.getFileName().toString().endsWith("cli-test")).findFirst().orElseThrow();
        }
        for (String file : List.of("config.json", "metrics.csv", "model.zip", "evaluation.json", "events.log",
                "run.json")) {
            assertThat(runFolder.resolve(file)).as(file).exists();
        }
        assertThat(Files.readAllLines(runFolder.resolve("metrics.csv"))).hasSize(3);
        String testAccuracy = trained.out().replaceAll("(?s).*test: accuracy ([0-9.]+)%.*", "$1");

        CliRun evaluated = CliRun.of("evaluate", "--run", runFolder.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("accuracy " + testAccuracy + "%").contains("ventricular_cm");

        Path predictions = workspace.resolve("predictions.csv");
        CliRun predicted = CliRun.of("predict", "--run", runFolder.toString(), SAMPLE, "--out", predictions.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).startsWith("sequence,group,first_sample,last_sample,true_class,predicted_class,p_");
        assertThat(lines).hasSizeGreaterThan(100);
    }

    @Test
    void leaveOneDonorOutTrainsOneRunPerDonorReportsMeanAndSdAndPoolsTheOutOfFoldPredictions() throws Exception {
        CliRun result = CliRun.of("train", SAMPLE, "--preset", "quick", "--set", "epochs=1", "--set", "hiddenUnits=4",
                "--folds", "loo", "--top-genes", "200", "--workspace", workspace.toString(), "--name", "cv");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("fold 4: test accuracy").contains("4-fold cross-validation")
                .containsPattern("accuracy\\s+0\\.\\d{4} ± 0\\.\\d{4}")
                .contains("fold 4/4: 492 training, 164 test sequences; class counts: training atrial_cm 123, "
                        + "cardiac_fibroblast 123, epicardial 123, ventricular_cm 123; test atrial_cm 41")
                .containsPattern("pooled out-of-fold: accuracy [0-9.]+% \\(95% CI [0-9.]+–[0-9.]+%\\) on 656 "
                        + "sequences");
        List<Path> folds;
        try (var runs = Files.list(workspace.resolve("runs"))) {
            folds = runs.filter(p -> p.getFileName().toString().contains("cv-fold")).toList();
        }
        assertThat(folds).hasSize(4);
        assertThat(Files.readString(folds.get(0).resolve("events.log"))).contains("split: class counts: training ");

        CliRun bad = CliRun.of("train", SAMPLE, "--folds", "some", "--workspace", workspace.toString());
        assertThat(bad.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(bad.err().strip()).isEqualTo("error: --folds must be 2 or more (k-fold cross-validation) or loo; "
                + "got some");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        CliRun unknownPreset = CliRun.of("train", SAMPLE, "--preset", "huge", "--workspace", workspace.toString());
        assertThat(unknownPreset.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(unknownPreset.err().strip())
                .isEqualTo("error: unknown preset \"huge\"; presets are [methodology, quick]");

        CliRun badOverride = CliRun.of("train", SAMPLE, "--set", "dropout=1.5", "--workspace", workspace.toString());
        assertThat(badOverride.err().strip()).isEqualTo("error: dropout must be in [0, 1); got 1.5");

        CliRun noRun = CliRun.of("predict", "--run", workspace.resolve("nothing").toString(), SAMPLE, "--out", "x.csv");
        assertThat(noRun.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(noRun.err()).contains("nothing").contains("does not exist");
        assertThat(workspace.resolve("runs")).doesNotExist();
    }
}
