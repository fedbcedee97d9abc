package org.cardiacrnn.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.sequences.SequenceDataset;

/** Small labelled sequences whose classes differ by a mean shift that grows over time. */
final class ToySequences {

    private ToySequences() {
    }

    static SequenceDataset make(int sequences, int features, int steps, int classes, double separation, long seed) {
        Random random = new Random(seed);
        float[] values = new float[sequences * features * steps];
        int[] labels = new int[sequences];
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[sequences][];
        for (int i = 0; i < sequences; i++) {
            labels[i] = i % classes;
            groups.add("g" + i);
            rows[i] = new int[] {i};
            for (int f = 0; f < features; f++) {
                for (int t = 0; t < steps; t++) {
                    double shift = (f % classes == labels[i]) ? separation * (t + 1) / steps : 0;
                    values[(i * features + f) * steps + t] = (float) (shift + random.nextGaussian());
                }
            }
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add("class" + c);
        }
        List<String> featureNames = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            featureNames.add("G" + f);
        }
        return new SequenceDataset(values, sequences, features, steps, null, labels, classNames, groups, rows,
                featureNames);
    }

    static Hyperparameters tiny() {
        return Hyperparameters.quick().withOverride("hiddenUnits", "8").withOverride("denseUnits", "8")
                .withOverride("batchSize", "8").withOverride("epochs", "4").withOverride("earlyStoppingPatience", "0");
    }
}
