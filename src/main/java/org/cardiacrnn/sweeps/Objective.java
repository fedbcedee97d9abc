package org.cardiacrnn.sweeps;

/** What a sweep optimises, measured on the validation split (on each held-out fold with k-fold). */
public enum Objective {
    VALIDATION_ACCURACY(true),
    VALIDATION_LOSS(false),
    VALIDATION_MACRO_F1(true);

    private final boolean higherIsBetter;

    Objective(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when {@code a} is strictly better than {@code b}; NaN is worse than anything. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** The better of two values. */
    public double best(double a, double b) {
        return better(a, b) ? a : Double.isNaN(b) ? a : b;
    }
}
