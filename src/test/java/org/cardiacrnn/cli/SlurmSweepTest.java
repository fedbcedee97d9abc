package org.cardiacrnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cardiacrnn.sweeps.SlurmJob;
import org.cardiacrnn.sweeps.SweepFolder;
import org.cardiacrnn.sweeps.SweepStore;
import org.cardiacrnn.sweeps.Trial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps submitted to a real SLURM cluster: the one-node cluster that .ci/run starts (.ci/slurm-up). Where
 * SLURM's client is not installed, as on a user's machine, the tests are skipped.
 */
@Tag("cluster")
class SlurmSweepTest {

    private static final String SAMPLE = Path.of("sample-data", "cardiac-differentiation.csv.gz").toString();
    private static final Duration PATIENCE = Duration.ofMinutes(6);

    @TempDir
    Path temp;

    @BeforeAll
    static void needsSlurm() {
        boolean installed = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "sbatch")));
        assumeThat(installed).as("sbatch is not installed, so there is no SLURM cluster to submit to; .ci/run "
                + "installs SLURM and starts a one-node cluster with .ci/slurm-up").isTrue();
    }

    private Path spec(String name, int epochs, String parameters) throws IOException {
        Path spec = temp.resolve(name + ".json");
        Files.writeString(spec, """
                {"name": "%s", "fixed": {"epochs": "%d", "hiddenUnits": "8", "denseUnits": "8"},
                 "parameters": [%s], "strategy": "GRID"}
                """.formatted(name, epochs, parameters));
        return spec;
    }

    private static SweepFolder submitted(CliRun run, Path workspace) {
        assertThat(run.code()).as(run.err()).isZero();
        Matcher id = Pattern.compile("submitted job (\\d+) \\(\\d+ workers\\) for sweep (\\S+)").matcher(run.out());
        assertThat(id.find()).as(run.out()).isTrue();
        return new SweepStore(workspace).open(id.group(2));
    }

    private static List<Trial> await(SweepFolder folder, Predicate<List<Trial>> done, String what)
            throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            List<Trial> trials = folder.trials();
            if (done.test(trials)) {
                return trials;
            }
            Thread.sleep(200);
        }
        return fail("waited " + PATIENCE.toMinutes() + " minutes for " + what + "; trials " + folder.trials()
                + "; worker logs:\n" + workerLogs(folder));
    }

    private static String workerLogs(SweepFolder folder) throws IOException {
        Path logs = folder.directory().resolve("workers");
        if (!Files.isDirectory(logs)) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                text.append("== ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Test
    void aGridRunByTwoWorkersRanksLikeTheSameSweepRunHere() throws Exception {
        Path spec = spec("grid4", 2, """
                {"key": "learningRate", "values": ["0.001", "0.01"]}, {"key": "dropout", "values": ["0.0", "0.2"]}""");
        Path cluster = temp.resolve("cluster");
        Path local = temp.resolve("local");

        SweepFolder shared = submitted(CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE,
                "--top-genes", "200", "--workspace", cluster.toString(), "--slurm", "--workers", "2", "--lease",
                "60s"), cluster);
        CliRun here = CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE, "--top-genes", "200",
                "--workspace", local.toString());
        List<Trial> onCluster = await(shared, trials -> trials.stream().allMatch(Trial::isDone), "4 trials");

        assertThat(here.code()).as(here.err()).isZero();
        List<Trial> onThisMachine = new SweepStore(local).list().stream()
                .map(summary -> new SweepStore(local).open(summary.id()).trials()).findFirst().orElseThrow();
        assertThat(onCluster).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.state()).as(trial.message()).isEqualTo(Trial.TrialState.FINISHED);
            assertThat(trial.worker().job()).matches("\\d+_[12]");
            assertThat(trial.events()).isEmpty();
        });
        for (Trial trial : onCluster) {
            Trial same = onThisMachine.get(trial.number() - 1);
            assertThat(trial.values()).isEqualTo(same.values());
            assertThat(trial.objective()).as("trial " + trial.number()).isCloseTo(same.objective(),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(trial.curves()).isEqualTo(same.curves());
        }
        assertThat(onCluster.stream().map(trial -> trial.worker().job()).distinct()).hasSize(2);
        assertThat(shared.directory().resolve(SlurmJob.SCRIPT_NAME)).content().contains("#SBATCH --array=1-2")
                .contains("'sweep' '--worker' '" + shared.directory() + "'");
    }

    @Test
    void aCancelledWorkersTrialIsRequeuedAndFinishedByTheOtherWorker() throws Exception {
        Path spec = spec("cancel", 10, """
                {"key": "dropout", "values": ["0.0", "0.1"]}""");
        Path cluster = temp.resolve("cluster");
        SweepFolder shared = submitted(CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE,
                "--top-genes", "200", "--workspace", cluster.toString(), "--slurm", "--workers", "2", "--lease",
                "3s"), cluster);
        String job = shared.job().orElseThrow().id();

        List<Trial> training = await(shared, trials -> trials.stream().anyMatch(trial -> trial.state()
                == Trial.TrialState.RUNNING && !trial.runIds().isEmpty() && trial.worker().job().equals(job + "_1")),
                "task 1 to start training");
        Trial victim = training.stream().filter(trial -> trial.worker() != null
                && (job + "_1").equals(trial.worker().job())).findFirst().orElseThrow();
        String killedRun = victim.runIds().get(0);
        SlurmJob.cancel(job + "_1");

        List<Trial> ended = await(shared, trials -> trials.stream().allMatch(Trial::isDone), "both trials");

        assertThat(ended).allSatisfy(trial -> {
            assertThat(trial.state()).as(trial.message()).isEqualTo(Trial.TrialState.FINISHED);
            assertThat(trial.runIds()).hasSize(1).doesNotContain(killedRun);
        });
        Trial rerun = ended.get(victim.number() - 1);
        assertThat(rerun.worker().job()).isEqualTo(job + "_2");
        assertThat(rerun.events()).singleElement().asString().contains("re-queued").contains("job " + job + "_1")
                .contains(killedRun);
        assertThat(ended.get(2 - victim.number()).events()).isEmpty();
        assertThat(ended.get(0).runIds()).doesNotContainAnyElementsOf(ended.get(1).runIds());
    }

    @Test
    void aDryRunWritesTheScriptWithThePassedOptionsAndSubmitsNothing() throws Exception {
        Path spec = spec("dry", 1, """
                {"key": "dropout", "values": ["0.0"]}""");
        Path workspace = temp.resolve("dry");
        CliRun run = CliRun.of("sweep", "--spec", spec.toString(), "--data", SAMPLE, "--workspace",
                workspace.toString(), "--slurm", "--workers", "3", "--partition", "gpu", "--time", "01:00:00",
                "--cpus-per-task", "2", "--mem", "4G", "--sbatch-arg=--account=lab", "--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("under /tmp").contains("submit it with: sbatch");
        SweepFolder folder = new SweepStore(workspace).open(new SweepStore(workspace).list().get(0).id());
        assertThat(folder.directory().resolve(SlurmJob.SCRIPT_NAME)).content().contains("#SBATCH --array=1-3")
                .contains("#SBATCH --partition=gpu").contains("#SBATCH --time=01:00:00")
                .contains("#SBATCH --cpus-per-task=2").contains("#SBATCH --mem=4G").contains("#SBATCH --account=lab");
        assertThat(folder.job()).isEmpty();
        assertThat(folder.trials()).allMatch(Trial::isWaiting);
    }
}
