package org.cardiacrnn.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Per-class precision/recall/F1 read off a confusion matrix, with macro and support-weighted averages. */
record PerClass(List<ClassMetrics> metrics, AverageMetrics macro, AverageMetrics weighted) {

    static PerClass of(ConfusionMatrix confusion) {
        int classes = confusion.classNames().size();
        List<ClassMetrics> metrics = new ArrayList<>(classes);
        double[] macro = new double[3];
        double[] weighted = new double[3];
        int total = 0;
        for (int c = 0; c < classes; c++) {
            int truePositives = confusion.count(c, c);
            int support = 0;
            int predicted = 0;
            for (int o = 0; o < classes; o++) {
                support += confusion.count(c, o);
                predicted += confusion.count(o, c);
            }
            // Undefined ratios count as 0, as scikit-learn does by default.
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(confusion.classNames().get(c), precision, recall, f1, support));
            double[] values = {precision, recall, f1};
            for (int m = 0; m < 3; m++) {
                macro[m] += values[m] / classes;
                weighted[m] += values[m] * support;
            }
            total += support;
        }
        for (int m = 0; m < 3; m++) {
            weighted[m] = total == 0 ? 0 : weighted[m] / total;
        }
        return new PerClass(metrics, new AverageMetrics(macro[0], macro[1], macro[2]),
                new AverageMetrics(weighted[0], weighted[1], weighted[2]));
    }
}
