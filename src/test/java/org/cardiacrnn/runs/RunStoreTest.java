package org.cardiacrnn.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    static final SoftwareVersions VERSIONS = new SoftwareVersions("0.1.0", "17", "1.0.0-M2.1", "Linux");

    @TempDir
    Path workspace;

    private RunStore storeAt(String instant) {
        return new RunStore(workspace, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), VERSIONS);
    }

    @Test
    void runFoldersAreNamedByTimeAndSanitisedNameAndUniqueWithinASecond() {
        RunStore store = storeAt("2026-01-02T03:04:05Z");

        RunFolder first = store.create("BiLSTM 3×256 / honest split!", "methodology", Map.of("layers", "3"));
        RunFolder second = store.create("BiLSTM 3×256 / honest split!", "methodology", Map.of());

        assertThat(first.id()).isEqualTo("20260102-030405-BiLSTM-3-256-honest-split");
        assertThat(second.id()).isEqualTo(first.id() + "-2");
        assertThat(first.directory().getParent()).isEqualTo(workspace.toAbsolutePath().resolve("runs"));
        assertThat(RunStore.folderName("../../etc")).isEqualTo("etc");
        assertThat(RunStore.folderName("..")).isEqualTo("run");
        assertThat(RunStore.folderName("x".repeat(100))).hasSize(60);
    }

    @Test
    void longRunNamesAreCutBetweenWordsAndLeaveOutTheClockTimeTheTimestampAlreadyGives() {
        String name = "quick epochs=1 · cardiac-differentiation-synthetic-sample · 09:23:00";
        assertThat(RunStore.folderName(name)).isEqualTo("quick-epochs-1-cardiac-differentiation-synthetic-sample");

        String longer = "quick dropout=0.5 epochs=1 hiddenUnits=16 +2 · cardiac-differentiation-synthetic-sample"
                + " · 09:23";
        assertThat(RunStore.folderName(longer))
                .isEqualTo("quick-dropout-0.5-epochs-1-hiddenUnits-16-plus2-cardiac")
                .hasSizeLessThanOrEqualTo(60);

        assertThat(RunStore.folderName("methodology · chu2016-endoderm · 9:05"))
                .isEqualTo("methodology-chu2016-endoderm");
        assertThat(RunStore.folderName("meeting at 10:30 notes")).as("only a trailing time is left out")
                .isEqualTo("meeting-at-10-30-notes");
        assertThat(RunStore.folderName("seed=7 · " + "x".repeat(70))).isEqualTo("seed-7");

        RunFolder run = storeAt("2026-01-02T09:23:00Z").create(name, "quick", Map.of());
        RunFolder again = storeAt("2026-01-02T09:23:00Z").create(name, "quick", Map.of());
        assertThat(run.id()).isEqualTo("20260102-092300-quick-epochs-1-cardiac-differentiation-synthetic-sample");
        assertThat(again.id()).isEqualTo(run.id() + "-2");
        assertThat(run.status().name()).as("the run keeps its full display name").isEqualTo(name);
    }

    @Test
    void listingShowsNewestFirstWithStatusFields() {
        RunFolder older = storeAt("2026-01-02T03:04:05Z").create("older", "quick", Map.of("epochs", "5"));
        older.recordAccuracies(0.8, 0.75);
        storeAt("2026-01-02T03:10:05Z").open(older.id()).finish(RunState.FINISHED, null);
        RunFolder newer = storeAt("2026-01-03T00:00:00Z").create("newer", null, Map.of());

        var runs = storeAt("2026-01-04T00:00:00Z").list();

        assertThat(runs).extracting(RunSummary::id).containsExactly(newer.id(), older.id());
        RunSummary done = runs.get(1);
        assertThat(done.state()).isEqualTo(RunState.FINISHED);
        assertThat(done.preset()).isEqualTo("quick");
        assertThat(done.hyperparameters()).containsEntry("epochs", "5");
        assertThat(done.duration()).hasMinutes(6);
        assertThat(done.bestValidationAccuracy()).isEqualTo(0.8);
        assertThat(done.testAccuracy()).isEqualTo(0.75);
        assertThat(runs.get(0).state()).isEqualTo(RunState.RUNNING);
        assertThat(runs.get(0).testAccuracy()).isNaN();
    }

    @Test
    void aRunningRunOfALiveProcessStaysRunningInANewStore() {
        RunFolder run = storeAt("2026-01-02T03:04:05Z").create("live", null, Map.of());

        assertThat(new RunStore(workspace).list()).extracting(RunSummary::state).containsExactly(RunState.RUNNING);
        assertThat(run.status().state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsMarkedInterruptedAndKeepsItsLastCheckpoint() throws Exception {
        RunFolder run = storeAt("2026-01-02T03:04:05Z").create("crashed", null, Map.of());
        Path checkpoints = run.checkpointsDirectory();
        Files.writeString(checkpoints.resolve("epoch-1.zip"), "1");
        Files.setLastModifiedTime(checkpoints.resolve("epoch-1.zip"), FileTime.fromMillis(1_000_000));
        Files.writeString(checkpoints.resolve("epoch-2.zip"), "2");
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        RunStatus status = run.status();
        run.writeStatus(new RunStatus(status.name(), null, RunState.RUNNING, status.startedAt(), null, Map.of(),
                Double.NaN, Double.NaN, null, null, finished.pid(), null));

        RunSummary summary = storeAt("2026-01-02T04:00:00Z").list().get(0);

        assertThat(summary.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(summary.finishedAt()).isEqualTo(Instant.parse("2026-01-02T04:00:00Z"));
        assertThat(run.status().lastCheckpoint()).isEqualTo(Path.of("checkpoints", "epoch-2.zip").toString());
        assertThat(checkpoints.resolve("epoch-1.zip")).exists();
        assertThat(checkpoints.resolve("epoch-2.zip")).exists();
        assertThat(run.readEvents()).last().asString().contains("interrupted").contains("epoch-2.zip");
    }

    @Test
    void aReusedProcessIdWithAnotherStartTimeCountsAsGone() {
        RunFolder run = storeAt("2026-01-02T03:04:05Z").create("reused", null, Map.of());
        RunStatus status = run.status();
        run.writeStatus(new RunStatus(status.name(), null, RunState.RUNNING, status.startedAt(), null, Map.of(),
                Double.NaN, Double.NaN, null, null, ProcessHandle.current().pid(),
                Instant.parse("2000-01-01T00:00:00Z")));

        assertThat(storeAt("2026-01-02T04:00:00Z").open(run.id()).status().state()).isEqualTo(RunState.INTERRUPTED);
    }

    @Test
    void aCorruptStatusFileIsListedAsUnreadableAndOpeningItNamesTheFile() throws Exception {
        RunStore store = storeAt("2026-01-02T03:04:05Z");
        RunFolder run = store.create("broken", null, Map.of());
        Files.writeString(run.statusFile(), "{\"name\": \"broken\", \"state\": ");

        RunSummary summary = store.list().get(0);

        assertThat(summary.state()).isEqualTo(RunState.UNREADABLE);
        assertThat(summary.message()).contains("run.json").contains("line 1");
        assertThatThrownBy(() -> store.open(run.id())).isInstanceOf(RunStoreException.class)
                .hasMessageContaining(run.statusFile().toString());
    }

    @Test
    void deleteRemovesARunButRefusesAnythingOutsideTheStoreAndLiveRuns() throws Exception {
        RunStore store = storeAt("2026-01-02T03:04:05Z");
        RunFolder run = store.create("to delete", null, Map.of());
        Path outside = Files.writeString(workspace.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(run.directory().resolve("link"), outside);
        Files.writeString(run.figuresDirectory().resolve("roc.png"), "png");

        assertThatThrownBy(() -> store.delete(run.id())).isInstanceOf(RunStoreException.class)
                .hasMessageContaining("still running");
        for (String bad : new String[] {"..", "../precious.txt", "a/b", "/tmp", "", ".hidden"}) {
            assertThatThrownBy(() -> store.delete(bad)).as(bad).isInstanceOf(RunStoreException.class);
        }
        assertThatThrownBy(() -> store.delete("20990101-000000-missing")).hasMessageContaining("no such run");

        run.finish(RunState.STOPPED, "stopped by the user");
        store.delete(run.id());

        assertThat(run.directory()).doesNotExist();
        assertThat(outside).hasContent("keep me");
        assertThat(store.list()).isEmpty();
    }
}
