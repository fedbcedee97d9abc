package org.cardiacrnn.sweeps;

/**
 * One line of a list of sweeps.
 *
 * @param best the best objective so far; NaN when no trial has a result
 */
public record SweepSummary(String id, String name, SweepSpec.Strategy strategy, Objective objective, int trials,
                           int done, double best, String createdAt) {

    public boolean unfinished() {
        return done < trials;
    }
}
