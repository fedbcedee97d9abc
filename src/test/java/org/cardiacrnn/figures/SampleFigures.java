package org.cardiacrnn.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic example inputs shaped like real evaluation output (4 trajectories, 30 epochs). */
final class SampleFigures {

    static final List<String> CLASSES = List.of("Cardiomyocyte", "Epicardium", "Fibroblast", "Endoderm");
    static final long[][] COUNTS = {{41, 3, 1, 0}, {4, 30, 6, 1}, {0, 5, 27, 2}, {1, 0, 3, 38}};

    private SampleFigures() {
    }

    static List<ScoredCurve> rocCurves() {
        List<ScoredCurve> curves = new ArrayList<>();
        double[] sharpness = {6, 3, 2.2, 4.5};
        for (int c = 0; c < CLASSES.size(); c++) {
            curves.add(powerCurve(CLASSES.get(c), sharpness[c], false));
        }
        curves.add(powerCurve("macro average", 3.6, true));
        curves.add(powerCurve("micro average", 3.9, true));
        return curves;
    }

    /** y = x^(1/k): a concave ROC-like curve whose exact AUC is k / (k + 1). */
    static ScoredCurve powerCurve(String label, double k, boolean average) {
        int n = 41;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / (double) (n - 1);
            y[i] = Math.pow(x[i], 1 / k);
        }
        return new ScoredCurve(label, x, y, k / (k + 1), average);
    }

    /** Figures from the other builders, keyed by file name. */
    static java.util.Map<String, Figure> otherFigures() {
        return new java.util.LinkedHashMap<>();
    }

    static LiveCurves trainingCurves(int epochs, int iterationsPerEpoch) {
        Random random = new Random(42);
        LiveCurves curves = new LiveCurves();
        double lr = 1e-3;
        for (int e = 1; e <= epochs; e++) {
            for (int i = 0; i < iterationsPerEpoch; i++) {
                double t = e - 1 + (i + 1) / (double) iterationsPerEpoch;
                curves.addIteration(t, 1.4 * Math.exp(-t / 8) + 0.15 + 0.12 * random.nextGaussian());
            }
            if (e % 10 == 0) {
                lr *= 0.3;
            }
            double trainLoss = 1.4 * Math.exp(-e / 8.0) + 0.15;
            curves.addEpoch(e, trainLoss, trainLoss + 0.1 + 0.01 * e, 1 - 0.7 * Math.exp(-e / 6.0),
                    0.95 - 0.7 * Math.exp(-e / 5.0), lr);
        }
        curves.flush();
        return curves;
    }
}
