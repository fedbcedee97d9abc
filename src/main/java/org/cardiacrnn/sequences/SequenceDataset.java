package org.cardiacrnn.sequences;

import java.util.List;

/**
 * Sequences ready for a recurrent network, in DL4J's recurrent layout {@code [n, features, time]}
 * (C order: {@code features[((i * featureCount) + f) * timeSteps + t]}).
 *
 * <p>{@code mask} is {@code [n, time]} with 1 where a time step holds data and 0 where it is padding or a
 * missing time point; null means every step is present. {@code sourceRows[i]} lists the matrix rows
 * (samples) that fed sequence {@code i}: the leakage check compares these across splits.
 * {@code groupIds[i]} names the trajectory or donor × lineage group a sequence came from; grouped splits
 * never put one group in two splits. {@code stepTimes}, when known, holds the value of the time column at each step (a
 * window's samples, a time course's time points), so that a step can be compared with other sequences at the same
 * time, and which steps a time course filled in for a time point its group lacks.
 */
public final class SequenceDataset {

    /**
     * The time of each step, and which steps hold no sample of their own.
     *
     * @param times    {@code [n, time]}: the time column's value at each step
     * @param filledIn {@code [n, time]}: true where a time course interpolated a time point its group lacks; null
     *                 when every step was measured
     */
    public record StepTimes(double[] times, boolean[] filledIn) {

        /** Times of steps that were all measured. */
        public static StepTimes of(double[] times) {
            return new StepTimes(times, null);
        }

        StepTimes select(int[] sequences, int steps, int keptSteps) {
            double[] selectedTimes = new double[sequences.length * keptSteps];
            boolean[] selectedFilledIn = filledIn == null ? null : new boolean[sequences.length * keptSteps];
            for (int i = 0; i < sequences.length; i++) {
                System.arraycopy(times, sequences[i] * steps, selectedTimes, i * keptSteps, keptSteps);
                if (filledIn != null) {
                    System.arraycopy(filledIn, sequences[i] * steps, selectedFilledIn, i * keptSteps, keptSteps);
                }
            }
            return new StepTimes(selectedTimes, selectedFilledIn);
        }
    }

    private final float[] features;
    private final int sequenceCount;
    private final int featureCount;
    private final int timeSteps;
    private final float[] mask;
    private final int[] labels;
    private final List<String> classNames;
    private final List<String> groupIds;
    private final int[][] sourceRows;
    private final List<String> featureNames;
    private final StepTimes stepTimes;

    /** Sequences whose steps' times are not known. */
    public SequenceDataset(float[] features, int sequenceCount, int featureCount, int timeSteps, float[] mask,
                           int[] labels, List<String> classNames, List<String> groupIds, int[][] sourceRows,
                           List<String> featureNames) {
        this(features, sequenceCount, featureCount, timeSteps, mask, labels, classNames, groupIds, sourceRows,
                featureNames, null);
    }

