package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.cardiacrnn.io.AtomicFiles;

/**
 * A sweep on disk: {@code sweep.json} (the definition, written once) and {@code trials.json} (every trial's
 * state, rewritten atomically after each change, so a crash leaves the last complete state). Each trial's
 * runs are ordinary run folders, named in the trial.
 */
public final class SweepFolder {

    static final String DEFINITION_FILE = "sweep.json";
    static final String TRIALS_FILE = "trials.json";
    static final String STOP_FILE = "stop.json";
    static final String JOB_FILE = "slurm-job.json";
    static final String HEARTBEATS = "heartbeats";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String id;
    private final Path directory;

    SweepFolder(String id, Path directory) {
        this.id = id;
        this.directory = directory;
    }

    public String id() {
        return id;
    }

    public Path directory() {
        return directory;
    }

    public SweepDefinition definition() {
        return read(DEFINITION_FILE, new TypeReference<>() { });
    }

    public synchronized List<Trial> trials() {
        return new ArrayList<>(read(TRIALS_FILE, new TypeReference<List<Trial>>() { }));
    }

    synchronized void writeDefinition(SweepDefinition definition) {
        write(DEFINITION_FILE, definition);
    }

    synchronized void writeTrials(List<Trial> trials) {
        write(TRIALS_FILE, trials);
    }

    /** Replaces the trial with the same number and saves; returns every trial. */
    synchronized List<Trial> update(Trial changed) {
        return update(changed, null);
    }

    /**
     * Replaces the trial with the same number and saves, under the sweep's lock so that workers on other nodes
     * never lose each other's changes; returns every trial.
     *
     * @param claimToken for a worker, the token of its claim: the change is dropped when the trial no longer
     *                   holds it (its lease ran out and another worker took it); null for the sweep's own process
     */
    synchronized List<Trial> update(Trial changed, String claimToken) {
        try (SweepLock ignored = SweepLock.acquire(directory)) {
            List<Trial> trials = trials();
            Trial stored = trials.get(changed.number() - 1);
            if (claimToken != null && (stored.worker() == null || !claimToken.equals(stored.worker().token()))) {
                return trials;
            }
            trials.set(changed.number() - 1, changed);
            writeTrials(trials);
            return trials;
        }
    }

    /** A trial a worker has taken, and every trial as it stood when it was taken. */
    record Claim(Trial trial, List<Trial> before) {
    }

