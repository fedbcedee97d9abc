package org.cardiacrnn.sweeps;

import org.cardiacrnn.WorkbenchException;

/** A sweep spec that cannot be used, or a sweep folder that cannot be read or written. */
public class SweepException extends WorkbenchException {

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
