package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<Trial> trials = trials();
        trials.set(changed.number() - 1, changed);
        writeTrials(trials);
        return trials;
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
