package org.cardiacrnn.interpret;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.cardiacrnn.sequences.SequenceDataset;

/**
 * The reference input attributions are measured against.
 *
 * @param kind        what the baseline is
 * @param geneMeans   for {@link Kind#TRAINING_MEAN}: per gene, its mean over the training sequences after
 *                    preprocessing (all zero after z-scoring); ignored otherwise
 * @param timeMatched for {@link Kind#TIME_MATCHED}: the reference of each step of the sequences it was made for
 */
public record Baseline(Kind kind, float[] geneMeans, TimeMatchedMeans timeMatched) {

    public enum Kind {
        /**
         * Each step at the mean of the explained sequences at the same time point, the classes weighted equally:
         * "an average lineage at this time, measured alongside these sequences". Early steps, before the lineages
         * part, then carry no attribution, and offsets that every class of the explained data shares (a new
         * donor's, a batch's) cancel instead of being attributed.
         */
        TIME_MATCHED("time-matched"),
        /** Every gene at its training mean at every time step: "an average sequence". */
        TRAINING_MEAN("training-mean"),
        /** The sequence blurred flat over time: each gene held at its own mean over the sequence, so what is
         *  attributed is the timing of expression, not its level. */
        BLURRED("blurred");

        private final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new InterpretException("--baseline must be time-matched, training-mean or blurred, not \""
                    + name + "\"");
        }
    }

    /** More distinct times than this (pseudotime, say) are pooled into this many bins of about equal size. */
    static final int MAX_TIME_BINS = 24;

    /**
     * Per time bin, the class-balanced gene means of the explained sequences.
     *
     * @param upperEdges a time below {@code upperEdges[b]} (and not below the one before) falls in bin b; the last
     *                   bin has no upper edge
     * @param means      {@code [bin][gene]}
     * @param stepBins   {@code [sequence * steps + step]}: the bin of each step of the sequences it was made for
     */
    record TimeMatchedMeans(double[] upperEdges, float[][] means, int[] stepBins, int sequences, int steps) {
    }

    public Baseline {
        geneMeans = geneMeans == null ? null : geneMeans.clone();
    }

    /** The training mean as the baseline; zero for every gene when the data were z-scored. */
    public static Baseline trainingMean(float[] geneMeans) {
        return new Baseline(Kind.TRAINING_MEAN, geneMeans, null);
    }

    /** Zero everywhere: the training mean of z-scored data. */
    public static Baseline zero(int genes) {
        return new Baseline(Kind.TRAINING_MEAN, new float[genes], null);
    }

    public static Baseline blurred() {
        return new Baseline(Kind.BLURRED, null, null);
    }

    /** Per-gene means over every present time step of every sequence in {@code training}. */
    public static Baseline trainingMean(SequenceDataset training) {
        int genes = training.featureCount();
        int steps = training.timeSteps();
        double[] sums = new double[genes];
        long present = 0;
        for (int i = 0; i < training.sequenceCount(); i++) {
            for (int t = 0; t < steps; t++) {
                if (!training.present(i, t)) {
                    continue;
                }
                present++;
                for (int g = 0; g < genes; g++) {
                    sums[g] += training.value(i, g, t);
                }
            }
        }
        float[] means = new float[genes];
        for (int g = 0; g < genes; g++) {
            means[g] = present == 0 ? 0 : (float) (sums[g] / present);
        }
        return trainingMean(means);
    }

    /**
     * Why the time-matched baseline cannot be made for these sequences, or null when it can: it needs the time of
     * each step and something to compare with at the same time, another class (without labels, another group) at
     * most time points. Where the classes are the time points themselves (a label of hours, days or stages), or the
     * groups were sampled at different times, each step would be compared with its own kind. Only measured steps
     * count: a time point a time course filled in holds no sample.
     *
     * @param labelled whether the labels are real, so the classes can be weighted equally
     */
    public static String timeMatchedUnavailable(SequenceDataset explained, boolean labelled) {
        if (!explained.hasStepTimes()) {
            return "the times of the sequences' steps are not known";
        }
        int[] kinds = labelled ? explained.labels() : groupIndices(explained);
        int kindCount = Arrays.stream(kinds).max().orElse(-1) + 1;
        if (Arrays.stream(kinds).distinct().count() < 2) {
            return labelled
                    ? "the sequences hold one class only, so there is nothing to compare them with at the same time"
                    : "the sequences come from one group only, so there is nothing to compare them with at the same "
                            + "time";
        }
        double[] upperEdges = timeBinEdges(explained);
        boolean[] seen = new boolean[(upperEdges.length + 1) * kindCount];
        long[] stepsInBin = new long[upperEdges.length + 1];
        long measured = 0;
        for (int i = 0; i < explained.sequenceCount(); i++) {
            for (int t = 0; t < explained.timeSteps(); t++) {
                if (explained.measured(i, t)) {
                    int bin = bin(upperEdges, explained.stepTime(i, t));
                    seen[bin * kindCount + kinds[i]] = true;
                    stepsInBin[bin]++;
                    measured++;
                }
            }
        }
        long shared = 0;
        for (int b = 0; b < stepsInBin.length; b++) {
            int kindsAtTime = 0;
            for (int k = 0; k < kindCount; k++) {
                kindsAtTime += seen[b * kindCount + k] ? 1 : 0;
            }
            shared += kindsAtTime >= 2 ? stepsInBin[b] : 0;
        }
        if (shared * 2 < measured) {
            double percent = 100.0 * shared / Math.max(1, measured);
            return labelled
                    ? String.format(Locale.ROOT, "only %.0f %% of the steps share their time point with another class "
                            + "(the classes follow time), so most would be compared with their own class", percent)
                    : String.format(Locale.ROOT, "only %.0f %% of the steps share their time point with another group "
                            + "(the groups were sampled at different times), so most would be compared with "
                            + "themselves", percent);
        }
        return null;
    }

    /** Each sequence's group as an index, in order of first appearance. */
    private static int[] groupIndices(SequenceDataset explained) {
        Map<String, Integer> index = new HashMap<>();
        return explained.groupIds().stream().mapToInt(group -> index.computeIfAbsent(group, g -> index.size()))
                .toArray();
    }

    /**
     * The time-matched baseline of {@code explained}, which only attributions of these same sequences may use.
     *
     * @param labelled whether the labels are real; then each class weighs the same at each time, otherwise each
     *                 measured step does
     * @throws InterpretException naming the reason when {@link #timeMatchedUnavailable} gives one
     */
    public static Baseline timeMatched(SequenceDataset explained, boolean labelled) {
        String unavailable = timeMatchedUnavailable(explained, labelled);
        if (unavailable != null) {
            throw new InterpretException("the time-matched baseline cannot be used: " + unavailable);
        }
        int n = explained.sequenceCount();
        int steps = explained.timeSteps();
        int genes = explained.featureCount();
        double[] upperEdges = timeBinEdges(explained);
        int bins = upperEdges.length + 1;
        int classes = labelled ? explained.classCount() : 1;
        int[] stepBins = new int[n * steps];
        double[][] sums = new double[bins * classes][];
        long[] counts = new long[bins * classes];
        for (int i = 0; i < n; i++) {
            int group = labelled ? explained.label(i) : 0;
            for (int t = 0; t < steps; t++) {
                int bin = bin(upperEdges, explained.stepTime(i, t));
                stepBins[i * steps + t] = bin;
                if (!explained.measured(i, t)) {
                    continue;
                }
                int cell = bin * classes + group;
                if (sums[cell] == null) {
                    sums[cell] = new double[genes];
                }
                counts[cell]++;
                for (int g = 0; g < genes; g++) {
                    sums[cell][g] += explained.value(i, g, t);
                }
            }
        }
        float[][] means = new float[bins][genes];
        for (int b = 0; b < bins; b++) {
            int present = 0;
            double[] total = new double[genes];
            for (int c = 0; c < classes; c++) {
                int cell = b * classes + c;
                if (counts[cell] == 0) {
                    continue;
                }
                present++;
                for (int g = 0; g < genes; g++) {
                    total[g] += sums[cell][g] / counts[cell];
                }
            }
            for (int g = 0; g < genes; g++) {
                means[b][g] = present == 0 ? 0 : (float) (total[g] / present);
            }
        }
        return new Baseline(Kind.TIME_MATCHED, null, new TimeMatchedMeans(upperEdges, means, stepBins, n, steps));
    }

    /**
     * Each distinct time of a measured step is its own bin; more than {@link #MAX_TIME_BINS} distinct times are cut
     * at quantiles, so every bin holds data and ties stay together.
     */
    private static double[] timeBinEdges(SequenceDataset explained) {
        int steps = explained.timeSteps();
        double[] times = new double[explained.sequenceCount() * steps];
        int present = 0;
        for (int i = 0; i < explained.sequenceCount(); i++) {
            for (int t = 0; t < steps; t++) {
                if (explained.measured(i, t) && !Double.isNaN(explained.stepTime(i, t))) {
                    times[present++] = explained.stepTime(i, t);
                }
            }
        }
        double[] sorted = Arrays.copyOf(times, present);
        Arrays.sort(sorted);
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        if (distinct.length <= MAX_TIME_BINS) {
            return distinct.length == 0 ? new double[0] : Arrays.copyOfRange(distinct, 1, distinct.length);
        }
        return IntStream.range(1, MAX_TIME_BINS)
                .mapToDouble(b -> sorted[(int) ((long) b * sorted.length / MAX_TIME_BINS)])
                .filter(edge -> edge > sorted[0]).distinct().toArray();
    }

    private static int bin(double[] upperEdges, double time) {
        int bin = 0;
        while (bin < upperEdges.length && time >= upperEdges[bin]) {
            bin++;
        }
        return bin;
    }

    /** The baseline of sequence {@code index} of the data being attributed, {@code [genes * time]} in its layout. */
    float[] of(int index, float[] sequence, int genes, int steps) {
        float[] baseline = new float[genes * steps];
        if (kind == Kind.TIME_MATCHED) {
            if (index >= timeMatched.sequences() || steps != timeMatched.steps()
                    || timeMatched.means()[0].length != genes) {
                throw new InterpretException("the time-matched baseline was made for other sequences");
            }
            for (int t = 0; t < steps; t++) {
                float[] means = timeMatched.means()[timeMatched.stepBins()[index * steps + t]];
                for (int g = 0; g < genes; g++) {
                    baseline[g * steps + t] = means[g];
                }
            }
            return baseline;
        }
        for (int g = 0; g < genes; g++) {
            float value;
            if (kind == Kind.TRAINING_MEAN) {
                if (geneMeans.length != genes) {
                    throw new InterpretException("the baseline has " + geneMeans.length + " genes, the data "
                            + genes);
                }
                value = geneMeans[g];
            } else {
                double sum = 0;
                for (int t = 0; t < steps; t++) {
                    sum += sequence[g * steps + t];
                }
                value = (float) (sum / steps);
            }
            Arrays.fill(baseline, g * steps, (g + 1) * steps, value);
        }
        return baseline;
    }
}
