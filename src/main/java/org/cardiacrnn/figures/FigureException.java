package org.cardiacrnn.figures;

import java.nio.file.Path;
import org.cardiacrnn.WorkbenchException;

/** A figure could not be built or written; the message names the file and what went wrong. */
public class FigureException extends WorkbenchException {

    private final transient Path file;

    public FigureException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }
}
