package org.cardiacrnn;

/**
 * Base of every failure the workbench reports to a person. Its message is written for a researcher
 * (what went wrong and where), so the CLI prints it as one line and the GUI shows it in a dialog;
 * the cause, if any, holds the technical detail.
 */
public class WorkbenchException extends RuntimeException {

    public WorkbenchException(String message) {
        super(message);
    }

    public WorkbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
