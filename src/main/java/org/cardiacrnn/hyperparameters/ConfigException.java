package org.cardiacrnn.hyperparameters;

import org.cardiacrnn.WorkbenchException;

/** A hyperparameter or run setting that cannot be used; the message names the field and the value. */
public class ConfigException extends WorkbenchException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
