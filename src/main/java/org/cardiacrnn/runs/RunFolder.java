package org.cardiacrnn.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.cardiacrnn.evaluation.BaselineComparison;
import org.cardiacrnn.evaluation.EvaluationJson;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.io.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run's folder: {@code run.json} (status), {@code config.json}, {@code metrics.csv}, {@code events.log},
 * {@code evaluation.json}, {@code model.zip}, {@code checkpoints/} and {@code figures/}. Every file except
 * the append-only event log is replaced atomically, so a reader (the GUI, another process) never sees half a
 * file. Writers are serialised per instance; one process owns a running run.
 */
public final class RunFolder {

    /** Fields that {@link #writeConfig} adds to the caller's configuration. */
    public static final String SOFTWARE_FIELD = "software";
    public static final String FINGERPRINT_FIELD = "datasetFingerprint";

    private final String id;
    private final Path directory;
    private final ObjectMapper mapper;
    private final SoftwareVersions versions;
    private final Clock clock;

    RunFolder(String id, Path directory, ObjectMapper mapper, SoftwareVersions versions, Clock clock) {
        this.id = id;
        this.directory = directory;
        this.mapper = mapper;
        this.versions = versions;
        this.clock = clock;
    }

    /** Folder name, {@code yyyyMMdd-HHmmss-name}; unique within the store. */
    public String id() {
        return id;
    }

    public Path directory() {
        return directory;
    }

    public Path statusFile() {
        return directory.resolve("run.json");
    }

    public Path configFile() {
        return directory.resolve("config.json");
    }

    public Path metricsFile() {
        return directory.resolve("metrics.csv");
    }

    public Path eventsLog() {
        return directory.resolve("events.log");
    }

    public Path evaluationFile() {
        return directory.resolve("evaluation.json");
    }

    /** Where the trainer saves the best weights and fitted preprocessing. */
    public Path modelFile() {
        return directory.resolve("model.zip");
    }

    /** The checkpoint folder, created if needed. */
    public Path checkpointsDirectory() {
        return createdDirectory("checkpoints");
    }

    /** The figure export folder, created if needed. */
    public Path figuresDirectory() {
        return createdDirectory("figures");
    }

