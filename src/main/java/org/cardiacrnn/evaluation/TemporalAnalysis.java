package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Early prediction and temporal consistency from the predicted class after each number of steps seen. */
final class TemporalAnalysis {

    private TemporalAnalysis() {
    }

    /** {@code predictedByStep[k - 1][i]}: class predicted for sequence i from its first k steps. */
    static List<EarlyPredictionPoint> earlyPrediction(int[][] predictedByStep, int[] labels) {
        List<EarlyPredictionPoint> points = new ArrayList<>(predictedByStep.length);
        for (int k = 0; k < predictedByStep.length; k++) {
            int hits = 0;
            for (int i = 0; i < labels.length; i++) {
                hits += predictedByStep[k][i] == labels[i] ? 1 : 0;
            }
            points.add(new EarlyPredictionPoint(k + 1, (double) hits / labels.length));
        }
        return points;
    }

    static TemporalConsistency consistency(int[][] predictedByStep, int[] labels) {
        int steps = predictedByStep.length;
        int n = labels.length;
        List<Integer> changes = new ArrayList<>(n);
        int[] stableSince = new int[steps];
        int[] stableCorrectSince = new int[steps];
        long changeTotal = 0;
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int k = 1; k < steps; k++) {
                count += predictedByStep[k][i] != predictedByStep[k - 1][i] ? 1 : 0;
            }
            changes.add(count);
            changeTotal += count;
            int finalClass = predictedByStep[steps - 1][i];
            // The first step (0-based) from which the prediction already equals the final one and stays.
            int first = steps - 1;
            while (first > 0 && predictedByStep[first - 1][i] == finalClass) {
                first--;
            }
            stableSince[first]++;
            if (finalClass == labels[i]) {
                stableCorrectSince[first]++;
            }
        }
        List<Double> stable = new ArrayList<>(steps);
        List<Double> stableCorrect = new ArrayList<>(steps);
        int cumulative = 0;
        int cumulativeCorrect = 0;
        for (int k = 0; k < steps; k++) {
            cumulative += stableSince[k];
            cumulativeCorrect += stableCorrectSince[k];
            stable.add((double) cumulative / n);
            stableCorrect.add((double) cumulativeCorrect / n);
        }
        return new TemporalConsistency(changes, (double) changeTotal / n, stable, stableCorrect);
    }
}
