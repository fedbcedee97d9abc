package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One-vs-rest ROC and precision-recall curves from scores and binary truth. Tied scores form one threshold,
 * so a tie between a member and a non-member counts half, as in the Mann-Whitney reading of AUC.
 */
final class RankingCurves {

    private RankingCurves() {
    }

    /** ROC curve from (0, 0) at threshold +∞ to (1, 1); area by the trapezoid rule. */
    static RankingCurve roc(String className, double[] scores, boolean[] positive) {
        Counts counts = Counts.of(positive);
        if (counts.positives == 0 || counts.negatives == 0) {
            return new RankingCurve(className, List.of(), Double.NaN);
        }
        List<CurvePoint> points = new ArrayList<>();
        points.add(new CurvePoint(0, 0, Double.POSITIVE_INFINITY));
        double area = 0;
        for (Step step : steps(scores, positive)) {
            CurvePoint previous = points.get(points.size() - 1);
            CurvePoint point = new CurvePoint((double) step.falsePositives / counts.negatives,
                    (double) step.truePositives / counts.positives, step.threshold);
            area += (point.x() - previous.x()) * (point.y() + previous.y()) / 2;
            points.add(point);
        }
        return new RankingCurve(className, points, area);
    }

    /**
     * Precision-recall curve starting at (recall 0, precision 1); average precision is
     * Σ (R<sub>k</sub> − R<sub>k−1</sub>) · P<sub>k</sub> over the thresholds (no interpolation).
     */
    static RankingCurve precisionRecall(String className, double[] scores, boolean[] positive) {
        Counts counts = Counts.of(positive);
        if (counts.positives == 0) {
            return new RankingCurve(className, List.of(), Double.NaN);
        }
        List<CurvePoint> points = new ArrayList<>();
        points.add(new CurvePoint(0, 1, Double.POSITIVE_INFINITY));
        double averagePrecision = 0;
        double previousRecall = 0;
        for (Step step : steps(scores, positive)) {
            double recall = (double) step.truePositives / counts.positives;
            double precision = (double) step.truePositives / (step.truePositives + step.falsePositives);
            averagePrecision += (recall - previousRecall) * precision;
            previousRecall = recall;
            points.add(new CurvePoint(recall, precision, step.threshold));
        }
        return new RankingCurve(className, points, averagePrecision);
    }

    private record Counts(int positives, int negatives) {
        static Counts of(boolean[] positive) {
            int p = 0;
            for (boolean b : positive) {
                if (b) {
                    p++;
                }
            }
            return new Counts(p, positive.length - p);
        }
    }

    private record Step(double threshold, int truePositives, int falsePositives) {
    }

    /** Cumulative counts after admitting every score ≥ each distinct threshold, highest first. */
    private static List<Step> steps(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Step> steps = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k + 1 == order.length || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                steps.add(new Step(scores[i], tp, fp));
            }
        }
        return steps;
    }
}
