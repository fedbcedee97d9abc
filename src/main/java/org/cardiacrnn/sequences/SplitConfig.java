package org.cardiacrnn.sequences;

/**
 * How sequences are divided into training, validation and test.
 *
 * @param kind               RANDOM (the published method; leaks with overlapping windows), STRATIFIED (random
 *                           within each label), GROUPED (whole groups per split) or BLOCKED (contiguous blocks
 *                           in time within each trajectory, separated by gaps so no sample is shared)
 * @param validationIsTest   the published protocol: no separate validation, the test split serves as both;
 *                           validationFraction must then be 0
 * @param folds              number of folds for k-fold cross-validation
 */
public record SplitConfig(Kind kind, double trainFraction, double validationFraction, double testFraction,
                          long seed, int folds, boolean validationIsTest) {

    /** Split strategy. */
    public enum Kind { RANDOM, GROUPED, STRATIFIED, BLOCKED }

    public SplitConfig {
        if (kind == null) {
            kind = Kind.GROUPED;
        }
        checkFraction("train fraction", trainFraction);
        checkFraction("validation fraction", validationFraction);
        checkFraction("test fraction", testFraction);
        if (trainFraction <= 0) {
            throw new SequenceException("train fraction must be above 0; got " + trainFraction);
        }
        double total = trainFraction + validationFraction + testFraction;
        if (Math.abs(total - 1) > 1e-6) {
            throw new SequenceException("train, validation and test fractions must add up to 1; they add up to "
                    + total);
        }
        if (validationIsTest && validationFraction != 0) {
            throw new SequenceException("validation fraction must be 0 when the test split also serves as "
                    + "validation; got " + validationFraction);
        }
        if (folds < 2) {
            throw new SequenceException("folds must be at least 2; got " + folds);
        }
    }

    /** GROUPED 70/15/15, seed 42, 5 folds, separate validation. */
    public static SplitConfig defaults() {
        return new SplitConfig(Kind.GROUPED, 0.7, 0.15, 0.15, 42, 5, false);
    }

    /** The same fractions and seed with another kind. */
    public SplitConfig withKind(Kind other) {
        return new SplitConfig(other, trainFraction, validationFraction, testFraction, seed, folds, validationIsTest);
    }

    private static void checkFraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new SequenceException(field + " must be between 0 and 1; got " + value);
        }
    }
}
