package org.cardiacrnn.sequences;

/**
 * Which sequences go to training, validation and test. Validation may be empty; in the published
 * protocol it is the test split itself, which {@link #validationIsTest()} records so reports can say so.
 */
public record SplitIndices(int[] train, int[] validation, int[] test, boolean validationIsTest) {

    public SplitIndices {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }
}
