package org.cardiacrnn.nn.fast;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Working arrays of one {@link BiLstmKernel} for one (batch, time) shape, with every per-step view created
 * once: an ND4J view costs microseconds to create, as much as the arithmetic of a small step.
 *
 * <p>Everything is time-major and batch-major, as the input projection produces it: row {@code t * B + b} of
 * an array holds step t of sequence b, so each step is one contiguous block of rows that the recurrent products
 * read and write directly, and no array is ever reordered between the products and the time loop. Gate columns
 * follow DL4J's order: cell input, forget, output, input gate. The element-wise work runs in Java (see
 * {@link Values}, and for floats heap copies of each step). The arrays live outside DL4J's workspaces because
 * they must survive from the forward to the backward pass.
 */
final class BiLstmBuffers {

    static final int CELL_INPUT = 0;
    static final int FORGET = 1;
    static final int OUTPUT = 2;
    static final int INPUT_GATE = 3;

    final int batch;
    final int steps;
    final int units;
    private final DataType type;
    private final long nIn;

    /** Input copy [T*B, nIn], and its [T, B, nIn] view. */
    final INDArray input;
    final INDArray input3d;
    /** Outputs of both directions [T*B, 2u], forward direction's units first. */
    final INDArray hiddenRows;
    /**
     * Per direction: gates [T*B, 4u] (the input projection, then the activated gates), cell and tanh(cell)
     * [T*B, u].
     */
    final INDArray[] gates = new INDArray[2];
    final INDArray[] cell = new INDArray[2];
    final INDArray[] tanhCell = new INDArray[2];
    /** Feature mask [T, B]. */
    final INDArray mask;
    /** The dropout multipliers of the last training pass (0 or 1 / keep), laid out like the input copy. */
    private INDArray dropoutMask;

    /** Java access to the arrays above, for the element-wise glue (see {@link Values}). */
    final Values[] gatesValues = new Values[2];
    final Values[] cellValues = new Values[2];
    final Values[] tanhCellValues = new Values[2];
    final Values hiddenRowsValues;
    final Values maskValues;

    /**
     * For float arrays, the forward step's heap copies (see {@link BiLstmKernel}): per direction the step's gates
     * [B * 4u], its cell, tanh(cell) and output [B * u], the previous step's cell, and the native buffers.
     */
    final boolean heapStep;
    final FloatBuffer[] gatesFloats = new FloatBuffer[2];
    final FloatBuffer[] cellFloats = new FloatBuffer[2];
    final FloatBuffer[] tanhCellFloats = new FloatBuffer[2];
    final FloatBuffer hiddenRowsFloats;
    final FloatBuffer maskFloats;
    final float[][] stepGates = new float[2][];
    final float[][] stepCell = new float[2][];
    final float[][] stepPreviousCell = new float[2][];
    final float[][] stepTanhCell = new float[2][];
    final float[][] stepHidden = new float[2][];
    final float[][] stepMask = new float[2][];
    /** Per direction, the bias [4u] the float step adds (set by each forward pass). */
    final float[][] stepBias = new float[2][];

    /** Per step and direction: the step's gate rows [B, 4u] and output columns [B, u] (views). */
    final INDArray[][] gatesAt;
    final INDArray[][] hiddenAt;
    /** For the in-place (non-float) step: the sigmoid gates [B, 3u] and cell input [B, u] of each step. */
    final INDArray[][] sigmoidGatesAt;
    final INDArray[][] cellInputAt;
    final INDArray[][] cellAt;
    final INDArray[][] tanhCellAt;

    /**
     * The backward pass's arrays, allocated by {@link #ensureBackward()} on the first backward pass: a
     * network that only predicts (validation, inference) never needs them. Per direction: gate gradients
     * [T*B, 4u], output gradients [T*B, u] and the cell gradient carried to the step before [B * u].
     */
    INDArray[] gateGrad;
    INDArray[] hiddenGrad;
    INDArray[][] hiddenGradAt;
    INDArray[][] gateGradAt;
    Values[] gateGradValues;
    Values[] hiddenGradValues;
    double[][] carriedCellGrad;
    /** Per direction, the bias gradient [4u] summed in the backward steps. */
    double[][] biasGradSum;
    /** The backward direction's share of the input gradient, [T*B, nIn]; allocated by {@link #inputGrad()}. */
    private INDArray inputGrad;

