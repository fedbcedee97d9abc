package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.List;

import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.SampleMetadata;

/**
 * The published method: within each trajectory (label, or label × group), samples in time order are cut
 * into windows of {@code windowLength} samples every {@code stride} samples; each window is one sequence
 * labelled with its trajectory. Overlapping windows share samples, which is why random splits leak.
 */
public final class SlidingWindowBuilder {

    private SlidingWindowBuilder() {
    }

    /** Builds windows, learning the class names from the label column (sorted). */
    public static SequenceBuild build(ExpressionMatrix matrix, SampleMetadata metadata, SequenceConfig config) {
        return build(matrix, metadata, config, null);
    }

    /** Builds windows with fixed class names (null = learn them); unknown labels fail naming them. */
    public static SequenceBuild build(ExpressionMatrix matrix, SampleMetadata metadata, SequenceConfig config,
                                      List<String> classNames) {
        return build(matrix, Trajectories.of(metadata, config, classNames), config);
    }

    static SequenceBuild build(ExpressionMatrix matrix, Trajectories trajectories, SequenceConfig config) {
        int length = config.windowLength();
        int genes = matrix.geneCount();
        float[] values = matrix.values();
        List<String> warnings = new ArrayList<>(trajectories.warnings());
        List<int[]> windows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Trajectories.Trajectory trajectory : trajectories.trajectories()) {
            int[] rows = trajectory.rows();
            if (rows.length < length) {
                warnings.add("trajectory \"" + trajectory.id() + "\" has " + rows.length + " samples, fewer than the "
                        + "window length " + length + "; it was skipped");
                continue;
            }
            for (int start = 0; start + length <= rows.length; start += config.stride()) {
                int[] window = new int[length];
                System.arraycopy(rows, start, window, 0, length);
                windows.add(window);
                labels.add(trajectory.label());
                groups.add(trajectory.id());
            }
        }
        int n = windows.size();
        float[] features = new float[n * genes * length];
        double[] stepTimes = new double[n * length];
        for (int i = 0; i < n; i++) {
            int[] window = windows.get(i);
            for (int t = 0; t < length; t++) {
                stepTimes[i * length + t] = trajectories.times()[window[t]];
                int rowStart = window[t] * genes;
                for (int f = 0; f < genes; f++) {
                    features[(i * genes + f) * length + t] = values[rowStart + f];
                }
            }
        }
        SequenceDataset dataset = new SequenceDataset(features, n, genes, length, null,
                labels.stream().mapToInt(Integer::intValue).toArray(), trajectories.classNames(), groups,
                windows.toArray(int[][]::new), matrix.geneNames(), SequenceDataset.StepTimes.of(stepTimes));
        return new SequenceBuild(dataset, warnings);
    }
}
