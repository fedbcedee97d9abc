package org.cardiacrnn.nn.fast;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arithmetic of a bidirectional LSTM over a whole mini-batch, with the work split as in fast LSTM
 * kernels: the input projection of all steps is one matrix product per direction
 * ({@code [T*B, nIn] x [nIn, 4u]}), the time loop only adds {@code h(t-1) RW} ({@code [B, u] x [u, 4u]}) and
 * applies the gate non-linearities; in the backward pass the input-weight, recurrent-weight and input
 * gradients are one matrix product each per direction over all steps. All arrays keep the products' row
 * layout (see {@link BiLstmBuffers}), so nothing is reordered between the products and the time loop.
 *
 * <p>Masked steps (mask 0) zero the cell and the output, so the backward direction of a right-padded
 * sequence starts from a zero state at its last real step.
 */
final class BiLstmKernel {

    private static final MMulTranspose PLAIN = MMulTranspose.allFalse();
    private static final MMulTranspose TRANSPOSE_A = MMulTranspose.builder().transposeA(true).build();
    private static final MMulTranspose TRANSPOSE_B = MMulTranspose.builder().transposeB(true).build();

    /**
     * Buffers kept per (batch, time) shape: training alternates between the batch size and the last, smaller
     * batch of an epoch, and validation predicts at a third shape; allocating a shape's buffers costs as much
     * as several batches' arithmetic, and re-allocating every epoch piles up native memory.
     */
    private static final int CACHED_SHAPES = 3;

    private record Shape(DataType type, int batch, int steps, int nIn) {
    }

    private final PairRunner runner;
    /** Least recently used first. */
    private final Map<Shape, BiLstmBuffers> cache = new LinkedHashMap<>(8, 0.75f, true);
    private BiLstmBuffers buffers;
    private boolean masked;
    private boolean droppedOut;
    /** Set while the batch rows are straight paths (attribution only); null otherwise. */
    private StraightPaths paths;
    /** Of the last forward pass along {@link #paths}: the end rows, their weights per row, the inner-row sum. */
    private INDArray pathEndpoints;
    private INDArray pathCombination;
    private INDArray pathInnerSum;

    BiLstmKernel(PairRunner runner) {
        this.runner = runner;
    }

    /**
     * From the next forward pass on, takes the batch rows as straight paths (null: as independent rows): the input
     * projection comes from each block's end rows, and the input gradient has one row per block, the sum over its
     * inner rows.
     */
    void setStraightPaths(StraightPaths paths) {
        this.paths = paths;
    }

    /** Rows per step of the input gradient the next backward pass writes: the batch, or its paths' blocks. */
    int inputGradBatch() {
        return pathInnerSum == null ? buffers.batch : (int) pathInnerSum.size(0) / buffers.steps;
    }

    /** The buffers of the last forward pass (read by the backward pass). */
    BiLstmBuffers buffers() {
        return buffers;
    }

    /**
     * Runs both directions over {@code input} [B, nIn, T] and leaves the outputs in
     * {@link BiLstmBuffers#hiddenRows} ([T*B, 2u], forward units first).
     *
     * @param mask [B, T] with 0/1 entries, or null when every step is real
     */
    BiLstmBuffers forward(INDArray input, INDArray mask, INDArray inputWeights, INDArray recurrentWeights,
            INDArray bias, int units) {
        return forward(input, mask, inputWeights, recurrentWeights, bias, units, 1.0, 0);
    }

