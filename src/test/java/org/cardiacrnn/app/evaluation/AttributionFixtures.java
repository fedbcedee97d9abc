package org.cardiacrnn.app.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cardiacrnn.app.session.RunResult;
import org.cardiacrnn.nn.NetworkFactory;
import org.cardiacrnn.sequences.SequenceDataset;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A run of a small untrained network over six test sequences of five genes (SOX17 among them). */
final class AttributionFixtures {

    static final List<String> GENES = List.of("SOX17", "GATA6", "NANOG", "POU5F1", "FOXA2");

    private AttributionFixtures() {
    }

    static MultiLayerNetwork network() {
        Hyperparameters hp = Hyperparameters.quick().withOverride("hiddenUnits", "4").withOverride("denseUnits", "6");
        return NetworkFactory.build(hp, GENES.size(), 3, null);
    }

    static RunResult run() {
        return run(true);
    }

    /** @param timed whether the test sequences know the time of each step (sequences built from data do) */
    static RunResult run(boolean timed) {
        int count = 6;
        int steps = 4;
        Random random = new Random(3);
        float[] values = new float[count * GENES.size() * steps];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) random.nextGaussian();
        }
        int[] labels = new int[count];
        List<String> groups = new ArrayList<>();
        int[][] rows = new int[count][];
        double[] times = new double[count * steps];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            groups.add("donor" + i);
            rows[i] = new int[] {i};
            for (int t = 0; t < steps; t++) {
                // Windows that start at 0 h or 24 h, so the sequences end at two different times.
                times[i * steps + t] = 24 * (t + i / 3);
            }
        }
        SequenceDataset test = new SequenceDataset(values, count, GENES.size(), steps, null, labels,
                List.of("early", "middle", "late"), groups, rows, GENES,
                timed ? SequenceDataset.StepTimes.of(times) : null);
        return new RunResult("r1", "run", Path.of("no-such-run"), null, List.of(), test);
    }
}