    /**
     * Takes the first waiting trial for {@code claimer}, choosing its values (TPE's from the results so far)
     * under the sweep's lock, so no two workers ever run the same trial or the same proposal.
     */
    synchronized Optional<Claim> claimNext(TrialWorker claimer, SweepPlanner planner) {
        try (SweepLock ignored = SweepLock.acquire(directory)) {
            List<Trial> trials = trials();
            for (Trial trial : trials) {
                if (trial.isWaiting()) {
                    Trial claimed = trial.claimedBy(claimer, planner.choose(trial, trials));
                    List<Trial> before = List.copyOf(trials);
                    trials.set(trial.number() - 1, claimed);
                    writeTrials(trials);
                    heartbeat(claimer);
                    return Optional.of(new Claim(claimed, before));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Puts back in line every trial whose worker has sent no heartbeat for longer than {@code lease}: a killed
     * job or a lost node costs that trial's progress and nothing else.
     *
     * @return the trials put back
     */
    synchronized List<Trial> requeueLost(Duration lease, Instant now) {
        try (SweepLock ignored = SweepLock.acquire(directory)) {
            List<Trial> trials = trials();
            List<Trial> requeued = new ArrayList<>();
            for (Trial trial : trials) {
                if (trial.state() != Trial.TrialState.RUNNING || trial.worker() == null) {
                    continue;
                }
                Instant last = lastHeartbeat(trial.worker());
                if (last.plus(lease).isBefore(now)) {
                    Trial back = trial.requeued(String.format(Locale.ROOT, "%s: re-queued; worker %s sent no "
                            + "heartbeat since %s (lease %d s)%s", now, trial.worker().describe(), last,
                            lease.toSeconds(), trial.runIds().isEmpty() ? ""
                                    : "; its run " + String.join(", ", trial.runIds()) + " stays as interrupted"));
                    trials.set(trial.number() - 1, back);
                    requeued.add(back);
                }
            }
            if (!requeued.isEmpty()) {
                writeTrials(trials);
            }
            return requeued;
        }
    }

    /** Tells other workers that {@code worker} is alive and still training its trial. */
    void heartbeat(TrialWorker worker) {
        Path file = heartbeatFile(worker);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } else {
                Files.writeString(file, worker.describe() + "\n");
            }
        } catch (IOException failure) {
            throw new SweepException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }

    private Instant lastHeartbeat(TrialWorker worker) {
        try {
            return Files.getLastModifiedTime(heartbeatFile(worker)).toInstant();
        } catch (IOException none) {
            return Instant.parse(worker.claimedAt());
        }
    }

    private Path heartbeatFile(TrialWorker worker) {
        return directory.resolve(HEARTBEATS).resolve(worker.token());
    }

    /** How workers leave a sweep that is stopping. */
    public enum StopMode {
        /** Each worker finishes the trial it trains, then takes no new one. */
        FINISH,
        /** Each worker stops its trial at once; the trial waits again for a later worker. */
        ABANDON
    }

    /** Marks the sweep as stopping; workers read it between trials and while they train. */
    public void requestStop(StopMode mode) {
        write(STOP_FILE, mode);
    }

    /** The stop request, if the sweep is stopping. */
    public Optional<StopMode> stopRequest() {
        if (!Files.exists(directory.resolve(STOP_FILE))) {
            return Optional.empty();
        }
        return Optional.of(read(STOP_FILE, new TypeReference<StopMode>() { }));
    }

    /** Removes a stop request, so that workers started later run the remaining trials. */
    public void clearStopRequest() {
        try {
            Files.deleteIfExists(directory.resolve(STOP_FILE));
        } catch (IOException failure) {
            throw new SweepException(directory.resolve(STOP_FILE) + ": cannot be removed (" + failure.getMessage()
                    + ")", failure);
        }
    }

    /** Records the scheduler's job that runs this sweep's workers, for {@code sweep --stop --scancel}. */
    public void recordJob(SlurmJob job) {
        write(JOB_FILE, job);
    }

    /** The scheduler job of the sweep's workers, if it was submitted from here. */
    public Optional<SlurmJob> job() {
        if (!Files.exists(directory.resolve(JOB_FILE))) {
            return Optional.empty();
        }
        return Optional.of(read(JOB_FILE, new TypeReference<SlurmJob>() { }));
    }

    /** Writes the ranked trial table as CSV: rank, trial, state, each varied value, objective, epochs, seconds. */
    public static void exportCsv(Path file, SweepSpec spec, List<Trial> trials) {
        List<Trial> ranked = Trial.ranked(trials, spec.objective());
        try {
            AtomicFiles.write(file, out -> {
                try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
                    List<String> header = new ArrayList<>(List.of("rank", "trial", "state"));
                    spec.parameters().forEach(parameter -> header.add(parameter.key()));
                    header.addAll(List.of(spec.objective().name().toLowerCase(Locale.ROOT), "epochs",
                            "seconds", "runs"));
                    printer.printRecord(header);
                    for (int i = 0; i < ranked.size(); i++) {
                        Trial trial = ranked.get(i);
                        List<Object> row = new ArrayList<>(List.of(i + 1, trial.number(),
                                trial.state().name().toLowerCase(Locale.ROOT)));
                        spec.parameters().forEach(parameter -> row.add(trial.values().getOrDefault(parameter.key(),
                                "")));
                        row.add(trial.objective() == null ? "" : trial.objective());
                        row.add(trial.epochs());
                        row.add(String.format(Locale.ROOT, "%.1f", trial.seconds()));
                        row.add(String.join(" ", trial.runIds()));
                        printer.printRecord(row);
                    }
                }
            });
        } catch (IOException failure) {
            throw new SweepException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }

    private <T> T read(String name, TypeReference<T> type) {
        Path file = directory.resolve(name);
        try {
            return JSON.readValue(Files.readString(file), type);
        } catch (IOException unreadable) {
            throw new SweepException(file + ": cannot be read as a sweep (" + unreadable.getMessage() + ")",
                    unreadable);
        }
    }

    private void write(String name, Object value) {
        Path file = directory.resolve(name);
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException failure) {
            throw new SweepException(file + ": cannot be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }
}