    BiLstmBuffers(DataType type, int batch, int steps, int nIn, int units) {
        this.batch = batch;
        this.steps = steps;
        this.units = units;
        this.type = type;
        this.nIn = nIn;
        long rows = (long) steps * batch;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            input = Nd4j.create(type, rows, nIn);
            input3d = input.reshape(steps, batch, nIn);
            hiddenRows = Nd4j.create(type, rows, 2L * units);
            mask = Nd4j.create(type, steps, batch);
            heapStep = type == DataType.FLOAT;
            for (int d = 0; d < 2; d++) {
                gates[d] = Nd4j.create(type, rows, 4L * units);
                cell[d] = Nd4j.create(type, rows, units);
                tanhCell[d] = Nd4j.create(type, rows, units);
                gatesValues[d] = Values.of(gates[d]);
                cellValues[d] = Values.of(cell[d]);
                tanhCellValues[d] = Values.of(tanhCell[d]);
                if (heapStep) {
                    int state = units * batch;
                    gatesFloats[d] = gates[d].data().asNioFloat();
                    cellFloats[d] = cell[d].data().asNioFloat();
                    tanhCellFloats[d] = tanhCell[d].data().asNioFloat();
                    stepGates[d] = new float[4 * state];
                    stepCell[d] = new float[state];
                    stepPreviousCell[d] = new float[state];
                    stepTanhCell[d] = new float[state];
                    stepHidden[d] = new float[state];
                    stepMask[d] = new float[batch];
                }
            }
            hiddenRowsValues = Values.of(hiddenRows);
            maskValues = Values.of(mask);
            hiddenRowsFloats = heapStep ? hiddenRows.data().asNioFloat() : null;
            maskFloats = heapStep ? mask.data().asNioFloat() : null;
            gatesAt = new INDArray[steps][2];
            hiddenAt = new INDArray[steps][2];
            sigmoidGatesAt = new INDArray[steps][2];
            cellInputAt = new INDArray[steps][2];
            cellAt = new INDArray[steps][2];
            tanhCellAt = new INDArray[steps][2];
            for (int t = 0; t < steps; t++) {
                for (int d = 0; d < 2; d++) {
                    gatesAt[t][d] = rows(gates[d], t, t + 1, 0, 4L * units);
                    hiddenAt[t][d] = rows(hiddenRows, t, t + 1, (long) d * units, (long) (d + 1) * units);
                    if (!heapStep) {
                        sigmoidGatesAt[t][d] = rows(gates[d], t, t + 1, units, 4L * units);
                        cellInputAt[t][d] = rows(gates[d], t, t + 1, 0, units);
                        cellAt[t][d] = rows(cell[d], t, t + 1, 0, units);
                        tanhCellAt[t][d] = rows(tanhCell[d], t, t + 1, 0, units);
                    }
                }
            }
        }
    }

    /** Allocates the backward pass's arrays and views if this is the first backward pass at this shape. */
    void ensureBackward() {
        if (gateGrad != null) {
            return;
        }
        long rows = (long) steps * batch;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            gateGrad = new INDArray[2];
            hiddenGrad = new INDArray[2];
            gateGradValues = new Values[2];
            hiddenGradValues = new Values[2];
            carriedCellGrad = new double[2][units * batch];
            biasGradSum = new double[2][4 * units];
            for (int d = 0; d < 2; d++) {
                gateGrad[d] = Nd4j.create(type, rows, 4L * units);
                hiddenGrad[d] = Nd4j.create(type, rows, units);
                gateGradValues[d] = Values.of(gateGrad[d]);
                hiddenGradValues[d] = Values.of(hiddenGrad[d]);
            }
            hiddenGradAt = new INDArray[steps][2];
            gateGradAt = new INDArray[steps][2];
            for (int t = 0; t < steps; t++) {
                for (int d = 0; d < 2; d++) {
                    hiddenGradAt[t][d] = rows(hiddenGrad[d], t, t + 1, 0, units);
                    gateGradAt[t][d] = rows(gateGrad[d], t, t + 1, 0, 4L * units);
                }
            }
        }
    }

    /**
     * Inverted dropout on the input copy: each value is kept with probability {@code keep} and then scaled by
     * {@code 1 / keep}, or zeroed; the multipliers are kept for {@link #dropoutBackward}. They are drawn in Java
     * from a seeded generator, two decisions per 64 random bits (each "keep" when a 32-bit draw falls below
     * keep * 2^32), instead of DL4J's three ND4J passes (fill, Bernoulli draw, product), which took 7 ms per
     * step on the methodology's first-layer input. Floats are multiplied on the heap a chunk at a time.
     */
    void dropout(double keep, long seed) {
        if (dropoutMask == null) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                dropoutMask = Nd4j.create(type, (long) steps * batch, nIn);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long threshold = (long) (keep * 4294967296.0);
        int length = Math.toIntExact(dropoutMask.length());
        if (heapStep) {
            dropoutOnHeap(random, threshold, (float) (1.0 / keep), length);
            return;
        }
        double scale = 1.0 / keep;
        Values multipliers = Values.of(dropoutMask);
        Values values = Values.of(input);
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if ((i & 1) == 0) {
                bits = random.nextLong();
            }
            double multiplier = (((i & 1) == 0 ? bits >>> 32 : bits & 0xFFFFFFFFL) < threshold) ? scale : 0.0;
            multipliers.set(multipliers.at(i), multiplier);
            values.set(values.at(i), values.get(values.at(i)) * multiplier);
        }
    }

    /** Elements per chunk of the float dropout; even, so both paths pair the same elements per draw. */
    private static final int DROPOUT_CHUNK = 4096;

    private void dropoutOnHeap(SplittableRandom random, long threshold, float scale, int length) {
        FloatBuffer values = input.data().asNioFloat();
        FloatBuffer multipliers = dropoutMask.data().asNioFloat();
        float[] chunk = new float[DROPOUT_CHUNK];
        float[] chunkMultipliers = new float[DROPOUT_CHUNK];
        for (int start = 0; start < length; start += DROPOUT_CHUNK) {
            int n = Math.min(DROPOUT_CHUNK, length - start);
            // Branch-free: (draw - threshold) >>> 63 is 1 exactly when draw < threshold. A branch on a random
            // decision is mispredicted half the time, which cost more than drawing the numbers.
            for (int i = 0; i < n; i += 2) {
                long bits = random.nextLong();
                chunkMultipliers[i] = scale * (((bits >>> 32) - threshold) >>> 63);
                if (i + 1 < n) {
                    chunkMultipliers[i + 1] = scale * (((bits & 0xFFFFFFFFL) - threshold) >>> 63);
                }
            }
            values.get(start, chunk, 0, n);
            for (int i = 0; i < n; i++) {
                chunk[i] *= chunkMultipliers[i];
            }
            values.put(start, chunk, 0, n);
            multipliers.put(start, chunkMultipliers, 0, n);
        }
    }

    /** The last training pass's dropout multipliers, time-major [T*B, nIn] (null before any). */
    INDArray dropoutMask() {
        return dropoutMask;
    }

    /** Multiplies a time-major input gradient [T*B, nIn] by the last pass's dropout multipliers. */
    void dropoutBackward(INDArray inputGradient) {
        Nd4j.exec(new MulOp(inputGradient, dropoutMask, inputGradient));
    }

    /** The backward direction's share of the input gradient, [T*B, nIn], allocated on first use. */
    INDArray inputGrad() {
        if (inputGrad == null) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                inputGrad = Nd4j.create(type, (long) steps * batch, nIn);
            }
        }
        return inputGrad;
    }

    /**
     * Frees the native memory now instead of whenever the garbage collector gets to it (large batches hold
     * hundreds of MB); the buffers must not be used afterwards.
     */
    void release() {
        close(input, hiddenRows, mask, inputGrad, dropoutMask);
        for (int d = 0; d < 2; d++) {
            close(gates[d], cell[d], tanhCell[d]);
            if (gateGrad != null) {
                close(gateGrad[d], hiddenGrad[d]);
            }
        }
    }

    private static void close(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }

    /** Rows of steps {@code [from, to)} and columns {@code [colFrom, colTo)} of a time-major 2-D array. */
    INDArray rows(INDArray array2d, int from, int to, long colFrom, long colTo) {
        return array2d.get(interval((long) from * batch, (long) to * batch), interval(colFrom, colTo));
    }
}