    public SequenceDataset(float[] features, int sequenceCount, int featureCount, int timeSteps, float[] mask,
                           int[] labels, List<String> classNames, List<String> groupIds, int[][] sourceRows,
                           List<String> featureNames, StepTimes stepTimes) {
        if ((long) sequenceCount * featureCount * timeSteps != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected "
                    + sequenceCount + " × " + featureCount + " × " + timeSteps);
        }
        if (mask != null && mask.length != sequenceCount * timeSteps) {
            throw new IllegalArgumentException("mask must be [n, time]");
        }
        if (stepTimes != null && (stepTimes.times().length != sequenceCount * timeSteps
                || stepTimes.filledIn() != null && stepTimes.filledIn().length != sequenceCount * timeSteps)) {
            throw new IllegalArgumentException("step times must be [n, time]");
        }
        if (labels.length != sequenceCount || groupIds.size() != sequenceCount || sourceRows.length != sequenceCount) {
            throw new IllegalArgumentException("labels, group ids and source rows need one entry per sequence");
        }
        if (featureNames.size() != featureCount) {
            throw new IllegalArgumentException("need one feature name per feature");
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside the " + classNames.size() + " classes");
            }
        }
        this.features = features;
        this.sequenceCount = sequenceCount;
        this.featureCount = featureCount;
        this.timeSteps = timeSteps;
        this.mask = mask;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.groupIds = List.copyOf(groupIds);
        this.sourceRows = sourceRows;
        this.featureNames = List.copyOf(featureNames);
        this.stepTimes = stepTimes;
    }

    public int sequenceCount() {
        return sequenceCount;
    }

    public int featureCount() {
        return featureCount;
    }

    public int timeSteps() {
        return timeSteps;
    }

    public int classCount() {
        return classNames.size();
    }

    /** Backing array in {@code [n, features, time]} C order; read only. */
    public float[] features() {
        return features;
    }

    /** Backing {@code [n, time]} mask, or null when every time step is present; read only. */
    public float[] mask() {
        return mask;
    }

    public boolean hasMask() {
        return mask != null;
    }

    public boolean hasStepTimes() {
        return stepTimes != null;
    }

    /** The time column's value at step {@code time} of a sequence; only when {@link #hasStepTimes()}. */
    public double stepTime(int sequence, int time) {
        return stepTimes.times()[sequence * timeSteps + time];
    }

    /** Whether step {@code time} of a sequence holds data (not padding or a masked missing time point). */
    public boolean present(int sequence, int time) {
        return mask == null || mask[sequence * timeSteps + time] != 0;
    }

    /** Whether step {@code time} of a sequence holds a sample of its own: present and not filled in. */
    public boolean measured(int sequence, int time) {
        return present(sequence, time)
                && (stepTimes == null || stepTimes.filledIn() == null
                        || !stepTimes.filledIn()[sequence * timeSteps + time]);
    }

    public float value(int sequence, int feature, int time) {
        return features[(sequence * featureCount + feature) * timeSteps + time];
    }

    public int label(int sequence) {
        return labels[sequence];
    }

    /** Backing labels array; read only. */
    public int[] labels() {
        return labels;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    public int[] sourceRows(int sequence) {
        return sourceRows[sequence].clone();
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of sequences of each class. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** A new dataset holding the given sequences, in the given order. */
    public SequenceDataset subset(int[] indices) {
        int block = featureCount * timeSteps;
        float[] selectedFeatures = new float[indices.length * block];
        float[] selectedMask = mask == null ? null : new float[indices.length * timeSteps];
        int[] selectedLabels = new int[indices.length];
        String[] selectedGroups = new String[indices.length];
        int[][] selectedRows = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            int from = indices[i];
            System.arraycopy(features, from * block, selectedFeatures, i * block, block);
            if (mask != null) {
                System.arraycopy(mask, from * timeSteps, selectedMask, i * timeSteps, timeSteps);
            }
            selectedLabels[i] = labels[from];
            selectedGroups[i] = groupIds.get(from);
            selectedRows[i] = sourceRows[from];
        }
        return new SequenceDataset(selectedFeatures, indices.length, featureCount, timeSteps, selectedMask,
                selectedLabels, classNames, List.of(selectedGroups), selectedRows, featureNames,
                stepTimes == null ? null : stepTimes.select(indices, timeSteps, timeSteps));
    }

    /** The first {@code steps} time steps of every sequence (early prediction). */
    public SequenceDataset prefix(int steps) {
        if (steps < 1 || steps > timeSteps) {
            throw new IllegalArgumentException("prefix length must be in [1, " + timeSteps + "]; got " + steps);
        }
        float[] cut = new float[sequenceCount * featureCount * steps];
        for (int i = 0; i < sequenceCount; i++) {
            for (int f = 0; f < featureCount; f++) {
                System.arraycopy(features, (i * featureCount + f) * timeSteps, cut, (i * featureCount + f) * steps,
                        steps);
            }
        }
        float[] cutMask = null;
        if (mask != null) {
            cutMask = new float[sequenceCount * steps];
            for (int i = 0; i < sequenceCount; i++) {
                System.arraycopy(mask, i * timeSteps, cutMask, i * steps, steps);
            }
        }
        return new SequenceDataset(cut, sequenceCount, featureCount, steps, cutMask, labels, classNames, groupIds,
                sourceRows, featureNames, stepTimes == null ? null
                        : stepTimes.select(java.util.stream.IntStream.range(0, sequenceCount).toArray(), timeSteps,
                                steps));
    }
}
