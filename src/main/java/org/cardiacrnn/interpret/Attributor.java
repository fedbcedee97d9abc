package org.cardiacrnn.interpret;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.cardiacrnn.nn.ClassOutput;
import org.cardiacrnn.nn.InspectableNetwork;
import org.cardiacrnn.nn.Tensors;
import org.cardiacrnn.sequences.SequenceDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Attributes a classifier's class probability to the genes and time steps of its input sequences, by
 * integrated gradients or gradient × input. The interpolation points of several sequences share one batch,
 * so the recurrent layers run on wide matrices.
 */
public final class Attributor {

    /** The output explained unless told otherwise. */
    public static final ClassOutput DEFAULT_OUTPUT = ClassOutput.PROBABILITY;

    /** Rows (interpolation points) per forward/backward pass; large enough to keep the kernel busy. */
    static final int ROWS_PER_BATCH = 256;

    /**
     * @param method   integrated gradients or gradient × input
     * @param steps    interpolation steps of integrated gradients (midpoint rule); ignored by gradient × input
     * @param baseline the reference input
     * @param output   which output of the class is explained
     */
    public record Settings(AttributionMethod method, int steps, Baseline baseline, ClassOutput output) {
        public Settings {
            if (method == AttributionMethod.INTEGRATED_GRADIENTS && (steps < 1 || steps > 1024)) {
                throw new InterpretException("--steps must be between 1 and 1024 (32-64 is usual); got " + steps);
            }
        }

        /** The default output, {@link #DEFAULT_OUTPUT}. */
        public Settings(AttributionMethod method, int steps, Baseline baseline) {
            this(method, steps, baseline, DEFAULT_OUTPUT);
        }

        /** Integrated gradients, 32 steps, from the given baseline. */
        public static Settings defaults(Baseline baseline) {
            return new Settings(AttributionMethod.INTEGRATED_GRADIENTS, 32, baseline);
        }
    }

    /** Told after each batch how many sequences are done; a plain interface so no UI type leaks in. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final InspectableNetwork network;

    public Attributor(MultiLayerNetwork trained) {
        this.network = InspectableNetwork.of(trained);
    }

    public int classCount() {
        return network.classCount();
    }

    /** The class each sequence is predicted as. */
    public int[] predict(SequenceDataset data) {
        int[] predicted = new int[data.sequenceCount()];
        for (int from = 0; from < predicted.length; from += ROWS_PER_BATCH) {
            int to = Math.min(predicted.length, from + ROWS_PER_BATCH);
            INDArray features = Tensors.features(data, from, to);
            INDArray mask = Tensors.mask(data, from, to);
            float[][] probabilities = network.probabilities(features, mask);
            for (int i = from; i < to; i++) {
                predicted[i] = argMax(probabilities[i - from]);
            }
            Tensors.close(features, mask);
        }
        return predicted;
    }

    /** Attributions of one sequence for one class. */
    public SequenceAttribution attribute(SequenceDataset data, int sequence, int targetClass, Settings settings) {
        return attribute(data, new int[] {sequence}, new int[] {targetClass}, settings, (done, total) -> { },
                () -> false).get(0);
    }

    /**
     * Attributions of {@code sequences[i]} for class {@code targets[i]}.
     *
     * @param cancelled asked between batches; when it says yes, {@link AttributionCancelledException} is thrown
     */
    public List<SequenceAttribution> attribute(SequenceDataset data, int[] sequences, int[] targets,
                                               Settings settings, Progress progress, BooleanSupplier cancelled) {
        if (data.classCount() != network.classCount()) {
            throw new InterpretException("the data have " + data.classCount() + " classes, the network "
                    + network.classCount());
        }
        int points = settings.method() == AttributionMethod.INTEGRATED_GRADIENTS ? settings.steps() : 1;
        int rowsPerSequence = points + 2;
        int perBatch = Math.max(1, ROWS_PER_BATCH / rowsPerSequence);
        List<SequenceAttribution> results = new ArrayList<>(sequences.length);
        for (int from = 0; from < sequences.length; from += perBatch) {
            if (cancelled.getAsBoolean()) {
                throw new AttributionCancelledException();
            }
            int to = Math.min(sequences.length, from + perBatch);
            results.addAll(batch(data, sequences, targets, from, to, settings, points));
            progress.update(to, sequences.length);
        }
        return results;
    }

