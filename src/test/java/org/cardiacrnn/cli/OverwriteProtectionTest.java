package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the user did not ask to replace is replaced; a run's own files and a command's inputs never are. */
class OverwriteProtectionTest {

    @TempDir
    Path dir;

    private Path runFolder() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs").resolve("20261204-000000-quick"));
        Files.writeString(run.resolve("run.json"), "{}");
        Files.writeString(run.resolve("model.zip"), "the model");
        return run;
    }

    private static void assertRefused(CliRun run, String... fragments) {
        assertThat(run.code()).as(run.err()).isEqualTo(Main.EXIT_USER_ERROR);
        assertThat(run.err().strip().split("\n")).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(fragments);
    }

    @Test
    void predictNeverWritesOverItsInputMatrixEvenWithForce() throws IOException {
        Path run = runFolder();
        Path data = Files.writeString(dir.resolve("data.csv"), "sample,g1\ns1,1\n");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out", data.toString()),
                "is one of this command's inputs");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out", data.toString(),
                "--force"), "is one of this command's inputs");
        assertThat(data).hasContent("sample,g1\ns1,1");
    }

    @Test
    void predictNeverWritesIntoARunFolder() throws IOException {
        Path run = runFolder();
        Path data = Files.writeString(dir.resolve("data.csv"), "sample,g1\ns1,1\n");
        Path sweep = Files.createDirectories(dir.resolve("sweeps").resolve("s1"));
        Files.writeString(sweep.resolve("sweep.json"), "{}");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out",
                run.resolve("model.zip").toString(), "--force"), "is one of this command's inputs");
        Path otherRun = runFolder().resolveSibling("20261204-000001-other");
        Files.createDirectories(otherRun);
        Files.writeString(otherRun.resolve("run.json"), "{}");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out",
                otherRun.resolve("metrics.csv").toString(), "--force"), "inside the run folder");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out",
                sweep.resolve("trials.json").toString(), "--force"), "inside the sweep folder");
        assertThat(run.resolve("model.zip")).hasContent("the model");
        assertThat(otherRun.resolve("metrics.csv")).doesNotExist();
    }

    @Test
    void anExistingOutputNeedsForce() throws IOException {
        Path run = runFolder();
        Path data = Files.writeString(dir.resolve("data.csv"), "sample,g1\ns1,1\n");
        Path old = Files.writeString(dir.resolve("old-predictions.csv"), "keep me");
        assertRefused(CliRun.of("predict", "--run", run.toString(), data.toString(), "--out", old.toString()),
                "already exists; add --force to replace it");
        assertThat(old).hasContent("keep me");
    }

    @Test
    void sampleDataKeepsAnExistingFileUnlessForced() throws IOException {
        Path existing = Files.writeString(dir.resolve("cardiac-differentiation.csv.gz"), "mine");
        assertRefused(CliRun.of("sample-data", "--out", dir.toString()), "already exists; add --force");
        assertThat(existing).hasContent("mine");
        CliRun forced = CliRun.of("sample-data", "--out", dir.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.size(existing)).isGreaterThan(100_000);
    }
}
