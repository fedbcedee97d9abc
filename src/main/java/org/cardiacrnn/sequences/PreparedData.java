package org.cardiacrnn.sequences;

import java.util.List;

import org.cardiacrnn.preprocessing.FittedPreprocessing;

/**
 * Sequences ready for training: each split preprocessed with statistics fitted on the training samples only.
 * When {@code validationIsTest}, {@code validation} holds the test sequences (the published protocol).
 * {@code balance} gives the class counts per split; its warnings are also in {@code warnings}.
 */
public record PreparedData(SequenceDataset train, SequenceDataset validation, SequenceDataset test,
                           boolean validationIsTest, FittedPreprocessing preprocessing, SplitIndices split,
                           LeakageReport leakage, List<String> classNames, List<String> warnings,
                           SplitBalance balance) {

    public PreparedData {
        classNames = List.copyOf(classNames);
        warnings = List.copyOf(warnings);
        if (balance == null) {
            List<String> names = validationIsTest ? List.of("training", "test")
                    : List.of("training", "validation", "test");
            List<int[]> counts = validationIsTest ? List.of(train.classCounts(), test.classCounts())
                    : List.of(train.classCounts(), validation.classCounts(), test.classCounts());
            balance = new SplitBalance(classNames, names, counts, List.of());
        }
    }

    /** Prepared data whose class balance was not checked (counts only). */
    public PreparedData(SequenceDataset train, SequenceDataset validation, SequenceDataset test,
                        boolean validationIsTest, FittedPreprocessing preprocessing, SplitIndices split,
                        LeakageReport leakage, List<String> classNames, List<String> warnings) {
        this(train, validation, test, validationIsTest, preprocessing, split, leakage, classNames, warnings, null);
    }

    /** True when no sample is shared between splits and every split holds every class in about its share. */
    public boolean splitsFine() {
        return leakage.clean() && balance.fine();
    }
}
