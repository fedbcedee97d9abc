package org.cardiacrnn.app.common;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * One sequence ready for a heatmap: its most variable features (rows) over its time steps (columns), so a
 * 2,000-gene sequence shows the genes that actually change.
 */
public record SequenceHeat(String title, double[][] values, List<String> features, List<String> timeLabels) {

    /** The {@code maxFeatures} features of sequence {@code index} that vary most over time. */
    public static SequenceHeat of(SequenceDataset dataset, int index, int maxFeatures, String title) {
        int features = dataset.featureCount();
        int steps = dataset.timeSteps();
        double[] variance = new double[features];
        for (int f = 0; f < features; f++) {
            double sum = 0;
            double squares = 0;
            for (int t = 0; t < steps; t++) {
                double value = dataset.value(index, f, t);
                sum += value;
                squares += value * value;
            }
            double mean = sum / steps;
            variance[f] = squares / steps - mean * mean;
        }
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            order.add(f);
        }
        order.sort((a, b) -> Double.compare(variance[b], variance[a]));
        int shown = Math.min(maxFeatures, features);
        double[][] values = new double[shown][steps];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            names.add(dataset.featureNames().get(order.get(i)));
            for (int t = 0; t < steps; t++) {
                values[i][t] = dataset.value(index, order.get(i), t);
            }
        }
        List<String> timeLabels = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            timeLabels.add(Integer.toString(t));
        }
        return new SequenceHeat(title, values, names, timeLabels);
    }
}
