package org.cardiacrnn.interpret;

import org.cardiacrnn.WorkbenchException;

/** Thrown between batches when the caller asked attribution to stop. */
public final class AttributionCancelledException extends WorkbenchException {

    public AttributionCancelledException() {
        super("attribution was cancelled");
    }
}
