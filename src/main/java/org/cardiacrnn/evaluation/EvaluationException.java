package org.cardiacrnn.evaluation;

import org.cardiacrnn.WorkbenchException;

/** Evaluation could not be done, e.g. the model returned probabilities of the wrong shape or NaN. */
public class EvaluationException extends WorkbenchException {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
