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

    /** Realistic precision–recall shapes: precision stays high, then falls as recall approaches 1. */
    static List<ScoredCurve> prCurves() {
        List<ScoredCurve> curves = new ArrayList<>();
        double[] k = {6, 3, 2.2, 4.5};
        for (int c = 0; c < CLASSES.size(); c++) {
            ScoredCurve roc = powerCurve(CLASSES.get(c), k[c], false);
            double[] x = roc.x();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 1 - 0.7 * Math.pow(x[i], k[c]);
            }
            curves.add(new ScoredCurve(CLASSES.get(c), x, y, 1 - 0.7 / (k[c] + 1), false));
        }
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
        java.util.Map<String, Figure> figures = new java.util.LinkedHashMap<>();
        figures.put("reliability", CalibrationCharts.reliability(
                new double[] {0, 0, 0.3, 0.42, 0.5, 0.61, 0.7, 0.78, 0.86, 0.95},
                new double[] {0, 0, 0.27, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.96},
                new long[] {0, 0, 3, 5, 9, 12, 15, 22, 30, 64}));
        figures.put("confidence", CalibrationCharts.confidenceHistogram(confidences(120, 0.85, 1),
                confidences(40, 0.55, 2), 20));
        figures.put("early-prediction", CalibrationCharts.earlyPrediction(new int[] {1, 2, 3, 4, 5, 6, 7, 8},
                new double[] {0.31, 0.42, 0.55, 0.66, 0.74, 0.8, 0.83, 0.85},
                new double[] {0.22, 0.33, 0.46, 0.57, 0.66, 0.73, 0.77, 0.79},
                new double[] {0.4, 0.51, 0.64, 0.74, 0.81, 0.86, 0.89, 0.9}));
        double[] days = {0, 1, 2, 3, 5, 7, 10, 15};
        List<TrajectoryStats> trajectories = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            double[] mean = new double[days.length];
            double[] sd = new double[days.length];
            for (int i = 0; i < days.length; i++) {
                mean[i] = 2 + (c + 1) * Math.log1p(days[i]) * (c == 1 ? -0.4 : 0.6);
                sd[i] = 0.2 + 0.05 * i;
            }
            trajectories.add(new TrajectoryStats(CLASSES.get(c), days, mean, sd));
        }
        figures.put("gene", DataCharts.geneOverTime("TNNT2", "Day", trajectories));
        List<String> genes = List.of("TNNT2", "MYL7", "NKX2-5", "GATA4", "HAND1", "SOX17", "FOXA2", "POU5F1");
        List<String> times = List.of("d0", "d1", "d2", "d3", "d5", "d7", "d10", "d15");
        double[][] values = new double[genes.size()][times.size()];
        for (int g = 0; g < genes.size(); g++) {
            for (int t = 0; t < times.size(); t++) {
                values[g][t] = Math.sin((g + 1) * 0.4 + t * 0.5) + (g < 3 ? t * 0.2 : 0);
            }
        }
        figures.put("sequence", DataCharts.sequenceHeatmap("Sequence 12 (Cardiomyocyte)", values, genes, times));
        java.util.Map<String, long[]> balance = new java.util.LinkedHashMap<>();
        balance.put("train", new long[] {120, 80, 64, 100});
        balance.put("validation", new long[] {30, 20, 16, 25});
        balance.put("test", new long[] {45, 41, 34, 42});
        figures.put("class-balance", DataCharts.classBalance(CLASSES, balance));
        List<RunCurve> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double[] epochs = new double[20];
            double[] acc = new double[20];
            for (int e = 0; e < 20; e++) {
                epochs[e] = e + 1;
                acc[e] = 0.9 - (0.2 + 0.1 * r) * Math.exp(-(e + 1) / (3.0 + r));
            }
            runs.add(new RunCurve("20261126-1200" + r + "-lr1e-" + (r + 2), epochs, acc));
        }
        figures.put("overlay", SweepCharts.runOverlay("Validation accuracy", runs));
        double[] lrs = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2};
        double[] accs = {0.71, 0.8, 0.86, 0.84, 0.62};
        figures.put("sweep-scatter", SweepCharts.metricVsHyperparameter("Learning rate", "Validation accuracy",
                lrs, accs, true));
        List<double[]> sweep = new ArrayList<>();
        for (int i = 0; i < lrs.length; i++) {
            sweep.add(new double[] {lrs[i], 64 << (i % 3), 0.3 + 0.1 * (i % 3), accs[i]});
        }
        figures.put("parallel", SweepCharts.parallelCoordinates(List.of("lr", "hidden", "dropout", "accuracy"),
                sweep));
        return figures;
    }

    private static double[] confidences(int n, double centre, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(0.25, Math.min(1, centre + 0.12 * random.nextGaussian()));
        }
        return values;
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