    /**
     * As {@link #forward(INDArray, INDArray, INDArray, INDArray, INDArray, int)}, with inverted dropout on the
     * input: each input value kept with probability {@code keep} (1: no dropout), drawn from {@code seed}.
     */
    BiLstmBuffers forward(INDArray input, INDArray mask, INDArray inputWeights, INDArray recurrentWeights,
            INDArray bias, int units, double keep, long seed) {
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        ensureBuffers(input.dataType(), batch, steps, (int) input.size(1), units);
        BiLstmBuffers b = buffers;
        b.input3d.assign(input.permute(2, 0, 1));
        droppedOut = keep < 1.0;
        if (droppedOut) {
            b.dropout(keep, seed);
        }
        masked = mask != null && mask.minNumber().doubleValue() < 1.0;
        if (masked) {
            b.mask.assign(mask.transpose());
        }
        if (paths != null) {
            if (droppedOut) {
                throw new IllegalStateException("straight paths are for attribution, which applies no dropout");
            }
            pathEndpoints = paths.endpoints(b.input, steps, batch);
            pathCombination = paths.combination(b.input.dataType(), steps, batch);
            pathInnerSum = paths.innerSum(b.input.dataType(), steps, batch);
        } else {
            pathEndpoints = null;
            pathCombination = null;
            pathInnerSum = null;
        }
        runner.runBoth(d -> forwardDirection(b, d, inputWeights, recurrentWeights, bias));
        return b;
    }

