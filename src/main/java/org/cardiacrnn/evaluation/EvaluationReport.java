package org.cardiacrnn.evaluation;

import java.util.List;

/**
 * Everything measured on one test set, at sequence level (one prediction per sequence, never per time step).
 *
 * @param classNames            class order used by every per-class list and the confusion matrix
 * @param sampleCount           number of test sequences
 * @param accuracy              fraction of sequences whose most probable class is the true one
 * @param accuracyInterval      95% percentile bootstrap interval of the accuracy
 * @param meanCrossEntropyLoss  mean −ln p(true class), with p clipped below at 1e-7
 * @param perClass              precision, recall, F1 and support of each class (0 where undefined)
 * @param macroAverage          unweighted mean over all classes
 * @param weightedAverage       mean over classes weighted by support
 * @param confusionMatrix       true class × predicted class counts
 * @param rocCurves             one-vs-rest ROC curve and AUC of each class
 * @param macroAuc              mean AUC over classes where it is defined
 * @param microRocCurve         ROC of every (sequence, class) pair pooled; its area is the micro AUC
 * @param prCurves              one-vs-rest precision-recall curve and average precision of each class
 * @param calibration           reliability bins of the top-class confidence and the expected calibration error
 * @param confidenceHistogram   top-class confidence counts by bin, split into right and wrong
 * @param predictedLabels       most probable class of each sequence, in test-set order
 * @param misclassifiedIndices  test-set indices of the sequences predicted wrongly
 * @param earlyPrediction       accuracy from the first k steps, k = 1..T; empty when only final
 *                              predictions were given ({@link Evaluator#fromPredictions})
 * @param temporalConsistency   prediction changes as steps are added; null when {@code earlyPrediction} is empty
 */
public record EvaluationReport(List<String> classNames, int sampleCount, double accuracy,
                               ConfidenceInterval accuracyInterval, double meanCrossEntropyLoss,
                               List<ClassMetrics> perClass, AverageMetrics macroAverage,
                               AverageMetrics weightedAverage, ConfusionMatrix confusionMatrix,
                               List<RankingCurve> rocCurves, double macroAuc, RankingCurve microRocCurve,
                               List<RankingCurve> prCurves, Calibration calibration,
                               List<HistogramBin> confidenceHistogram, List<Integer> predictedLabels,
                               List<Integer> misclassifiedIndices, List<EarlyPredictionPoint> earlyPrediction,
                               TemporalConsistency temporalConsistency) {

    public EvaluationReport {
        classNames = List.copyOf(classNames);
        perClass = List.copyOf(perClass);
        rocCurves = List.copyOf(rocCurves);
        prCurves = List.copyOf(prCurves);
        confidenceHistogram = List.copyOf(confidenceHistogram);
        predictedLabels = List.copyOf(predictedLabels);
        misclassifiedIndices = List.copyOf(misclassifiedIndices);
        earlyPrediction = List.copyOf(earlyPrediction);
    }

    /** Area under the pooled (micro-averaged) ROC curve. */
    public double microAuc() {
        return microRocCurve.area();
    }

    /** Mean average precision over classes where it is defined. */
    public double macroAveragePrecision() {
        return prCurves.stream().mapToDouble(RankingCurve::area).filter(a -> !Double.isNaN(a)).average()
                .orElse(Double.NaN);
    }

    /** A copy with early-prediction results attached. */
    EvaluationReport withTemporal(List<EarlyPredictionPoint> early, TemporalConsistency consistency) {
        return new EvaluationReport(classNames, sampleCount, accuracy, accuracyInterval, meanCrossEntropyLoss,
                perClass, macroAverage, weightedAverage, confusionMatrix, rocCurves, macroAuc, microRocCurve,
                prCurves, calibration, confidenceHistogram, predictedLabels, misclassifiedIndices, early,
                consistency);
    }
}
