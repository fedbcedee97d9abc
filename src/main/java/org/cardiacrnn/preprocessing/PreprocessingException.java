package org.cardiacrnn.preprocessing;

import org.cardiacrnn.WorkbenchException;

/** Preprocessing could not be fitted or applied; the message names the genes, samples or field involved. */
public class PreprocessingException extends WorkbenchException {

    public PreprocessingException(String message) {
        super(message);
    }
}
