package org.cardiacrnn.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Mean ± sample standard deviation of each scalar metric across the folds of a k-fold cross-validation,
 * in the order listed below.
 * Metric keys: accuracy, loss, macroPrecision, macroRecall, macroF1, weightedF1, macroAuc, microAuc,
 * macroAveragePrecision, expectedCalibrationError. Folds where a metric is undefined (NaN) are left out of
 * that metric; {@code folds} in each entry says how many were used.
 */
public record CrossValidationSummary(int folds, Map<String, MeanSd> metrics) {

    /** Mean and sample standard deviation (n − 1; NaN for fewer than two folds). */
    public record MeanSd(double mean, double standardDeviation, int folds) {
    }

    public CrossValidationSummary {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static CrossValidationSummary of(List<EvaluationReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("cross-validation needs at least one fold");
        }
        Map<String, ToDoubleFunction<EvaluationReport>> extractors = new LinkedHashMap<>();
        extractors.put("accuracy", EvaluationReport::accuracy);
        extractors.put("loss", EvaluationReport::meanCrossEntropyLoss);
        extractors.put("macroPrecision", r -> r.macroAverage().precision());
        extractors.put("macroRecall", r -> r.macroAverage().recall());
        extractors.put("macroF1", r -> r.macroAverage().f1());
        extractors.put("weightedF1", r -> r.weightedAverage().f1());
        extractors.put("macroAuc", EvaluationReport::macroAuc);
        extractors.put("microAuc", EvaluationReport::microAuc);
        extractors.put("macroAveragePrecision", EvaluationReport::macroAveragePrecision);
        extractors.put("expectedCalibrationError", r -> r.calibration().expectedCalibrationError());
        Map<String, MeanSd> metrics = new LinkedHashMap<>();
        extractors.forEach((name, extractor) -> metrics.put(name,
                meanSd(reports.stream().mapToDouble(extractor).filter(v -> !Double.isNaN(v)).toArray())));
        return new CrossValidationSummary(reports.size(), metrics);
    }

    static MeanSd meanSd(double[] values) {
        if (values.length == 0) {
            return new MeanSd(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        if (values.length < 2) {
            return new MeanSd(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanSd(mean, Math.sqrt(squares / (values.length - 1)), values.length);
    }
}
