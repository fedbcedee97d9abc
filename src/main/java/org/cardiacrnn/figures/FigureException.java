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

    public FigureException(String message) {
        super(message);
        this.file = null;
    }

    /** The file that could not be written, or {@code null} when the problem is not about a file. */
    public Path file() {
        return file;
    }
}
