package org.cardiacrnn.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationJsonTest {

    @Test
    void aFullReportSurvivesTheRoundTripIncludingNaNAndInfinity() {
        EvaluationReport report = Evaluator.evaluate(EarlyPredictionTest::fakePrediction,
                EarlyPredictionTest.dataset());
        assertThat(report.calibration().bins().get(0).accuracy()).isNaN();

        String json = EvaluationJson.toJson(report);
        EvaluationReport back = EvaluationJson.fromJson(json, "evaluation.json");

        assertThat(back).isEqualTo(report);
        assertThat(back.rocCurves().get(0).points().get(0).threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(json).contains("\"accuracyInterval\"").contains("\"earlyPrediction\"");
    }

    @Test
    void aCorruptReportNamesTheFile() {
        assertThatThrownBy(() -> EvaluationJson.fromJson("{\"accuracy\": \"high\"", "runs/x/evaluation.json"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("runs/x/evaluation.json is not a valid evaluation report");
    }

    @Test
    void crossValidationReportsMeanAndSampleStandardDeviation() {
        List<String> classes = List.of("A", "B");
        EvaluationReport half = Evaluator.fromPredictions(new int[] {0, 1}, new float[][] {{0.9f, 0.1f},
                {0.9f, 0.1f}}, classes);
        EvaluationReport all = Evaluator.fromPredictions(new int[] {0, 1}, new float[][] {{0.9f, 0.1f},
                {0.1f, 0.9f}}, classes);

        CrossValidationSummary summary = CrossValidationSummary.of(List.of(half, all));

        assertThat(summary.folds()).isEqualTo(2);
        CrossValidationSummary.MeanSd accuracy = summary.metrics().get("accuracy");
        assertThat(accuracy.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(accuracy.standardDeviation()).isCloseTo(Math.sqrt(0.125), within(1e-12));
        assertThat(summary.metrics().keySet()).startsWith("accuracy", "loss", "macroPrecision")
                .contains("macroF1", "macroAuc", "microAuc", "expectedCalibrationError");
        assertThat(CrossValidationSummary.of(List.of(half)).metrics().get("accuracy").standardDeviation()).isNaN();
    }
}
