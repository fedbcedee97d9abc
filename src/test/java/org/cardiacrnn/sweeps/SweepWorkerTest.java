package org.cardiacrnn.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers sharing one sweep folder, without training: each worker has its own {@link SweepFolder} object, as
 * separate processes would, so only the folder's lock keeps them apart.
 */
class SweepWorkerTest {

    @TempDir
    Path workspace;

    private SweepFolder sweep(int trials) {
        List<String> rates = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            rates.add("0.00" + i);
        }
        SweepSpec spec = new SweepSpec("race", "quick", Map.of(), List.of(ParameterSpace.of("learningRate",
                rates.toArray(String[]::new))), SweepSpec.Strategy.GRID, 0, 1, Objective.VALIDATION_ACCURACY, 1,
                null).validated("test");
        SweepDefinition definition = new SweepDefinition(spec, null, null, Instant.now().toString(), null);
        return new SweepStore(workspace).create(definition, new SweepPlanner(spec).plan());
    }

    /** A trainer that only records who ran what, then finishes the trial as its worker. */
    private static SweepRunner.TrialTrainer recording(SweepFolder folder, Queue<String> ran) {
        return (started, before) -> {
            ran.add(started.number() + " by " + started.worker().token());
            try {
                Thread.sleep(15);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return folder.update(started.withResult(Trial.TrialState.FINISHED, List.of("run-" + started.number()),
                    0.5, List.of(List.of(0.5)), 1, 0.01, null), started.worker().token());
        };
    }

    @Test
    void workersRacingForClaimsRunEveryTrialExactlyOnce() throws Exception {
        SweepFolder created = sweep(24);
        Queue<String> ran = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                SweepFolder own = SweepStore.openFolder(created.directory());
                return new SweepWorker(own, Duration.ofMinutes(1)).work(recording(own, ran), new SweepControl());
            }));
        }
        int ended = 0;
        for (Future<Integer> worker : workers) {
            ended += worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(ended).isEqualTo(24);
        assertThat(ran).hasSize(24);
        assertThat(ran.stream().map(line -> line.substring(0, line.indexOf(' ')))).doesNotHaveDuplicates();
        assertThat(created.trials()).hasSize(24).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(Trial.TrialState.FINISHED);
            assertThat(trial.runIds()).containsExactly("run-" + trial.number());
            assertThat(trial.worker()).isNotNull();
        });
        assertThat(created.directory().resolve(SweepLock.NAME)).doesNotExist();
    }

    @Test
    void aSilentWorkersTrialGoesBackInLineAndItsLateWriteIsDropped() throws Exception {
        SweepFolder folder = sweep(2);
        SweepPlanner planner = new SweepPlanner(folder.definition().spec());
        Instant claimedAt = Instant.now().minus(Duration.ofMinutes(10));
        SweepFolder.Claim lost = folder.claimNext(new TrialWorker("node7", "41_1", 99, "lost-token",
                claimedAt.toString()), planner).orElseThrow();
        Files.setLastModifiedTime(folder.directory().resolve(SweepFolder.HEARTBEATS).resolve("lost-token"),
                FileTime.from(claimedAt));

        List<Trial> requeued = folder.requeueLost(Duration.ofMinutes(5), Instant.now());

        assertThat(requeued).singleElement().satisfies(trial -> {
            assertThat(trial.number()).isEqualTo(lost.trial().number());
            assertThat(trial.state()).isEqualTo(Trial.TrialState.REQUEUED);
            assertThat(trial.events()).singleElement().asString().contains("re-queued")
                    .contains("node7, job 41_1, pid 99").contains("lease 300 s");
        });
        SweepFolder.Claim again = folder.claimNext(new TrialWorker("node8", "41_2", 7, "new-token",
                Instant.now().toString()), planner).orElseThrow();
        assertThat(again.trial().number()).isEqualTo(lost.trial().number());

        folder.update(lost.trial().withResult(Trial.TrialState.FINISHED, List.of("late"), 0.9, List.of(), 1, 1,
                null), "lost-token");

        Trial stored = folder.trials().get(lost.trial().number() - 1);
        assertThat(stored.state()).isEqualTo(Trial.TrialState.RUNNING);
        assertThat(stored.worker().token()).isEqualTo("new-token");
        assertThat(stored.events()).hasSize(1);
    }

    @Test
    void aWorkerWaitsForATrialRunningElsewhereAndFinishesItWhenItsWorkerIsLost() throws Exception {
        SweepFolder folder = sweep(3);
        SweepPlanner planner = new SweepPlanner(folder.definition().spec());
        folder.claimNext(new TrialWorker("gone", null, 1, "gone-token", Instant.now().toString()), planner)
                .orElseThrow();
        Queue<String> ran = new ConcurrentLinkedQueue<>();

        int ended = new SweepWorker(SweepStore.openFolder(folder.directory()), Duration.ofMillis(600))
                .work(recording(folder, ran), new SweepControl());

        assertThat(ended).isEqualTo(3);
        assertThat(folder.trials()).allMatch(trial -> trial.state() == Trial.TrialState.FINISHED);
        assertThat(folder.trials().get(0).events()).singleElement().asString().contains("re-queued");
    }

    @Test
    void aStoppingSweepTakesNoNewTrial() {
        SweepFolder folder = sweep(3);
        folder.requestStop(SweepFolder.StopMode.FINISH);
        Queue<String> ran = new ConcurrentLinkedQueue<>();

        int ended = new SweepWorker(folder, Duration.ofMinutes(1)).work(recording(folder, ran), new SweepControl());

        assertThat(ended).isZero();
        assertThat(ran).isEmpty();
        assertThat(folder.stopRequest()).contains(SweepFolder.StopMode.FINISH);
        folder.clearStopRequest();
        assertThat(folder.stopRequest()).isEmpty();
    }

    @Test
    void aLockLeftByADeadProcessIsBroken() throws Exception {
        SweepFolder folder = sweep(1);
        Path lock = Files.createDirectory(folder.directory().resolve(SweepLock.NAME));
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(SweepLock.STALE).minusSeconds(5)));

        SweepFolder.Claim claim = folder.claimNext(new TrialWorker("h", null, 1, "t", Instant.now().toString()),
                new SweepPlanner(folder.definition().spec())).orElseThrow();

        assertThat(claim.trial().state()).isEqualTo(Trial.TrialState.RUNNING);
        assertThat(lock).doesNotExist();
    }

    @Test
    void theWorkerFolderMustBeASweepFolder() {
        assertThatThrownBy(() -> SweepStore.openFolder(workspace)).isInstanceOf(SweepException.class)
                .hasMessageContaining("not a sweep folder");
    }

    @Test
    void slurmJobIdsComeFromTheArrayTaskWhenThereIsOne() {
        assertThat(TrialWorker.slurmJob(Map.of("SLURM_ARRAY_JOB_ID", "12", "SLURM_ARRAY_TASK_ID", "3",
                "SLURM_JOB_ID", "15"))).isEqualTo("12_3");
        assertThat(TrialWorker.slurmJob(Map.of("SLURM_JOB_ID", "15"))).isEqualTo("15");
        assertThat(TrialWorker.slurmJob(Map.of())).isNull();
    }

    @Test
    void aMissingSchedulerCommandIsOneClearLine() {
        assertThatThrownBy(() -> SlurmJob.command(List.of("cardiac-rnn-no-such-sbatch", "x.sbatch"), "submit x"))
                .isInstanceOf(SweepException.class)
                .hasMessageStartingWith("cannot submit x: cardiac-rnn-no-such-sbatch is not installed here")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shellWordsAreQuotedSoNothingIsExpanded() {
        assertThat(SlurmJob.quote("/data/it's $HOME")).isEqualTo("'/data/it'\\''s $HOME'");
    }

    @Test
    void tpeTrialsClaimedByRacingWorkersAreEachTrainedOnceWithTheProposalMadeForThem() throws Exception {
        SweepSpec spec = new SweepSpec("tpe", "quick", Map.of(), List.of(ParameterSpace.range("learningRate", 1e-4,
                1e-1, null, ParameterSpace.Scale.LOG)), SweepSpec.Strategy.TPE, 12, 3, Objective.VALIDATION_ACCURACY,
                1, null).validated("test");
        SweepFolder created = new SweepStore(workspace).create(new SweepDefinition(spec, null, null,
                Instant.now().toString(), null), new SweepPlanner(spec).plan());
        Map<Integer, Map<String, String>> trained = new java.util.concurrent.ConcurrentHashMap<>();
        Queue<Integer> order = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            workers.add(pool.submit(() -> {
                SweepFolder own = SweepStore.openFolder(created.directory());
                SweepRunner.TrialTrainer scored = (started, before) -> {
                    order.add(started.number());
                    trained.put(started.number(), started.values());
                    double rate = Double.parseDouble(started.values().get("learningRate"));
                    return own.update(started.withResult(Trial.TrialState.FINISHED, List.of(),
                            -Math.abs(Math.log10(rate) + 2), List.of(), 1, 0, null), started.worker().token());
                };
                return new SweepWorker(own, Duration.ofMinutes(1)).work(scored, new SweepControl());
            }));
        }
        for (Future<Integer> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(order).hasSize(12).doesNotHaveDuplicates();
        assertThat(created.trials()).hasSize(12).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(Trial.TrialState.FINISHED);
            assertThat(trial.values()).containsKey("learningRate").isEqualTo(trained.get(trial.number()));
        });
    }
}
