package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep whose trial table is damaged or missing is named by sweep --list, never hidden. */
class DamagedSweepTest {

    @TempDir
    Path workspace;

    @Test
    void damagedAndMissingTrialTablesAreListed() throws Exception {
        Path damaged = Files.createDirectories(workspace.resolve("sweeps").resolve("20261204-000000-broken"));
        Files.writeString(damaged.resolve("sweep.json"), "{}");
        Files.writeString(damaged.resolve("trials.json"), "[{\"number\": 1, ");
        Path missing = Files.createDirectories(workspace.resolve("sweeps").resolve("20261204-000001-lost"));
        Files.writeString(missing.resolve("sweep.json"), "{}");

        CliRun listed = CliRun.of("sweep", "--list", "--workspace", workspace.toString());
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).doesNotContain("no sweeps yet")
                .contains("20261204-000000-broken  damaged: ").contains("trials.json")
                .contains("20261204-000001-lost  damaged: trials.json is missing")
                .contains("(sweep --repair 20261204-000000-broken)");

        CliRun resumed = CliRun.of("sweep", "--resume", "20261204-000001-lost", "--workspace", workspace.toString());
        assertThat(resumed.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(resumed.err().strip()).startsWith("error: sweep 20261204-000001-lost cannot resume: trials.json is "
                + "missing").endsWith("sweep --repair 20261204-000001-lost").doesNotContain("\n");

        CliRun repaired = CliRun.of("sweep", "--repair", "20261204-000000-broken", "--workspace",
                workspace.toString());
        assertThat(repaired.code()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(repaired.err().strip()).startsWith("error: ").contains("sweep.json").doesNotContain("\n");
        assertThat(damaged.resolve("trials.json")).hasContent("[{\"number\": 1, ");
    }
}
