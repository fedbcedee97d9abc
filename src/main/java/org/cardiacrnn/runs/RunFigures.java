package org.cardiacrnn.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cardiacrnn.evaluation.CurvePoint;
import org.cardiacrnn.evaluation.EarlyPredictionPoint;
import org.cardiacrnn.evaluation.EvaluationReport;
import org.cardiacrnn.evaluation.HistogramBin;
import org.cardiacrnn.evaluation.RankingCurve;
import org.cardiacrnn.evaluation.ReliabilityBin;
import org.cardiacrnn.figures.CalibrationCharts;
import org.cardiacrnn.figures.ClassifierCurvesChart;
import org.cardiacrnn.figures.ConfusionMatrixChart;
import org.cardiacrnn.figures.ConfusionMode;
import org.cardiacrnn.figures.Figure;
import org.cardiacrnn.figures.LiveCurves;
import org.cardiacrnn.figures.ScoredCurve;

/**
 * The figures of a run, drawn from its evaluation and its per-epoch metrics. The GUI shows these and
 * "Export all figures" and the CLI write them, so a figure on screen and in the paper come from one place.
 */
public final class RunFigures {

    private RunFigures() {
    }

    public static Figure confusionMatrix(EvaluationReport report, ConfusionMode mode) {
        List<List<Integer>> counts = report.confusionMatrix().counts();
        long[][] wide = new long[counts.size()][];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = counts.get(i).stream().mapToLong(Integer::longValue).toArray();
        }
        return ConfusionMatrixChart.build(wide, report.classNames(), mode);
    }

    public static Figure roc(EvaluationReport report) {
        List<ScoredCurve> curves = new ArrayList<>();
        for (RankingCurve curve : report.rocCurves()) {
            if (!Double.isNaN(curve.area())) {
                curves.add(scored(curve.className(), curve, false));
            }
        }
        curves.add(scored("micro-average", report.microRocCurve(), true));
        return ClassifierCurvesChart.roc(curves);
    }

    public static Figure precisionRecall(EvaluationReport report) {
        List<ScoredCurve> curves = new ArrayList<>();
        for (RankingCurve curve : report.prCurves()) {
            if (!Double.isNaN(curve.area())) {
                curves.add(scored(curve.className(), curve, false));
            }
        }
        return ClassifierCurvesChart.precisionRecall(curves);
    }

    public static Figure reliability(EvaluationReport report) {
        List<ReliabilityBin> bins = report.calibration().bins();
        double[] accuracy = new double[bins.size()];
        double[] confidence = new double[bins.size()];
        long[] count = new long[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            accuracy[i] = bins.get(i).accuracy();
            confidence[i] = bins.get(i).meanConfidence();
            count[i] = bins.get(i).count();
        }
        return CalibrationCharts.reliability(accuracy, confidence, count);
    }

    /** The report keeps bin counts, so each prediction is placed at its bin's centre: the same histogram. */
    public static Figure confidenceHistogram(EvaluationReport report) {
        List<HistogramBin> bins = report.confidenceHistogram();
        List<Double> correct = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        for (HistogramBin bin : bins) {
            double centre = (bin.lower() + bin.upper()) / 2;
            for (int i = 0; i < bin.correctCount(); i++) {
                correct.add(centre);
            }
            for (int i = 0; i < bin.incorrectCount(); i++) {
                wrong.add(centre);
            }
        }
        return CalibrationCharts.confidenceHistogram(toArray(correct), toArray(wrong), Math.max(1, bins.size()));
    }

    /** Accuracy against the number of time steps seen; null when the run has no early-prediction results. */
    public static Figure earlyPrediction(EvaluationReport report) {
        List<EarlyPredictionPoint> points = report.earlyPrediction();
        if (points.isEmpty()) {
            return null;
        }
        int[] steps = new int[points.size()];
        double[] accuracy = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            steps[i] = points.get(i).stepsSeen();
            accuracy[i] = points.get(i).accuracy();
        }
        return CalibrationCharts.earlyPrediction(steps, accuracy, null, null);
    }

    /** Training curves of a finished run from its metrics.csv rows. */
    public static LiveCurves trainingCurves(List<EpochMetrics> epochs) {
        LiveCurves curves = new LiveCurves();
        for (EpochMetrics epoch : epochs) {
            curves.addEpoch(epoch.epoch(), epoch.trainLoss(), epoch.validationLoss(), epoch.trainAccuracy(),
                    epoch.validationAccuracy(), epoch.learningRate());
        }
        curves.flush();
        return curves;
    }

    /** Every figure of a run, keyed by the file name it is exported under. */
    public static Map<String, Figure> all(EvaluationReport report, List<EpochMetrics> epochs) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        if (!epochs.isEmpty()) {
            LiveCurves curves = trainingCurves(epochs);
            figures.put("loss", curves.lossFigure());
            figures.put("accuracy", curves.accuracyFigure());
            figures.put("learning-rate", curves.learningRateFigure());
        }
        if (report != null) {
            figures.put("confusion-matrix", confusionMatrix(report, ConfusionMode.COUNTS));
            figures.put("confusion-matrix-row-percent", confusionMatrix(report, ConfusionMode.ROW_PERCENT));
            figures.put("roc", roc(report));
            figures.put("precision-recall", precisionRecall(report));
            figures.put("reliability", reliability(report));
            figures.put("confidence-histogram", confidenceHistogram(report));
            Figure early = earlyPrediction(report);
            if (early != null) {
                figures.put("early-prediction", early);
            }
        }
        return figures;
    }

    private static ScoredCurve scored(String label, RankingCurve curve, boolean average) {
        double[] x = new double[curve.points().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            CurvePoint point = curve.points().get(i);
            x[i] = point.x();
            y[i] = point.y();
        }
        return new ScoredCurve(label, x, y, curve.area(), average);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
