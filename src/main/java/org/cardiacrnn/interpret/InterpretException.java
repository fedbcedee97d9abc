package org.cardiacrnn.interpret;

import org.cardiacrnn.WorkbenchException;

/** Attribution or embedding asked of a network or data it cannot be computed for. */
public class InterpretException extends WorkbenchException {

    public InterpretException(String message) {
        super(message);
    }
}
