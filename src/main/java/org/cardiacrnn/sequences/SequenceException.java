package org.cardiacrnn.sequences;

import org.cardiacrnn.WorkbenchException;

/** Sequences or splits could not be built; the message names the setting or column involved. */
public class SequenceException extends WorkbenchException {

    public SequenceException(String message) {
        super(message);
    }
}
