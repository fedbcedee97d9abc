package org.cardiacrnn.sequences;

/**
 * How sequences are divided into training, validation and test.
 *
 * @param kind               RANDOM (the published method; leaks with overlapping windows), STRATIFIED (random
 *                           within each label), GROUPED (whole groups per split) or BLOCKED (contiguous blocks
 *                           in time within each trajectory, separated by gaps so no sample is shared)
 * @param validationIsTest   the published protocol: no separate validation, the test split serves as both;
 *                           validationFraction must then be 0
 * @param folds              number of folds for k-fold cross-validation, or {@link #LEAVE_ONE_GROUP_OUT}
 * @param allowMissingClasses the user insists on a split in which some split lacks a class: it is then warned
 *                           about in words instead of refused
 */
public record SplitConfig(Kind kind, double trainFraction, double validationFraction, double testFraction,
                          long seed, int folds, boolean validationIsTest, boolean allowMissingClasses) {

    /** {@code folds} value for one fold per group (donor, cell line): for designs with too few groups to cut. */
    public static final int LEAVE_ONE_GROUP_OUT = 0;

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
        if (folds < 2 && folds != LEAVE_ONE_GROUP_OUT) {
            throw new SequenceException("folds must be at least 2; got " + folds);
        }
    }

    /** Settings from before {@code allowMissingClasses}: a split lacking a class is refused. */
    public SplitConfig(Kind kind, double trainFraction, double validationFraction, double testFraction, long seed,
                       int folds, boolean validationIsTest) {
        this(kind, trainFraction, validationFraction, testFraction, seed, folds, validationIsTest, false);
    }

    /** GROUPED 70/15/15, seed 42, 5 folds, separate validation. */
    public static SplitConfig defaults() {
        return new SplitConfig(Kind.GROUPED, 0.7, 0.15, 0.15, 42, 5, false);
    }

    /** The same fractions and seed with another kind. */
    public SplitConfig withKind(Kind other) {
        return new SplitConfig(other, trainFraction, validationFraction, testFraction, seed, folds, validationIsTest,
                allowMissingClasses);
    }

    /** The same settings, with splits that lack a class warned about instead of refused (or not). */
    public SplitConfig allowingMissingClasses(boolean allow) {
        return new SplitConfig(kind, trainFraction, validationFraction, testFraction, seed, folds, validationIsTest,
                allow);
    }

    /**
     * Settings for k-fold cross-validation ({@code folds} >= 2) or leave-one-group-out
     * ({@link #LEAVE_ONE_GROUP_OUT}): each fold's test part also serves as its validation part.
     */
    public SplitConfig forFolds(int count) {
        double test = count == LEAVE_ONE_GROUP_OUT ? 0.5 : 1.0 / count;
        return new SplitConfig(kind, 1 - test, 0, test, seed, count, true, allowMissingClasses);
    }

    private static void checkFraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new SequenceException(field + " must be between 0 and 1; got " + value);
        }
    }
}
