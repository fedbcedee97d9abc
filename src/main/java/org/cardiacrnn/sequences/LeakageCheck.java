package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Counts samples that feed sequences in more than one split (overlapping windows make random splits leak). */
public final class LeakageCheck {

    private LeakageCheck() {
    }

    /** Compares the source rows of the sequences in each split. */
    public static LeakageReport of(SequenceDataset dataset, SplitIndices split) {
        BitSet train = rows(dataset, split.train());
        BitSet test = rows(dataset, split.test());
        // When validation is the test split itself, sharing between them is the protocol, not a leak.
        BitSet validation = split.validationIsTest() ? new BitSet() : rows(dataset, split.validation());
        BitSet all = new BitSet();
        for (int i = 0; i < dataset.sequenceCount(); i++) {
            for (int row : dataset.sourceRows(i)) {
                all.set(row);
            }
        }
        int trainTest = shared(train, test);
        int trainValidation = shared(train, validation);
        int validationTest = shared(validation, test);
        int total = all.cardinality();
        List<String> sentences = new ArrayList<>();
        if (trainTest > 0) {
            sentences.add(trainTest + " of " + total + " samples feed both training and test sequences: "
                    + "test accuracy will be optimistic.");
        }
        if (trainValidation > 0) {
            sentences.add(trainValidation + " of " + total + " samples feed both training and validation sequences: "
                    + "validation scores and early stopping will be optimistic.");
        }
        if (validationTest > 0) {
            sentences.add(validationTest + " of " + total + " samples feed both validation and test sequences.");
        }
        String words = sentences.isEmpty() ? "No sample is shared between splits." : String.join(" ", sentences);
        return new LeakageReport(trainTest, trainValidation, validationTest, total, words);
    }

    private static BitSet rows(SequenceDataset dataset, int[] sequences) {
        BitSet rows = new BitSet();
        for (int s : sequences) {
            for (int row : dataset.sourceRows(s)) {
                rows.set(row);
            }
        }
        return rows;
    }

    private static int shared(BitSet a, BitSet b) {
        BitSet both = (BitSet) a.clone();
        both.and(b);
        return both.cardinality();
    }
}
