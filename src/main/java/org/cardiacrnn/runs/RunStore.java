package org.cardiacrnn.runs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run folders of one workspace, {@code <workspace>/runs/<yyyyMMdd-HHmmss>-<name>/}. Listing or opening a
 * run that claims to be running while the process that ran it is gone marks it
 * {@link RunState#INTERRUPTED}, keeping its checkpoints.
 */
public final class RunStore {

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_NAME_LENGTH = 60;
    /** Anything but a word character splits words; '=' and '+' stay with their setting ("epochs=1", "+2"). */
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^A-Za-z0-9._=+]+");
    private static final Pattern TRAILING_TIME = Pattern.compile("[\\s·-]+\\d{1,2}:\\d{2}(:\\d{2})?\\s*$");

    private final Path runsDirectory;
    private final Clock clock;
    private final SoftwareVersions versions;

    /** A store in {@code workspace/runs}, using the system clock and the running software's versions. */
    public RunStore(Path workspace) {
        this(workspace, Clock.systemDefaultZone(), SoftwareVersions.detect());
    }

    /** As {@link #RunStore(Path)}, with the clock that names folders and stamps times (its zone names folders). */
    public RunStore(Path workspace, Clock clock, SoftwareVersions versions) {
        this.runsDirectory = workspace.toAbsolutePath().normalize().resolve("runs");
        this.clock = clock;
        this.versions = versions;
    }

    public Path runsDirectory() {
        return runsDirectory;
    }

    /**
     * Creates a new RUNNING run owned by this process.
     *
     * @param name            free text; sanitised for the folder name (see {@link #folderName})
     * @param preset          hyperparameter preset it starts from, or null
     * @param hyperparameters a few key settings to show in the Runs table
     */
    public RunFolder create(String name, String preset, Map<String, String> hyperparameters) {
        Instant now = clock.instant();
        String base = FOLDER_TIME.format(now.atZone(clock.getZone())) + "-" + folderName(name);
        try {
            Files.createDirectories(runsDirectory);
            for (int attempt = 1; ; attempt++) {
                String id = attempt == 1 ? base : base + "-" + attempt;
                try {
                    Path directory = Files.createDirectory(runsDirectory.resolve(id));
                    RunFolder folder = folder(id, directory);
                    ProcessHandle self = ProcessHandle.current();
                    folder.writeStatus(new RunStatus(name, preset, RunState.RUNNING, now, null, hyperparameters,
                            Double.NaN, Double.NaN, null, null, self.pid(), self.info().startInstant().orElse(null)));
                    folder.logEvent("created run \"" + name + "\"");
                    return folder;
                } catch (FileAlreadyExistsException e) {
                    // Another run started in the same second under the same name: try the next suffix.
                }
            }
        } catch (IOException e) {
            throw new RunStoreException(runsDirectory, "could not create a run folder (" + e.getMessage() + ")", e);
        }
    }

    /** Every run, newest first; unreadable folders are listed as {@link RunState#UNREADABLE}. */
    public List<RunSummary> list() {
        if (!Files.isDirectory(runsDirectory)) {
            return List.of();
        }
        List<RunSummary> summaries = new ArrayList<>();
        try (Stream<Path> children = Files.list(runsDirectory)) {
            for (Path child : children.sorted().toList()) {
                String id = child.getFileName().toString();
                if (!RUN_ID.matcher(id).matches() || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                RunFolder folder = folder(id, child);
                try {
                    summaries.add(RunSummary.of(folder, markIfInterrupted(folder)));
                } catch (RunStoreException e) {
                    summaries.add(RunSummary.unreadable(folder, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new RunStoreException(runsDirectory, "could not be listed (" + e.getMessage() + ")", e);
        }
        summaries.sort(Comparator.comparing(RunSummary::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RunSummary::id).reversed());
        return summaries;
    }

    /** An existing run by folder name. */
    public RunFolder open(String id) {
        RunFolder folder = folder(id, existingRunDirectory(id));
        markIfInterrupted(folder);
        return folder;
    }

    /**
     * Deletes a run folder and everything in it. Refuses ids that are not a folder directly inside the store,
     * and runs still running in a live process. Links inside the folder are removed, never followed.
     */
    public void delete(String id) {
        Path directory = existingRunDirectory(id);
        RunFolder folder = folder(id, directory);
        RunState state;
        try {
            state = markIfInterrupted(folder).state();
        } catch (RunStoreException e) {
            // An unreadable run.json must not make a run impossible to delete.
            state = RunState.UNREADABLE;
        }
        if (state == RunState.RUNNING) {
            throw new RunStoreException(directory, "is still running; stop it before deleting it");
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new RunStoreException(directory, "could not be fully deleted (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The folder-name form of a run name: its words joined by '-', using letters, digits, '.', '_' and '-' only,
     * at most 60 characters, cut only between words. A trailing clock time ("… · 09:23:00") is left out because
     * the folder's timestamp already says when the run started, and a clipped time read as noise.
     */
    public static String folderName(String name) {
        String withoutTime = TRAILING_TIME.matcher(name == null ? "" : name).replaceFirst("");
        StringBuilder folder = new StringBuilder();
        for (String word : WORD_SEPARATOR.split(withoutTime)) {
            String cleaned = word.replace("=", "-").replace("+", "plus").replaceAll("^[._-]+|[._-]+$", "");
            if (cleaned.isEmpty()) {
                continue;
            }
            int lengthWith = folder.length() + (folder.length() == 0 ? 0 : 1) + cleaned.length();
            if (lengthWith > MAX_NAME_LENGTH) {
                if (folder.length() == 0) {
                    // One word longer than the limit: a clipped word beats an empty name.
                    folder.append(cleaned, 0, MAX_NAME_LENGTH);
                }
                break;
            }
            folder.append(folder.length() == 0 ? "" : "-").append(cleaned);
        }
        String result = folder.toString().replaceAll("[._-]+$", "");
        return result.isEmpty() ? "run" : result;
    }

    private RunStatus markIfInterrupted(RunFolder folder) {
        RunStatus status = folder.status();
        if (!status.ownerIsGone()) {
            return status;
        }
        String checkpoint = folder.latestCheckpoint().map(p -> folder.directory().relativize(p).toString())
                .orElse(null);
        RunStatus interrupted = status.interrupted(clock.instant(), checkpoint);
        folder.writeStatus(interrupted);
        folder.logEvent("interrupted: process " + status.ownerPid() + " ended before the run finished; "
                + (checkpoint == null ? "no checkpoint was saved" : "last checkpoint kept: " + checkpoint));
        return interrupted;
    }

    private Path existingRunDirectory(String id) {
        Path directory = runsDirectory.resolve(id == null ? "" : id).normalize();
        if (id == null || !RUN_ID.matcher(id).matches() || !runsDirectory.equals(directory.getParent())) {
            throw new RunStoreException(runsDirectory, "\"" + id + "\" is not the name of a run in this folder");
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new RunStoreException(directory, "no such run");
        }
        return directory;
    }

    private RunFolder folder(String id, Path directory) {
        return new RunFolder(id, directory, Json.MAPPER, versions, clock);
    }

    /** Made on first use: the workbench makes its store before its first frame, and Jackson's start-up is slow. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