    private void forwardDirection(BiLstmBuffers b, int d, INDArray inputWeights, INDArray recurrentWeights,
            INDArray bias) {
        int steps = b.steps;
        long units = b.units;
        if (pathEndpoints != null) {
            INDArray projected = Nd4j.create(b.input.dataType(), pathEndpoints.size(0), 4 * units);
            mmul(pathEndpoints, block(inputWeights, d, 4 * units), projected, 0.0, PLAIN);
            mmul(pathCombination, projected, b.gates[d], 0.0, PLAIN);
        } else {
            mmul(b.input, block(inputWeights, d, 4 * units), b.gates[d], 0.0, PLAIN);
        }
        if (b.heapStep) {
            b.stepBias[d] = block(bias, d, 4 * units).toFloatVector();
        } else {
            b.gates[d].addiRowVector(block(bias, d, 4 * units));
        }
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? s : steps - 1 - s;
            forwardStep(b, recurrent, t, d, s == 0 ? -1 : (d == 0 ? t - 1 : t + 1));
        }
    }

    /**
     * One step: gates += h(t-1) RW (and, for floats, the bias, added on the heap), then the non-linearities,
     * c = i a + f c(t-1) and h = o tanh(c) ({@link CellSteps}); masked steps zero c (and so h).
     */
    private void forwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int previous) {
        if (previous >= 0) {
            mmul(b.hiddenAt[previous][d], recurrent, b.gatesAt[t][d], 1.0, PLAIN);
        }
        if (b.heapStep) {
            CellSteps.forwardOnHeap(b, t, d, previous >= 0, masked);
        } else {
            CellSteps.forwardInPlace(b, t, d, previous, masked);
        }
    }

    /**
     * Backpropagates {@code outputGrad} [B, 2u, T] through the last forward pass. Writes the parameter
     * gradients into the given views (unless they are null: attribution needs only the input gradient, and
     * skipping the weight gradients saves a third of the work) and, when {@code inputGrad} [T*B, nIn] is not
     * null, the gradient
     * with respect to the input (time-major), through the forward pass's dropout, if any. After a forward pass
     * along straight paths {@code inputGrad} is [T*G, nIn], per step and block the sum over the block's inner rows.
     */
    void backward(INDArray outputGrad, INDArray inputWeights, INDArray recurrentWeights, INDArray inputWeightGrad,
            INDArray recurrentWeightGrad, INDArray biasGrad, INDArray inputGrad) {
        BiLstmBuffers b = buffers;
        b.ensureBackward();
        INDArray backwardShare = inputGrad == null ? null
                : pathInnerSum == null ? b.inputGrad() : Nd4j.create(inputGrad.dataType(), inputGrad.shape());
        runner.runBoth(d -> backwardDirection(b, d, outputGrad, inputWeights, recurrentWeights, inputWeightGrad,
                recurrentWeightGrad, biasGrad, d == 0 ? inputGrad : backwardShare));
        if (inputGrad != null) {
            inputGrad.addi(backwardShare);
            if (droppedOut) {
                b.dropoutBackward(inputGrad);
            }
        }
    }

    private void backwardDirection(BiLstmBuffers b, int d, INDArray outputGrad, INDArray inputWeights,
            INDArray recurrentWeights, INDArray inputWeightGrad, INDArray recurrentWeightGrad, INDArray biasGrad,
            INDArray inputGrad) {
        int steps = b.steps;
        long units = b.units;
        CellSteps.toHiddenGrad(b, d, outputGrad);
        Arrays.fill(b.biasGradSum[d], 0.0);
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? steps - 1 - s : s;
            int later = s == 0 ? -1 : (d == 0 ? t + 1 : t - 1);
            int earlier = s == steps - 1 ? -1 : (d == 0 ? t - 1 : t + 1);
            backwardStep(b, recurrent, t, d, later, earlier);
        }
        INDArray gateGrad = b.gateGrad[d];
        if (inputWeightGrad != null) {
            parameterGradients(b, d, gateGrad, inputWeightGrad, recurrentWeightGrad, biasGrad);
        }
        if (inputGrad != null && pathInnerSum != null) {
            INDArray summed = Nd4j.create(gateGrad.dataType(), pathInnerSum.size(0), 4 * units);
            mmul(pathInnerSum, gateGrad, summed, 0.0, PLAIN);
            mmul(summed, block(inputWeights, d, 4 * units), inputGrad, 0.0, TRANSPOSE_B);
        } else if (inputGrad != null) {
            mmul(gateGrad, block(inputWeights, d, 4 * units), inputGrad, 0.0, TRANSPOSE_B);
        }
    }

    private void parameterGradients(BiLstmBuffers b, int d, INDArray gateGrad, INDArray inputWeightGrad,
            INDArray recurrentWeightGrad, INDArray biasGrad) {
        int steps = b.steps;
        long units = b.units;
        double[] biasSum = b.biasGradSum[d];
        block(biasGrad, d, 4 * units).assign(Nd4j.createFromArray(biasSum).castTo(biasGrad.dataType())
                .reshape(1, 4 * units));
        mmul(b.input, gateGrad, block(inputWeightGrad, d, 4 * units), 0.0, TRANSPOSE_A);
        INDArray recurrentGrad = block(recurrentWeightGrad, d, 4 * units);
        if (steps > 1) {
            // h(t-1) pairs with gate gradient t going forward; h(t+1) with t going backward.
            int hiddenFrom = d == 0 ? 0 : 1;
            int gradFrom = d == 0 ? 1 : 0;
            INDArray hiddenPrev = b.rows(b.hiddenRows, hiddenFrom, hiddenFrom + steps - 1, units * d,
                    units * (d + 1));
            INDArray gradNext = b.rows(gateGrad, gradFrom, gradFrom + steps - 1, 0, 4 * units);
            mmul(hiddenPrev, gradNext, recurrentGrad, 0.0, TRANSPOSE_A);
        } else {
            recurrentGrad.assign(0);
        }
    }

    /** One step back: hiddenGrad(t) += gateGrad(t+1) RW^T, then the step's gate gradients ({@link CellSteps}). */
    private void backwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int later, int earlier) {
        if (later >= 0) {
            mmul(b.gateGradAt[later][d], recurrent, b.hiddenGradAt[t][d], 1.0, TRANSPOSE_B);
        }
        CellSteps.backward(b, t, d, later >= 0, earlier, masked);
    }

    /** Columns {@code [d * width, (d + 1) * width)} of a parameter or gradient matrix. */
    private static INDArray block(INDArray matrix, int d, long width) {
        return matrix.get(all(), interval(d * width, (d + 1) * width));
    }

    private void ensureBuffers(DataType type, int batch, int steps, int nIn, int units) {
        Shape shape = new Shape(type, batch, steps, nIn);
        buffers = cache.get(shape);
        if (buffers == null) {
            buffers = new BiLstmBuffers(type, batch, steps, nIn, units);
            cache.put(shape, buffers);
            if (cache.size() > CACHED_SHAPES) {
                Iterator<BiLstmBuffers> eldest = cache.values().iterator();
                eldest.next().release();
                eldest.remove();
            }
        }
    }

    private static void mmul(INDArray a, INDArray b, INDArray result, double beta, MMulTranspose transpose) {
        Nd4j.exec(new Mmul(a, b, result, 1.0, beta, transpose));
    }
}
