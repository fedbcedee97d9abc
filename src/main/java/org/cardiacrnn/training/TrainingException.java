package org.cardiacrnn.training;

import org.cardiacrnn.WorkbenchException;

/** Training, saving or loading a model failed; the message says what and, where it applies, which file. */
public class TrainingException extends WorkbenchException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
