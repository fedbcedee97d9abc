package org.cardiacrnn.sequences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cardiacrnn.data.ExpressionMatrix;
import org.cardiacrnn.data.SampleMetadata;
import org.cardiacrnn.data.SingleCellOptions;

/**
 * One sequence per group × label (× replicate, where the data have a replicate column): the sequence runs over
 * the union of all time points in the data. A time point a group lacks is either interpolated linearly in time
 * (nearest value at the ends) or masked (mask 0, values 0). Several samples of one trajectory at one time point
 * are averaged, and the build warnings say so, since averaging replicates loses sequences.
 */
public final class TimeCourseBuilder {

    private TimeCourseBuilder() {
    }

    /** Builds time courses, learning the class names from the label column (sorted). */
    public static SequenceBuild build(ExpressionMatrix matrix, SampleMetadata metadata, SequenceConfig config) {
        return build(matrix, metadata, config, null);
    }

    /** Builds time courses with fixed class names (null = learn them); unknown labels fail naming them. */
    public static SequenceBuild build(ExpressionMatrix matrix, SampleMetadata metadata, SequenceConfig config,
                                      List<String> classNames) {
        return build(matrix, Trajectories.of(metadata, config, classNames), config);
    }

    static SequenceBuild build(ExpressionMatrix matrix, Trajectories trajectories, SequenceConfig config) {
        double[] times = trajectories.times();
        TreeSet<Double> union = new TreeSet<>();
        trajectories.trajectories().forEach(t -> {
            for (int row : t.rows()) {
                union.add(times[row]);
            }
        });
        double[] points = union.stream().mapToDouble(Double::doubleValue).toArray();
        int steps = points.length;
        int genes = matrix.geneCount();
        int n = trajectories.trajectories().size();
        boolean masking = config.missingTimePoints() == SequenceConfig.MissingTimePoints.MASK;
        float[] features = new float[n * genes * steps];
        float[] mask = masking ? new float[n * steps] : null;
        int[] labels = new int[n];
        List<String> groups = new ArrayList<>();
        int[][] sources = new int[n][];
        // Interpolated time points are data to the network but not samples: comparisons at a time point skip them.
        boolean[] filledIn = new boolean[n * steps];
        boolean anyFilledIn = false;
        List<String> warnings = new ArrayList<>(trajectories.warnings());
        Map<String, int[]> gaps = new LinkedHashMap<>();
        int averagedTrajectories = 0;
        String firstAveraged = null;
        for (int i = 0; i < n; i++) {
            Trajectories.Trajectory trajectory = trajectories.trajectories().get(i);
            int[] samplesPerPoint = new int[steps];
            double[][] means = pseudobulk(matrix, trajectory.rows(), times, points, samplesPerPoint);
            int mostAtOnePoint = java.util.Arrays.stream(samplesPerPoint).max().orElse(0);
            if (mostAtOnePoint > 1) {
                averagedTrajectories++;
                firstAveraged = firstAveraged != null ? firstAveraged : "\"" + trajectory.name() + "\" has up to "
                        + mostAtOnePoint + " at one time point";
            }
            int present = 0;
            for (double[] mean : means) {
                present += mean == null ? 0 : 1;
            }
            if (present < steps) {
                // One line per group and gap size, however many of its replicates share the gap.
                gaps.computeIfAbsent(trajectory.id() + "\u0000" + (steps - present), k -> new int[1])[0]++;
            }
            for (int t = 0; t < steps; t++) {
                double[] mean = means[t];
                if (masking) {
                    mask[i * steps + t] = mean == null ? 0 : 1;
                }
                filledIn[i * steps + t] = mean == null;
                anyFilledIn |= mean == null;
                for (int f = 0; f < genes; f++) {
                    double value = mean != null ? mean[f] : masking ? 0 : interpolate(means, points, t, f);
                    features[(i * genes + f) * steps + t] = (float) value;
                }
            }
            labels[i] = trajectory.label();
            groups.add(trajectory.id());
            sources[i] = trajectory.rows().clone();
        }
        gaps.forEach((key, replicates) -> {
            String[] idAndGap = key.split("\u0000");
            warnings.add("group \"" + idAndGap[0] + "\" lacks " + idAndGap[1] + " of " + steps + " time points"
                    + (replicates[0] > 1 ? " in each of " + replicates[0] + " replicates" : "") + "; they were "
                    + (masking ? "masked" : "interpolated"));
        });
        if (averagedTrajectories > 0) {
            warnings.add(averagedTrajectories + " of " + n + " time courses have several samples at one time point; "
                    + "they were averaged into one step (" + firstAveraged + "). A \"" + SingleCellOptions.REPLICATE
                    + "\" column keeps replicates as separate time courses");
        }
        double[] stepTimes = new double[n * steps];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, 0, stepTimes, i * steps, steps);
        }
        SequenceDataset dataset = new SequenceDataset(features, n, genes, steps, mask, labels,
                trajectories.classNames(), groups, sources, matrix.geneNames(),
                new SequenceDataset.StepTimes(stepTimes, masking || !anyFilledIn ? null : filledIn));
        return new SequenceBuild(dataset, warnings);
    }

    /**
     * Mean expression per time point (null where the group has no sample at that time); {@code counts} receives
     * the number of samples averaged at each point.
     */
    private static double[][] pseudobulk(ExpressionMatrix matrix, int[] rows, double[] times, double[] points,
                                         int[] counts) {
        int genes = matrix.geneCount();
        double[][] sums = new double[points.length][];
        for (int row : rows) {
            int t = java.util.Arrays.binarySearch(points, times[row]);
            if (sums[t] == null) {
                sums[t] = new double[genes];
            }
            for (int f = 0; f < genes; f++) {
                sums[t][f] += matrix.get(row, f);
            }
            counts[t]++;
        }
        for (int t = 0; t < points.length; t++) {
            if (sums[t] != null) {
                for (int f = 0; f < genes; f++) {
                    sums[t][f] /= counts[t];
                }
            }
        }
        return sums;
    }

    /** Linear interpolation in time between the nearest present points; the nearest one at the ends. */
    private static double interpolate(double[][] means, double[] points, int t, int f) {
        int before = t - 1;
        while (before >= 0 && means[before] == null) {
            before--;
        }
        int after = t + 1;
        while (after < means.length && means[after] == null) {
            after++;
        }
        if (before < 0) {
            return means[after][f];
        }
        if (after >= means.length) {
            return means[before][f];
        }
        double fraction = (points[t] - points[before]) / (points[after] - points[before]);
        return means[before][f] + fraction * (means[after][f] - means[before][f]);
    }
}
