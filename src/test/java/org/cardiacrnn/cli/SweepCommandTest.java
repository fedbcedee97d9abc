package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class SweepCommandTest {

    private static final String SAMPLE = Path.of("sample-data", "cardiac-differentiation.csv.gz").toString();

    @TempDir
    Path workspace;

    @Test
    void aSweepPrintsALinePerTrialAndARankedTableThenListsAsDone() throws Exception {
        Path spec = workspace.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "cli", "fixed": {"epochs": "1", "hiddenUnits": "8", "denseUnits": "8"},
                 "parameters": [{"key": "dropout", "values": ["0.0", "0.3"]}]}
                """);
        CliRun swept = CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE, "--top-genes", "200",
                "--workspace", workspace.toString());
        assertThat(swept.code()).as(swept.err()).isZero();
        assertThat(swept.out()).contains("grid search over dropout 0.0, 0.3, 2 trials")
                .contains("trial 1/2: dropout=0.0 …").contains("trial 2/2: finished  val accuracy")
                .containsPattern("(?m)^ {3}1 {6}[12]  finished ").containsPattern("(?m)^ {3}2 {6}[12]  finished ");

        CliRun listed = CliRun.of("sweep", "--list", "--workspace", workspace.toString());
        assertThat(listed.out()).contains("cli").contains("2/2").doesNotContain("unfinished");
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        CliRun noSpec = CliRun.of("sweep", "--data", SAMPLE, "--workspace", workspace.toString());
        assertThat(noSpec.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(noSpec.err()).contains("--spec");

        Path spec = workspace.resolve("bad.json");
        Files.writeString(spec, "{\"parameters\": [{\"key\": \"dropuot\", \"values\": [\"0.1\"]}]}");
        CliRun badSpec = CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE, "--workspace",
                workspace.toString());
        assertThat(badSpec.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(badSpec.err()).contains("bad.json").contains("parameters[0].key").contains("dropuot");

        CliRun unknown = CliRun.of("sweep", "--resume", "nope", "--workspace", workspace.toString());
        assertThat(unknown.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(unknown.err()).contains("no sweep \"nope\"");
        assertThat(Files.exists(workspace.resolve("sweeps"))).isFalse();
    }
}
