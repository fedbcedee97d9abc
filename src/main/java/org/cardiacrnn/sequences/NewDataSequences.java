package org.cardiacrnn.sequences;

import java.util.List;

/**
 * Sequences from a new file for prediction. When {@code labelled} is false the file had no label column:
 * every label is 0 and means nothing, so only predictions (not accuracy) may be reported.
 */
public record NewDataSequences(SequenceDataset dataset, boolean labelled, List<String> warnings) {

    public NewDataSequences {
        warnings = List.copyOf(warnings);
    }
}
