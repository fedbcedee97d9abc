package org.cardiacrnn.sweeps;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cardiacrnn.runs.RunStore;

/** The sweep folders of a workspace, in {@code workspace/sweeps}, beside the run folders they link to. */
public final class SweepStore {

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final Clock clock;

    public SweepStore(Path workspace) {
        this(workspace, Clock.systemDefaultZone());
    }

    public SweepStore(Path workspace, Clock clock) {
        this.directory = workspace.toAbsolutePath().normalize().resolve("sweeps");
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Creates a sweep folder holding the definition and the planned trials. */
    public SweepFolder create(SweepDefinition definition, List<Trial> trials) {
        Instant now = clock.instant();
        String base = FOLDER_TIME.format(now.atZone(clock.getZone())) + "-"
                + RunStore.folderName(definition.spec().name());
        try {
            Files.createDirectories(directory);
            for (int attempt = 1; ; attempt++) {
                String id = attempt == 1 ? base : base + "-" + attempt;
                try {
                    SweepFolder folder = new SweepFolder(id, Files.createDirectory(directory.resolve(id)));
                    folder.writeDefinition(definition);
                    folder.writeTrials(trials);
                    return folder;
                } catch (FileAlreadyExistsException taken) {
                    // Another sweep of the same name started in the same second: try the next suffix.
                }
            }
        } catch (IOException failure) {
            throw new SweepException(directory + ": could not create a sweep folder (" + failure.getMessage() + ")",
                    failure);
        }
    }

    public SweepFolder open(String id) {
        Path folder = directory.resolve(id).normalize();
        if (!folder.getParent().equals(directory) || !Files.isRegularFile(folder.resolve(SweepFolder.TRIALS_FILE))) {
            throw new SweepException("no sweep \"" + id + "\" in " + directory);
        }
        return new SweepFolder(id, folder);
    }

    /**
     * The sweep in {@code sweepDirectory}, for a worker given the folder itself: the workspace is the folder
     * two levels up ({@code WORKSPACE/sweeps/ID}).
     */
    public static SweepFolder openFolder(Path sweepDirectory) {
        Path folder = sweepDirectory.toAbsolutePath().normalize();
        Path sweeps = folder.getParent();
        if (sweeps == null || sweeps.getParent() == null || !sweeps.getFileName().toString().equals("sweeps")
                || !Files.isRegularFile(folder.resolve(SweepFolder.TRIALS_FILE))) {
            throw new SweepException(sweepDirectory + ": not a sweep folder (expected WORKSPACE/sweeps/ID with "
                    + SweepFolder.TRIALS_FILE + " inside)");
        }
        return new SweepFolder(folder.getFileName().toString(), folder);
    }

    /** The workspace that holds a sweep folder, where its trials' run folders go. */
    public static Path workspaceOf(SweepFolder folder) {
        return folder.directory().getParent().getParent();
    }

    /** Every readable sweep, newest first; folders that cannot be read are skipped. */
    public List<SweepSummary> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<SweepSummary> summaries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                try {
                    summaries.add(summary(open(child.getFileName().toString())));
                } catch (SweepException unreadable) {
                    // A half-created or foreign folder: not a sweep the user can resume.
                }
            }
        } catch (IOException failure) {
            throw new SweepException(directory + ": could not be listed (" + failure.getMessage() + ")", failure);
        }
        summaries.sort(Comparator.comparing(SweepSummary::id).reversed());
        return summaries;
    }

    /**
     * Sweep folders whose definition is there but whose trial table is missing or cannot be read, each with the
     * reason, so a listing can name them instead of hiding them (their trials' run folders are untouched).
     */
    public Map<String, String> damaged() {
        Map<String, String> damaged = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return damaged;
        }
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (!Files.isRegularFile(child.resolve(SweepFolder.DEFINITION_FILE))) {
                    continue;
                }
                try {
                    summary(new SweepFolder(child.getFileName().toString(), child));
                } catch (SweepException unreadable) {
                    damaged.put(child.getFileName().toString(), Files.exists(child.resolve(SweepFolder.TRIALS_FILE))
                            ? unreadable.getMessage() : SweepFolder.TRIALS_FILE + " is missing");
                }
            }
        } catch (IOException failure) {
            throw new SweepException(directory + ": could not be listed (" + failure.getMessage() + ")", failure);
        }
        return damaged;
    }

    private static SweepSummary summary(SweepFolder folder) {
        SweepDefinition definition = folder.definition();
        SweepSpec spec = definition.spec();
        List<Trial> trials = folder.trials();
        List<Trial> ranked = Trial.ranked(trials, spec.objective());
        double best = ranked.isEmpty() ? Double.NaN : ranked.get(0).objectiveValue();
        int done = (int) trials.stream().filter(Trial::isDone).count();
        return new SweepSummary(folder.id(), spec.name(), spec.strategy(), spec.objective(), trials.size(), done,
                best, definition.createdAt());
    }
}
