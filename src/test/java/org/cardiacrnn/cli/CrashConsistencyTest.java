package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cardiacrnn.runs.RunState;
import org.cardiacrnn.runs.RunStore;
import org.cardiacrnn.runs.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL after its first checkpoint (a child JVM, so nothing of it can clean up)
 * leaves a run folder that lists as interrupted, evaluates with its best checkpoint and resumes to the end; a
 * sweep killed the same way lists as unfinished and resumes.
 */
class CrashConsistencyTest {

    private static final String[] QUICK = {"--window", "3", "--label-column", "stage", "--time-column", "day",
            "--group-column", "donor", "--set", "hiddenUnits=4", "--set", "earlyStoppingPatience=0"};

    @TempDir
    Path dir;

    /** Starts the CLI in a new JVM; its output goes to a file the assertion messages show. */
    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code file} appears under {@code root}, then kills the process at once (SIGKILL). */
    private void killAfter(Process process, Path root, String file, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (find(root, file) == null) {
            assertThat(process.isAlive()).as("the child ended before writing %s: %s", file, read(log)).isTrue();
            assertThat(System.nanoTime()).as("no %s after 60 s: %s", file, read(log)).isLessThan(deadline);
            Thread.sleep(10);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed, not finished: %s", read(log)).isEqualTo(137);
    }

    private static Path find(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void aKilledTrainingListsAsInterruptedEvaluatesAndResumes() throws Exception {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 3);
        Path workspace = dir.resolve("ws");
        Path log = dir.resolve("train.log");
        List<String> args = new ArrayList<>(List.of("train", data.toString(), "--workspace", workspace.toString(),
                "--name", "killed", "--set", "epochs=60"));
        args.addAll(List.of(QUICK));
        Process training = start(log, args.toArray(String[]::new));
        killAfter(training, workspace, "state.json", log);

        List<RunSummary> runs = new RunStore(workspace).list();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).state()).isEqualTo(RunState.INTERRUPTED);
        Path run = new RunStore(workspace).runsDirectory().resolve(runs.get(0).id());
        assertThat(run.resolve("model.zip")).doesNotExist();

        CliRun evaluated = CliRun.of("evaluate", "--run", run.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.err()).contains("is interrupted after").contains("using its best checkpoint so far");

        // Fewer epochs would be a different run; resuming finishes the 60 planned.
        CliRun resumed = CliRun.of("train", "--resume", run.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("epoch 60/60");
        assertThat(new RunStore(workspace).list().get(0).state()).isEqualTo(RunState.FINISHED);
        assertThat(run.resolve("model.zip")).exists();
    }

    @Test
    void aKilledSweepListsAsUnfinishedAndResumes() throws Exception {
        Path data = TinyTimeCourse.write(dir.resolve("tiny.csv"), 3);
        Path workspace = dir.resolve("ws");
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {"name": "killed", "fixed": {"epochs": "30", "hiddenUnits": "4", "earlyStoppingPatience": "0"},
                 "parameters": [{"key": "dropout", "values": ["0.0", "0.2"]}]}
                """);
        Path log = dir.resolve("sweep.log");
        List<String> args = new ArrayList<>(List.of("sweep", "--spec", spec.toString(), "--data", data.toString(),
                "--workspace", workspace.toString(), "--window", "3", "--label-column", "stage", "--time-column",
                "day", "--group-column", "donor"));
        Process sweep = start(log, args.toArray(String[]::new));
        killAfter(sweep, workspace.resolve("runs"), "state.json", log);

        CliRun listed = CliRun.of("sweep", "--list", "--workspace", workspace.toString());
        assertThat(listed.code()).as(listed.err()).isZero();
        String id = listed.out().strip().split("\\s+")[0];
        assertThat(listed.out()).contains("unfinished: sweep --resume " + id);
        assertThat(new RunStore(workspace).list()).extracting(RunSummary::state).contains(RunState.INTERRUPTED);

        CliRun resumed = CliRun.of("sweep", "--resume", id, "--workspace", workspace.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        CliRun after = CliRun.of("sweep", "--list", "--workspace", workspace.toString());
        assertThat(after.out()).contains("2/2").doesNotContain("unfinished");
    }
}