    /** Newest file in {@code checkpoints/} by modification time, if any. */
    public Optional<Path> latestCheckpoint() {
        Path checkpoints = directory.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX))
                    .max((a, b) -> lastModified(a).compareTo(lastModified(b)));
        } catch (IOException e) {
            throw new RunStoreException(checkpoints, "could not be listed (" + e.getMessage() + ")", e);
        }
    }

    /** The run's status as saved in {@code run.json}. */
    public RunStatus status() {
        JsonNode tree = readJson(statusFile());
        try {
            return RunStatusJson.fromTree(tree);
        } catch (IllegalArgumentException e) {
            throw new RunStoreException(statusFile(), e.getMessage(), e);
        }
    }

    synchronized void writeStatus(RunStatus status) {
        writeJson(statusFile(), RunStatusJson.toTree(status));
    }

    /**
     * Saves {@code config} (any Jackson-serialisable object or a JsonNode that is a JSON object) as
     * {@code config.json}, adding {@value #SOFTWARE_FIELD} (software versions) and, if not null,
     * {@value #FINGERPRINT_FIELD} (see {@link DatasetFingerprint}).
     */
    public synchronized void writeConfig(Object config, String datasetFingerprint) {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(config);
        } catch (IllegalArgumentException e) {
            throw new RunStoreException(configFile(), "the configuration cannot be written as JSON ("
                    + e.getMessage() + ")", e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a run configuration must be a JSON object; got " + tree.getNodeType());
        }
        ObjectNode saved = object.deepCopy();
        saved.set(SOFTWARE_FIELD, mapper.valueToTree(versions));
        if (datasetFingerprint != null) {
            saved.put(FINGERPRINT_FIELD, datasetFingerprint);
        }
        writeJson(configFile(), saved);
    }

    /** {@code config.json} as a tree, including the added software and fingerprint fields. */
    public JsonNode readConfig() {
        return readJson(configFile());
    }

    /** {@code config.json} read as {@code type}, without the fields {@link #writeConfig} added. */
    public <T> T readConfig(Class<T> type) {
        JsonNode tree = readConfig();
        if (tree instanceof ObjectNode object) {
            object.remove(SOFTWARE_FIELD);
            object.remove(FINGERPRINT_FIELD);
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new RunStoreException(configFile(), "does not hold a valid configuration: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The software versions recorded in {@code config.json}. */
    public SoftwareVersions softwareVersions() {
        try {
            return mapper.treeToValue(readConfig().path(SOFTWARE_FIELD), SoftwareVersions.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RunStoreException(configFile(), "field \"" + SOFTWARE_FIELD + "\" is missing or malformed", e);
        }
    }

    /** Appends one epoch to {@code metrics.csv}, rewriting the small file atomically. */
    public synchronized void appendMetrics(EpochMetrics row) {
        StringBuilder text = new StringBuilder();
        if (Files.exists(metricsFile())) {
            text.append(readText(metricsFile()));
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        }
        if (text.length() == 0) {
            text.append(MetricsCsv.HEADER).append('\n');
        }
        text.append(MetricsCsv.row(row)).append('\n');
        save(metricsFile(), text.toString());
    }

    /**
     * Drops the rows after {@code lastEpoch}: an epoch recorded after the last checkpoint is trained again when
     * the run resumes, so it must not be listed twice.
     */
    public synchronized void keepMetricsUpTo(int lastEpoch) {
        List<EpochMetrics> kept = readMetrics().stream().filter(row -> row.epoch() <= lastEpoch).toList();
        StringBuilder text = new StringBuilder(MetricsCsv.HEADER).append('\n');
        kept.forEach(row -> text.append(MetricsCsv.row(row)).append('\n'));
        save(metricsFile(), text.toString());
    }

    /** Marks a stopped or interrupted run as running again, in this process. */
    public synchronized void markResumed() {
        RunStatus status = status();
        if (status.state() != RunState.STOPPED && status.state() != RunState.INTERRUPTED) {
            throw new RunStoreException(directory, "is " + status.state().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only a stopped or interrupted run can be resumed");
        }
        writeStatus(status.resumedBy(ProcessHandle.current()));
        logEvent("resumed");
    }

    /** Rows of {@code metrics.csv} (empty if no epoch has ended yet). */
    public List<EpochMetrics> readMetrics() {
        if (!Files.exists(metricsFile())) {
            return List.of();
        }
        return MetricsCsv.parse(metricsFile(), readText(metricsFile()).lines().toList());
    }

    /**
     * Appends {@code "<ISO-8601 UTC time> <message>"} to {@code events.log}. The log is append-only (one write
     * per line), unlike the other files, so that frequent events stay cheap.
     */
    public synchronized void logEvent(String message) {
        String line = clock.instant() + " " + message.replace('\n', ' ').replace('\r', ' ') + "\n";
        try {
            Files.writeString(eventsLog(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new RunStoreException(eventsLog(), "could not be written (" + e.getMessage() + ")", e);
        }
    }

    /** Lines of {@code events.log}, oldest first. */
    public List<String> readEvents() {
        return Files.exists(eventsLog()) ? readText(eventsLog()).lines().toList() : List.of();
    }

    public synchronized void writeEvaluation(EvaluationReport report) {
        save(evaluationFile(), EvaluationJson.toJson(report));
    }

    /** The evaluation with the network's comparison with static baselines beside it. */
    public synchronized void writeEvaluation(EvaluationReport report, BaselineComparison baselines) {
        save(evaluationFile(), EvaluationJson.toJson(report, baselines));
    }

    /** The baseline comparison in evaluation.json, or null when the run has none. */
    public BaselineComparison readBaselines() {
        return EvaluationJson.baselinesFromJson(readText(evaluationFile()), evaluationFile().toString());
    }

    public EvaluationReport readEvaluation() {
        return EvaluationJson.fromJson(readText(evaluationFile()), evaluationFile().toString());
    }

    /** Records the best validation accuracy so far and the test accuracy (NaN for "not yet"). */
    public synchronized void recordAccuracies(double bestValidationAccuracy, double testAccuracy) {
        writeStatus(status().withAccuracies(bestValidationAccuracy, testAccuracy));
    }

    /**
     * Ends the run as {@link RunState#FINISHED}, {@link RunState#STOPPED} or {@link RunState#FAILED};
     * {@code message} (may be null) says why it stopped or failed and goes to the event log too.
     */
    public synchronized void finish(RunState state, String message) {
        if (state != RunState.FINISHED && state != RunState.STOPPED && state != RunState.FAILED) {
            throw new IllegalArgumentException("a run can only finish as FINISHED, STOPPED or FAILED; got " + state);
        }
        writeStatus(status().withState(state, clock.instant(), message));
        logEvent(state.name().toLowerCase() + (message == null ? "" : ": " + message));
    }

    private Path createdDirectory(String name) {
        Path path = directory.resolve(name);
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new RunStoreException(path, "could not be created (" + e.getMessage() + ")", e);
        }
    }

    private void writeJson(Path file, JsonNode tree) {
        try {
            save(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
        } catch (JsonProcessingException e) {
            throw new RunStoreException(file, "could not be written as JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    JsonNode readJson(Path file) {
        String text = readText(file);
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new RunStoreException(file, "is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new RunStoreException(file, "is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunStoreException(file, "is missing; the run folder is incomplete", e);
        } catch (IOException e) {
            throw new RunStoreException(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void save(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException failure) {
            throw new RunStoreException(file, "could not be written (" + AtomicFiles.describe(failure) + ")", failure);
        }
    }
}
