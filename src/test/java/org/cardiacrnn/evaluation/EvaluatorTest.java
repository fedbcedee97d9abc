package org.cardiacrnn.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    /** Six sequences: true [A A A B B C], predicted [A A B B C C], 0.6 on the predicted class. */
    private static EvaluationReport threeClassReport() {
        int[] labels = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        float[][] probabilities = new float[6][];
        for (int i = 0; i < 6; i++) {
            probabilities[i] = new float[] {0.2f, 0.2f, 0.2f};
            probabilities[i][predicted[i]] = 0.6f;
        }
        return Evaluator.fromPredictions(labels, probabilities, ABC);
    }

    @Test
    void threeClassConfusionMatrixAndPerClassMetricsMatchHandComputation() {
        EvaluationReport report = threeClassReport();

        ConfusionMatrix confusion = report.confusionMatrix();
        assertThat(confusion.counts()).containsExactly(List.of(2, 1, 0), List.of(0, 1, 1), List.of(0, 0, 1));
        assertThat(report.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.misclassifiedIndices()).containsExactly(2, 4);
        assertThat(report.predictedLabels()).containsExactly(0, 0, 1, 1, 2, 2);

        assertThat(report.perClass()).extracting(ClassMetrics::precision).containsExactly(1.0, 0.5, 0.5);
        assertThat(report.perClass()).extracting(ClassMetrics::recall)
                .containsExactly(2.0 / 3, 0.5, 1.0);
        assertThat(report.perClass()).extracting(ClassMetrics::support).containsExactly(3, 2, 1);
        assertThat(report.perClass().get(0).f1()).isCloseTo(0.8, within(1e-12));
        assertThat(report.perClass().get(2).f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.macroAverage().f1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(report.weightedAverage().f1()).isCloseTo((0.8 * 3 + 0.5 * 2 + 2.0 / 3) / 6, within(1e-12));
        assertThat(report.macroAverage().precision()).isCloseTo(2.0 / 3, within(1e-12));

        double expectedLoss = (4 * -Math.log(0.6f) + 2 * -Math.log(0.2f)) / 6;
        assertThat(report.meanCrossEntropyLoss()).isCloseTo(expectedLoss, within(1e-9));
    }

    @Test
    void rowAndColumnPercentagesNormaliseTheRightAxis() {
        ConfusionMatrix confusion = threeClassReport().confusionMatrix();

        double[][] rows = confusion.rowPercent();
        double[][] columns = confusion.columnPercent();

        assertThat(rows[0]).containsExactly(new double[] {200.0 / 3, 100.0 / 3, 0}, within(1e-9));
        assertThat(columns[1][0]).isEqualTo(0);
        assertThat(columns[0][1]).isCloseTo(50.0, within(1e-9));
        assertThat(columns[2][2]).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void aucAndAveragePrecisionOfAKnownRankingWithATie() {
        // Class-B scores 0.9 (B), 0.8 (A), 0.8 (B), 0.3 (A): one positive-negative tie counts half → AUC 3.5/4.
        float[][] probabilities = {{0.1f, 0.9f}, {0.2f, 0.8f}, {0.2f, 0.8f}, {0.7f, 0.3f}};
        int[] labels = {1, 0, 1, 0};

        EvaluationReport report = Evaluator.fromPredictions(labels, probabilities, List.of("A", "B"));

        assertThat(report.rocCurves().get(1).area()).isCloseTo(0.875, within(1e-12));
        assertThat(report.rocCurves().get(0).area()).isCloseTo(0.875, within(1e-12));
        assertThat(report.macroAuc()).isCloseTo(0.875, within(1e-12));
        // AP = 0.5 · 1 (threshold 0.9) + 0.5 · 2/3 (threshold 0.8).
        assertThat(report.prCurves().get(1).area()).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
        assertThat(report.rocCurves().get(1).points()).extracting(CurvePoint::x, CurvePoint::y)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0.0, 0.0),
                        org.assertj.core.groups.Tuple.tuple(0.0, 0.5),
                        org.assertj.core.groups.Tuple.tuple(0.5, 1.0),
                        org.assertj.core.groups.Tuple.tuple(1.0, 1.0));
    }

    @Test
    void perfectRankingHasUnitAucAndMicroAverageIsPooled() {
        float[][] probabilities = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}, {0.5f, 0.4f, 0.1f}};
        int[] labels = {0, 1, 2, 0};

        EvaluationReport report = Evaluator.fromPredictions(labels, probabilities, ABC);

        assertThat(report.rocCurves()).extracting(RankingCurve::area).containsExactly(1.0, 1.0, 1.0);
        assertThat(report.microAuc()).isCloseTo(1.0, within(1e-12));
        assertThat(report.macroAveragePrecision()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aucIsUndefinedForAClassAbsentFromTheTestSet() {
        float[][] probabilities = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}};

        EvaluationReport report = Evaluator.fromPredictions(new int[] {0, 1}, probabilities, ABC);

        assertThat(report.rocCurves().get(2).area()).isNaN();
        assertThat(report.prCurves().get(2).area()).isNaN();
        assertThat(report.macroAuc()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void expectedCalibrationErrorWeighsEachBinByItsCount() {
        // Bin 0.9–1.0: confidence 0.95, half right; bin 0.6–0.7: confidence 0.65, all right.
        float[][] probabilities = {{0.95f, 0.05f}, {0.95f, 0.05f}, {0.65f, 0.35f}, {0.35f, 0.65f}};
        int[] labels = {0, 1, 0, 1};

        Calibration calibration = Evaluator.fromPredictions(labels, probabilities, List.of("A", "B")).calibration();

        assertThat(calibration.bins()).hasSize(10);
        ReliabilityBin top = calibration.bins().get(9);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.accuracy()).isEqualTo(0.5);
        assertThat(top.meanConfidence()).isCloseTo(0.95, within(1e-6));
        assertThat(calibration.bins().get(6).count()).isEqualTo(2);
        assertThat(calibration.bins().get(0).accuracy()).isNaN();
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.5 * 0.45 + 0.5 * 0.35, within(1e-6));
    }

    @Test
    void confidenceHistogramSplitsRightFromWrong() {
        float[][] probabilities = {{0.95f, 0.05f}, {0.95f, 0.05f}, {1.0f, 0.0f}};

        List<HistogramBin> histogram = Evaluator.fromPredictions(new int[] {0, 1, 0}, probabilities,
                List.of("A", "B")).confidenceHistogram();

        assertThat(histogram.get(9).correctCount()).isEqualTo(2);
        assertThat(histogram.get(9).incorrectCount()).isEqualTo(1);
        assertThat(histogram.stream().mapToInt(b -> b.correctCount() + b.incorrectCount()).sum()).isEqualTo(3);
    }

    @Test
    void bootstrapIntervalContainsTheEstimateAndIsReproducibleFromItsSeed() {
        int n = 50;
        int[] labels = new int[n];
        float[][] probabilities = new float[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            boolean right = i < 35;
            probabilities[i] = (labels[i] == 0) == right ? new float[] {0.8f, 0.2f} : new float[] {0.2f, 0.8f};
        }

        EvaluationReport first = Evaluator.fromPredictions(labels, probabilities, List.of("A", "B"), 1000, 7);
        EvaluationReport again = Evaluator.fromPredictions(labels, probabilities, List.of("A", "B"), 1000, 7);
        EvaluationReport otherSeed = Evaluator.fromPredictions(labels, probabilities, List.of("A", "B"), 1000, 8);

        ConfidenceInterval interval = first.accuracyInterval();
        assertThat(first.accuracy()).isEqualTo(0.7);
        assertThat(interval.lower()).isLessThan(0.7).isGreaterThan(0.5);
        assertThat(interval.upper()).isGreaterThan(0.7).isLessThanOrEqualTo(0.9);
        assertThat(again.accuracyInterval()).isEqualTo(interval);
        assertThat(otherSeed.accuracyInterval()).isNotEqualTo(interval);
    }

    @Test
    void wrongShapeOrNonFiniteProbabilitiesAreReportedClearly() {
        assertThatThrownBy(() -> Evaluator.fromPredictions(new int[] {0}, new float[][] {{0.5f}}, List.of("A", "B")))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("expected 2");
        assertThatThrownBy(() -> Evaluator.fromPredictions(new int[] {0}, new float[][] {{Float.NaN, 0.5f}},
                List.of("A", "B"))).isInstanceOf(EvaluationException.class).hasMessageContaining("diverged");
    }
}
