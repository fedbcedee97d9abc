package org.cardiacrnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cardiacrnn.WorkbenchException;

/** Checks of a --workspace value before anything is written into it. */
final class Workspaces {

    private Workspaces() {
    }

    /** An empty name would silently mean the current folder, and a file cannot hold run folders. */
    static void requireValid(Path workspace) {
        if (workspace == null) {
            return;
        }
        if (workspace.toString().isBlank()) {
            throw new WorkbenchException("--workspace is empty; name a folder, or leave the option out to use the "
                    + "workbench's user data folder");
        }
        if (Files.exists(workspace) && !Files.isDirectory(workspace)) {
            throw new WorkbenchException("--workspace " + workspace + " is a file, not a folder");
        }
    }
}
