package org.cardiacrnn.sweeps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule (Golovin et al., Google Vizier, 2017): after {@code minEpochs}, a trial stops when
 * its best value so far is worse than the median of the other trials' best values up to the same epoch.
 * Only trials that reached that epoch take part; with none, nothing is stopped.
 */
public final class MedianStoppingRule {

    private final Objective objective;
    private final int minEpochs;

    public MedianStoppingRule(Objective objective, int minEpochs) {
        this.objective = objective;
        this.minEpochs = minEpochs;
    }

    /**
     * @param current the running trial's per-epoch values so far
     * @param others  per-epoch values of earlier trials (the same fold)
     */
    public boolean shouldStop(List<Double> current, List<List<Double>> others) {
        int epoch = current.size();
        if (epoch < minEpochs) {
            return false;
        }
        List<Double> bests = new ArrayList<>();
        for (List<Double> other : others) {
            if (other.size() >= epoch) {
                bests.add(bestUpTo(other, epoch));
            }
        }
        if (bests.isEmpty()) {
            return false;
        }
        return objective.better(median(bests), bestUpTo(current, epoch));
    }

    private double bestUpTo(List<Double> curve, int epochs) {
        double best = Double.NaN;
        for (int i = 0; i < epochs; i++) {
            best = objective.best(curve.get(i), best);
        }
        return best;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
