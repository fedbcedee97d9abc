package org.cardiacrnn.interpret;

import org.cardiacrnn.WorkbenchException;

/** Thrown between iterations when the caller asked a 2-D map of embeddings to stop. */
public final class MapCancelledException extends WorkbenchException {

    public MapCancelledException() {
        super("the embedding map was cancelled");
    }
}
