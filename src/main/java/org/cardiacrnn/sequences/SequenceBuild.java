package org.cardiacrnn.sequences;

import java.util.List;

/** Built sequences plus what the builder skipped or noticed, in words for the user. */
public record SequenceBuild(SequenceDataset dataset, List<String> warnings) {

    public SequenceBuild {
        warnings = List.copyOf(warnings);
    }
}
