package org.cardiacrnn.app.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cardiacrnn.data.ExpressionData;
import org.cardiacrnn.data.SampleMetadata;

/** One gene's mean ± sd at each time point, one line per class (trajectory). */
public record GeneTrend(String gene, String timeColumn, List<Line> lines) {

    /** The trend of one class. */
    public record Line(String label, double[] times, double[] means, double[] standardDeviations) {
    }

    /**
     * Groups the samples by label and time. Samples with no time are left out; without a label column all
     * samples form one line.
     */
    public static GeneTrend of(ExpressionData data, String gene, String timeColumn, String labelColumn) {
        int geneIndex = data.matrix().geneIndex(gene);
        if (geneIndex < 0 || timeColumn == null) {
            return new GeneTrend(gene, timeColumn, List.of());
        }
        SampleMetadata metadata = data.metadata();
        double[] times = metadata.column(timeColumn).numbers();
        List<String> labels = labelColumn == null ? null : metadata.column(labelColumn).values();
        Map<String, TreeMap<Double, double[]>> sums = new LinkedHashMap<>();
        for (int s = 0; s < data.matrix().sampleCount(); s++) {
            if (times == null || Double.isNaN(times[s])) {
                continue;
            }
            double value = data.matrix().get(s, geneIndex);
            if (Double.isNaN(value)) {
                continue;
            }
            String label = labels == null ? gene : labels.get(s);
            double[] acc = sums.computeIfAbsent(label, k -> new TreeMap<>())
                    .computeIfAbsent(times[s], k -> new double[3]);
            acc[0]++;
            acc[1] += value;
            acc[2] += value * value;
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((label, byTime) -> {
            double[] t = new double[byTime.size()];
            double[] mean = new double[t.length];
            double[] sd = new double[t.length];
            int i = 0;
            for (Map.Entry<Double, double[]> entry : byTime.entrySet()) {
                double n = entry.getValue()[0];
                t[i] = entry.getKey();
                mean[i] = entry.getValue()[1] / n;
                double variance = n > 1 ? (entry.getValue()[2] - n * mean[i] * mean[i]) / (n - 1) : 0;
                sd[i] = Math.sqrt(Math.max(0, variance));
                i++;
            }
            lines.add(new Line(label, t, mean, sd));
        });
        return new GeneTrend(gene, timeColumn, lines);
    }
}
