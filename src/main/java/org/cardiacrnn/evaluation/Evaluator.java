package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * Turns predictions into an {@link EvaluationReport}. {@link #evaluate} also predicts from the first k time
 * steps for every k, for the early-prediction and temporal-consistency results; {@link #fromPredictions}
 * computes the metrics of final predictions alone.
 */
public final class Evaluator {

    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 1000;
    public static final long DEFAULT_BOOTSTRAP_SEED = 42;
    /** Probabilities are clipped to at least this before taking logs, so one confident miss stays finite. */
    public static final double LOSS_EPSILON = 1e-7;

    private Evaluator() {
    }

    /** Predicts the whole test set and every prefix of it (1..T steps) and measures everything. */
    public static EvaluationReport evaluate(Predictor predictor, SequenceDataset testSet) {
        return evaluate(predictor, testSet, DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_BOOTSTRAP_SEED);
    }

    /** As {@link #evaluate(Predictor, SequenceDataset)} with a chosen bootstrap size and seed. */
    public static EvaluationReport evaluate(Predictor predictor, SequenceDataset testSet, int bootstrapResamples,
                                            long bootstrapSeed) {
        int steps = testSet.timeSteps();
        int[][] predictedByStep = new int[steps][];
        float[][] finalProbabilities = null;
        for (int k = 1; k <= steps; k++) {
            float[][] probabilities = predictor.predictProbabilities(k == steps ? testSet : testSet.prefix(k));
            checkShape(probabilities, testSet.sequenceCount(), testSet.classCount());
            predictedByStep[k - 1] = argmax(probabilities);
            finalProbabilities = probabilities;
        }
        EvaluationReport report = fromPredictions(testSet.labels(), finalProbabilities, testSet.classNames(),
                bootstrapResamples, bootstrapSeed);
        return report.withTemporal(TemporalAnalysis.earlyPrediction(predictedByStep, testSet.labels()),
                TemporalAnalysis.consistency(predictedByStep, testSet.labels()));
    }

    /** Metrics of final predictions only (no early prediction), with the default bootstrap. */
    public static EvaluationReport fromPredictions(int[] labels, float[][] probabilities, List<String> classNames) {
        return fromPredictions(labels, probabilities, classNames, DEFAULT_BOOTSTRAP_RESAMPLES,
                DEFAULT_BOOTSTRAP_SEED);
    }

    /** Metrics of final predictions only, with a chosen bootstrap size and seed. */
    public static EvaluationReport fromPredictions(int[] labels, float[][] probabilities, List<String> classNames,
                                                   int bootstrapResamples, long bootstrapSeed) {
        int n = labels.length;
        int classes = classNames.size();
        if (n == 0) {
            throw new EvaluationException("the test set holds no sequences, so nothing can be evaluated");
        }
        if (bootstrapResamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 1; got " + bootstrapResamples);
        }
        checkShape(probabilities, n, classes);
        int[] predicted = argmax(probabilities);
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        List<Integer> misclassified = new ArrayList<>();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside the " + classes + " classes");
            }
            confidence[i] = probabilities[i][predicted[i]];
            correct[i] = predicted[i] == labels[i];
            if (!correct[i]) {
                misclassified.add(i);
            }
            loss -= Math.log(Math.max(probabilities[i][labels[i]], LOSS_EPSILON));
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(classNames, labels, predicted);
        PerClass perClass = PerClass.of(confusion);
        List<RankingCurve> roc = new ArrayList<>(classes);
        List<RankingCurve> pr = new ArrayList<>(classes);
        double[] pooledScores = new double[n * classes];
        boolean[] pooledTruth = new boolean[n * classes];
        for (int c = 0; c < classes; c++) {
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = labels[i] == c;
                pooledScores[i * classes + c] = scores[i];
                pooledTruth[i * classes + c] = positive[i];
            }
            roc.add(RankingCurves.roc(classNames.get(c), scores, positive));
            pr.add(RankingCurves.precisionRecall(classNames.get(c), scores, positive));
        }
        double macroAuc = roc.stream().mapToDouble(RankingCurve::area).filter(a -> !Double.isNaN(a)).average()
                .orElse(Double.NaN);
        return new EvaluationReport(classNames, n, (double) (n - misclassified.size()) / n,
                ConfidenceMetrics.bootstrapAccuracy(correct, bootstrapResamples, bootstrapSeed), loss / n,
                perClass.metrics(), perClass.macro(), perClass.weighted(), confusion, roc, macroAuc,
                RankingCurves.roc("micro-average", pooledScores, pooledTruth), pr,
                ConfidenceMetrics.calibration(confidence, correct), ConfidenceMetrics.histogram(confidence, correct),
                Arrays.stream(predicted).boxed().toList(), misclassified, List.of(), null);
    }

    /** Most probable class of each row; the lowest index wins a tie. */
    static int[] argmax(float[][] probabilities) {
        int[] best = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }

    private static void checkShape(float[][] probabilities, int sequences, int classes) {
        if (probabilities == null || probabilities.length != sequences) {
            throw new EvaluationException("the model returned probabilities for "
                    + (probabilities == null ? 0 : probabilities.length) + " sequences; expected " + sequences);
        }
        for (int i = 0; i < sequences; i++) {
            if (probabilities[i].length != classes) {
                throw new EvaluationException("the model returned " + probabilities[i].length
                        + " class probabilities for sequence " + i + "; expected " + classes);
            }
            for (float p : probabilities[i]) {
                if (!Float.isFinite(p)) {
                    throw new EvaluationException("the model returned a non-finite probability (" + p
                            + ") for sequence " + i + "; the network has probably diverged");
                }
            }
        }
    }
}
