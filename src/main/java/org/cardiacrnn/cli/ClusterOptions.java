package org.cardiacrnn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cardiacrnn.WorkbenchException;
import org.cardiacrnn.sweeps.SlurmJob;
import org.cardiacrnn.sweeps.SweepWorker;

import picocli.CommandLine.Option;

/** The options of {@code sweep} that spread a sweep's trials over workers on a SLURM cluster. */
final class ClusterOptions {

    @Option(names = "--worker", paramLabel = "SWEEP_DIR", description = "Work as one of the sweep's workers: claim "
            + "waiting trials from this sweep folder, train them, and repeat until none is left.")
    Path worker;

    @Option(names = "--lease", paramLabel = "TIME", description = "How long a silent worker keeps its trial before "
            + "another may take it, e.g. 300s or 5m (default: 5m).")
    String lease;

    @Option(names = "--slurm", description = "Prepare the sweep folder and submit its trials as a SLURM job array "
            + "(with --spec and --data). The workspace must be on a file system every node sees.")
    boolean slurm;

    @Option(names = "--workers", paramLabel = "N", description = "Array tasks, one worker each (default: 4).")
    Integer workers;

    @Option(names = "--partition", paramLabel = "NAME", description = "SLURM partition for the workers.")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "SLURM time limit per worker, e.g. 04:00:00.")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs per worker (the trainer uses 2).")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per worker, e.g. 4G.")
    String memory;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "Any other sbatch option, e.g. "
            + "--sbatch-arg=--account=lab; repeatable.")
    List<String> sbatchArguments = new ArrayList<>();

    @Option(names = "--dry-run", description = "With --slurm: write submit.sbatch but do not submit it.")
    boolean dryRun;

    @Option(names = "--follow", paramLabel = "SWEEP_ID", description = "Print the live trial table of a sweep "
            + "that workers are filling, until it ends.")
    String follow;

    @Option(names = "--stop", paramLabel = "SWEEP_ID", description = "Mark a sweep as stopping: its workers finish "
            + "their current trial (or abandon it with --abandon) and take no new one.")
    String stop;

    @Option(names = "--abandon", description = "With --stop: workers stop their trial at once; it waits again.")
    boolean abandon;

    @Option(names = "--scancel", description = "With --stop: also cancel the sweep's SLURM job array now.")
    boolean scancel;

    Duration lease() {
        if (lease == null) {
            return SweepWorker.DEFAULT_LEASE;
        }
        String text = lease.strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        String unit = text.substring(digits);
        if (digits == 0 || digits > 9 || !List.of("", "s", "m", "h").contains(unit)) {
            throw new WorkbenchException("--lease must be a time such as 300s, 5m or 1h; got \"" + lease + "\"");
        }
        long amount = Long.parseLong(text.substring(0, digits));
        Duration duration = switch (unit) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new WorkbenchException("--lease must be longer than zero; got " + lease);
        }
        return duration;
    }

    SlurmJob.Request request() {
        return new SlurmJob.Request(workers == null ? 4 : workers, partition, time, cpusPerTask, memory,
                sbatchArguments);
    }

    /** Options that only mean something with --slurm, named when given without it. */
    void checkUsedWithSlurm() {
        if (slurm) {
            return;
        }
        List<String> given = new ArrayList<>();
        if (workers != null) {
            given.add("--workers");
        }
        if (partition != null) {
            given.add("--partition");
        }
        if (time != null) {
            given.add("--time");
        }
        if (cpusPerTask != null) {
            given.add("--cpus-per-task");
        }
        if (memory != null) {
            given.add("--mem");
        }
        if (!sbatchArguments.isEmpty()) {
            given.add("--sbatch-arg");
        }
        if (dryRun) {
            given.add("--dry-run");
        }
        if (!given.isEmpty()) {
            throw new WorkbenchException(String.join(", ", given) + " only apply with --slurm");
        }
        if ((abandon || scancel) && stop == null) {
            throw new WorkbenchException("--abandon and --scancel only apply with --stop SWEEP_ID");
        }
    }
}
