package org.cardiacrnn.sequences;

import java.util.List;

/**
 * Sequences from a new file for prediction. When {@code labelled} is false the file had no label column:
 * every label is 0 and means nothing, so only predictions (not accuracy) may be reported.
 *
 * @param genesPartlyMissing per sequence: a gene the model needs was absent from the file, or missing (NaN) in
 *                           one of the sequence's samples and filled in
 * @param absentGenes        genes the model needs that the file lacks (filled with their training centre)
 */
public record NewDataSequences(SequenceDataset dataset, boolean labelled, List<String> warnings,
                               boolean[] genesPartlyMissing, List<String> absentGenes) {

    public NewDataSequences {
        warnings = List.copyOf(warnings);
        absentGenes = List.copyOf(absentGenes);
        genesPartlyMissing = genesPartlyMissing == null ? new boolean[dataset.sequenceCount()]
                : genesPartlyMissing.clone();
    }

    /** Sequences built from a complete file. */
    public NewDataSequences(SequenceDataset dataset, boolean labelled, List<String> warnings) {
        this(dataset, labelled, warnings, null, List.of());
    }
}
