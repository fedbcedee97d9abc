package org.cardiacrnn.sequences;

/**
 * How many samples (matrix rows) feed sequences in more than one split, with a sentence for the user.
 *
 * @param totalRows distinct samples used by any sequence
 */
public record LeakageReport(int sharedTrainTest, int sharedTrainValidation, int sharedValidationTest,
                           int totalRows, String plainWords) {

    /** True when no sample feeds two splits. */
    public boolean clean() {
        return sharedTrainTest == 0 && sharedTrainValidation == 0 && sharedValidationTest == 0;
    }
}
