package org.cardiacrnn.runs;

import java.nio.file.Path;

import org.cardiacrnn.WorkbenchException;

/** A run folder could not be created, read or written; the message names the file. */
public class RunStoreException extends WorkbenchException {

    private final transient Path file;

    public RunStoreException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public RunStoreException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file or folder the failure concerns. */
    public Path file() {
        return file;
    }
}
