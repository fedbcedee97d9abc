package org.cardiacrnn.sequences;

import java.util.List;

import org.cardiacrnn.preprocessing.FittedPreprocessing;

/**
 * Sequences ready for training: each split preprocessed with statistics fitted on the training samples only.
 * When {@code validationIsTest}, {@code validation} holds the test sequences (the published protocol).
 */
public record PreparedData(SequenceDataset train, SequenceDataset validation, SequenceDataset test,
                           boolean validationIsTest, FittedPreprocessing preprocessing, SplitIndices split,
                           LeakageReport leakage, List<String> classNames, List<String> warnings) {

    public PreparedData {
        classNames = List.copyOf(classNames);
        warnings = List.copyOf(warnings);
    }
}