    /**
     * Rows per sequence: the baseline, the interpolation points, then the input itself. Integrated gradients
     * evaluate the gradient at the midpoints of {@code points} equal segments of the straight path; gradient ×
     * input has one point, at the input.
     */
    private List<SequenceAttribution> batch(SequenceDataset data, int[] sequences, int[] targets, int from, int to,
                                            Settings settings, int points) {
        int genes = data.featureCount();
        int steps = data.timeSteps();
        int block = genes * steps;
        int rowsPerSequence = points + 2;
        int rows = (to - from) * rowsPerSequence;
        float[] input = new float[rows * block];
        float[] mask = data.hasMask() ? new float[rows * steps] : null;
        int[] rowTargets = new int[rows];
        List<float[]> originals = new ArrayList<>();
        List<float[]> baselines = new ArrayList<>();
        for (int s = from; s < to; s++) {
            float[] x = new float[block];
            System.arraycopy(data.features(), sequences[s] * block, x, 0, block);
            float[] reference = settings.baseline().of(sequences[s], x, genes, steps);
            originals.add(x);
            baselines.add(reference);
            int firstRow = (s - from) * rowsPerSequence;
            for (int r = 0; r < rowsPerSequence; r++) {
                double alpha = alpha(r, rowsPerSequence, points, settings.method());
                int offset = (firstRow + r) * block;
                for (int k = 0; k < block; k++) {
                    input[offset + k] = (float) (reference[k] + alpha * (x[k] - reference[k]));
                }
                if (mask != null) {
                    System.arraycopy(data.mask(), sequences[s] * steps, mask, (firstRow + r) * steps, steps);
                }
                rowTargets[firstRow + r] = targets[s];
            }
        }
        INDArray features = Nd4j.create(input, new long[] {rows, genes, steps}, DataType.FLOAT);
        INDArray maskArray = mask == null ? null : Nd4j.create(mask, new long[] {rows, steps}, DataType.FLOAT);
        double[] alphas = new double[rowsPerSequence];
        for (int r = 1; r < rowsPerSequence; r++) {
            alphas[r] = alpha(r, rowsPerSequence, points, settings.method());
        }
        InspectableNetwork.Gradients result = network.straightPathGradients(features, maskArray, rowTargets,
                settings.output(), alphas);
        float[] gradientSums = result.inputGradient().dup('c').data().asFloat();
        Tensors.close(features, maskArray, result.inputGradient());

        List<SequenceAttribution> attributions = new ArrayList<>(to - from);
        for (int s = from; s < to; s++) {
            int firstRow = (s - from) * rowsPerSequence;
            float[] x = originals.get(s - from);
            float[] reference = baselines.get(s - from);
            float[] values = new float[block];
            boolean[] raised = new boolean[block];
            for (int k = 0; k < block; k++) {
                raised[k] = x[k] > reference[k];
                values[k] = (float) ((x[k] - reference[k]) * (double) gradientSums[(s - from) * block + k] / points);
            }
            if (mask != null) {
                for (int t = 0; t < steps; t++) {
                    if (data.mask()[sequences[s] * steps + t] == 0) {
                        for (int g = 0; g < genes; g++) {
                            values[g * steps + t] = 0;
                        }
                    }
                }
            }
            int inputRow = firstRow + rowsPerSequence - 1;
            attributions.add(new SequenceAttribution(sequences[s], targets[s],
                    argMax(result.probabilities()[inputRow]), values, raised, steps, settings.output(),
                    result.outputs()[inputRow], result.outputs()[firstRow]));
        }
        return attributions;
    }

    /** Where row r of a sequence's rows lies on the line from the baseline (0) to the input (1). */
    private static double alpha(int r, int rowsPerSequence, int points, AttributionMethod method) {
        if (r == 0) {
            return 0;
        }
        if (r == rowsPerSequence - 1) {
            return 1;
        }
        return method == AttributionMethod.GRADIENT_INPUT ? 1 : (r - 0.5) / points;
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
