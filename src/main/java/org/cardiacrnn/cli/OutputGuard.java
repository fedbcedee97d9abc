package org.cardiacrnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.cardiacrnn.WorkbenchException;

/**
 * The check every command runs before it writes a file the user named: an existing file is replaced only with
 * --force, and never when it is one of the command's own inputs or lies inside a run or sweep folder, whose files
 * the workbench alone writes (a replaced model.zip or metrics.csv would lose a run).
 */
final class OutputGuard {

    private static final String[] FOLDER_MARKERS = {"run.json", "sweep.json"};

    private OutputGuard() {
    }

    /** Refuses {@code target} as described above; {@code inputs} may hold nulls (options left out). */
    static void requireWritable(Path target, boolean force, Path... inputs) {
        Path absolute = canonical(target);
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path source = canonical(input);
            if (absolute.equals(source) || absolute.startsWith(source) && Files.isDirectory(source)) {
                throw new WorkbenchException(target + " is one of this command's inputs (" + input + "); write the "
                        + "output elsewhere");
            }
        }
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            for (String marker : FOLDER_MARKERS) {
                if (Files.isRegularFile(folder.resolve(marker))) {
                    throw new WorkbenchException(target + " lies inside the " + (marker.startsWith("run") ? "run"
                            : "sweep") + " folder " + folder + ", whose files only the workbench writes; write the "
                            + "output elsewhere");
                }
            }
        }
        if (Files.isDirectory(absolute)) {
            throw new WorkbenchException(target + " is a folder; name a file to write");
        }
        if (Files.exists(absolute) && !force) {
            throw new WorkbenchException(target + " already exists; add --force to replace it");
        }
    }

    /** The real path where the file exists (links resolved), else the absolute, normalised path. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : canonicalParent(absolute);
        } catch (IOException unresolvable) {
            return absolute;
        }
    }

    private static Path canonicalParent(Path absolute) throws IOException {
        Path parent = absolute.getParent();
        if (parent == null || !Files.exists(parent)) {
            return absolute;
        }
        return parent.toRealPath().resolve(Objects.requireNonNull(absolute.getFileName()));
    }
}
