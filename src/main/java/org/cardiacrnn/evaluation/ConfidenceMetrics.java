package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Calibration, confidence histogram and the bootstrap interval of accuracy. */
final class ConfidenceMetrics {

    static final int BINS = 10;

    private ConfidenceMetrics() {
    }

    private static int bin(double confidence) {
        return Math.min((int) (confidence * BINS), BINS - 1);
    }

    static Calibration calibration(double[] confidence, boolean[] correct) {
        int[] count = new int[BINS];
        double[] confidenceSum = new double[BINS];
        int[] correctCount = new int[BINS];
        for (int i = 0; i < confidence.length; i++) {
            int b = bin(confidence[i]);
            count[b]++;
            confidenceSum[b] += confidence[i];
            correctCount[b] += correct[i] ? 1 : 0;
        }
        List<ReliabilityBin> bins = new ArrayList<>(BINS);
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            double meanConfidence = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
            double accuracy = count[b] == 0 ? Double.NaN : (double) correctCount[b] / count[b];
            if (count[b] > 0) {
                error += (double) count[b] / confidence.length * Math.abs(accuracy - meanConfidence);
            }
            bins.add(new ReliabilityBin((double) b / BINS, (double) (b + 1) / BINS, count[b], meanConfidence,
                    accuracy));
        }
        return new Calibration(bins, error);
    }

    static List<HistogramBin> histogram(double[] confidence, boolean[] correct) {
        int[] right = new int[BINS];
        int[] wrong = new int[BINS];
        for (int i = 0; i < confidence.length; i++) {
            if (correct[i]) {
                right[bin(confidence[i])]++;
            } else {
                wrong[bin(confidence[i])]++;
            }
        }
        List<HistogramBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            bins.add(new HistogramBin((double) b / BINS, (double) (b + 1) / BINS, right[b], wrong[b]));
        }
        return bins;
    }

    /** Percentile bootstrap: resample sequences with replacement, take the 2.5th and 97.5th percentiles. */
    static ConfidenceInterval bootstrapAccuracy(boolean[] correct, int resamples, long seed) {
        int n = correct.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int hits = 0;
            for (int i = 0; i < n; i++) {
                hits += correct[random.nextInt(n)] ? 1 : 0;
            }
            estimates[r] = (double) hits / n;
        }
        Arrays.sort(estimates);
        return new ConfidenceInterval(quantile(estimates, 0.025), quantile(estimates, 0.975), 0.95, resamples,
                seed);
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
