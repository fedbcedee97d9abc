package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.BiLstmBuffers.CELL_INPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.FORGET;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.INPUT_GATE;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.OUTPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.overTime;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arithmetic of a bidirectional LSTM over a whole mini-batch, with the work split as in fast LSTM
 * kernels: the input projection of all steps is one matrix product per direction
 * ({@code [T*B, nIn] x [nIn, 4u]}), the time loop only adds {@code RW^T h(t-1)} ({@code [4u, u] x [u, B]}) and
 * applies the gate non-linearities; in the backward pass the input-weight, recurrent-weight and input
 * gradients are one matrix product each per direction over all steps.
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

    BiLstmKernel(PairRunner runner) {
        this.runner = runner;
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
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        ensureBuffers(input.dataType(), batch, steps, (int) input.size(1), units);
        BiLstmBuffers b = buffers;
        b.input3d.assign(input.permute(2, 0, 1));
        masked = mask != null && mask.minNumber().doubleValue() < 1.0;
        if (masked) {
            b.mask.reshape(steps, batch).assign(mask.transpose());
        }
        runner.runBoth(d -> forwardDirection(b, d, inputWeights, recurrentWeights, bias));
        return b;
    }

    private void forwardDirection(BiLstmBuffers b, int d, INDArray inputWeights, INDArray recurrentWeights,
            INDArray bias) {
        int steps = b.steps;
        long units = b.units;
        mmul(b.input, block(inputWeights, d, 4 * units), b.gateRows[d], 0.0, PLAIN);
        b.gateRows[d].addiRowVector(block(bias, d, 4 * units));
        b.gates[d].assign(b.gateRows[d].reshape(steps, b.batch, 4 * units).permute(0, 2, 1));
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? s : steps - 1 - s;
            forwardStep(b, recurrent, t, d, s == 0 ? -1 : (d == 0 ? t - 1 : t + 1));
        }
        b.hiddenRows.reshape(steps, b.batch, 2 * units).get(all(), all(), interval(units * d, units * (d + 1)))
                .assign(b.hidden[d].permute(0, 2, 1));
    }

    private void forwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int previous) {
        INDArray cell = b.cellAt[t][d];
        if (previous >= 0) {
            mmul(recurrent, b.hiddenAt[previous][d], b.gateAt[t][d], 1.0, TRANSPOSE_A);
        }
        Nd4j.exec(new Sigmoid(b.sigmoidGatesAt[t][d], b.sigmoidGatesAt[t][d]));
        Nd4j.exec(new Tanh(b.cellInputAt[t][d], b.cellInputAt[t][d]));
        Nd4j.exec(new MulOp(b.inputGateAt[t][d], b.cellInputAt[t][d], cell));
        if (previous >= 0) {
            Nd4j.exec(new MulOp(b.forgetAt[t][d], b.cellAt[previous][d], b.scratch[d]));
            Nd4j.exec(new AddOp(cell, b.scratch[d], cell));
        }
        if (masked) {
            Nd4j.exec(new MulOp(cell, b.maskAt[t], cell));
        }
        Nd4j.exec(new Tanh(cell, b.tanhCellAt[t][d]));
        Nd4j.exec(new MulOp(b.outputGateAt[t][d], b.tanhCellAt[t][d], b.hiddenAt[t][d]));
        if (masked) {
            Nd4j.exec(new MulOp(b.hiddenAt[t][d], b.maskAt[t], b.hiddenAt[t][d]));
        }
    }

    /**
     * Backpropagates {@code outputGrad} [B, 2u, T] through the last forward pass. Writes the parameter
     * gradients into the given views and, when {@code inputGrad} [T*B, nIn] is not null, the gradient
     * with respect to the input (time-major).
     */
    void backward(INDArray outputGrad, INDArray inputWeights, INDArray recurrentWeights, INDArray inputWeightGrad,
            INDArray recurrentWeightGrad, INDArray biasGrad, INDArray inputGrad) {
        BiLstmBuffers b = buffers;
        b.ensureBackward();
        INDArray backwardShare = inputGrad == null ? null : b.inputGrad();
        runner.runBoth(d -> backwardDirection(b, d, outputGrad, inputWeights, recurrentWeights, inputWeightGrad,
                recurrentWeightGrad, biasGrad, d == 0 ? inputGrad : backwardShare));
        if (inputGrad != null) {
            inputGrad.addi(backwardShare);
        }
    }

    private void backwardDirection(BiLstmBuffers b, int d, INDArray outputGrad, INDArray inputWeights,
            INDArray recurrentWeights, INDArray inputWeightGrad, INDArray recurrentWeightGrad, INDArray biasGrad,
            INDArray inputGrad) {
        int steps = b.steps;
        long units = b.units;
        b.hiddenGrad[d].assign(outputGrad.get(all(), interval(units * d, units * (d + 1)), all())
                .permute(2, 1, 0));
        computeGateFactors(b, d);
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? steps - 1 - s : s;
            int later = s == 0 ? -1 : (d == 0 ? t + 1 : t - 1);
            backwardStep(b, recurrent, t, d, later, s == steps - 1);
        }
        INDArray gateGradRows = b.gateRows[d];
        gateGradRows.reshape(steps, b.batch, 4 * units).assign(b.gateGrad[d].permute(0, 2, 1));
        mmul(b.input, gateGradRows, block(inputWeightGrad, d, 4 * units), 0.0, TRANSPOSE_A);
        block(biasGrad, d, 4 * units).assign(gateGradRows.sum(0).reshape(1, 4 * units));
        INDArray recurrentGrad = block(recurrentWeightGrad, d, 4 * units);
        if (steps > 1) {
            // h(t-1) pairs with gate gradient t going forward; h(t+1) with t going backward.
            int hiddenFrom = d == 0 ? 0 : 1;
            int gradFrom = d == 0 ? 1 : 0;
            INDArray hiddenPrev = b.rows(b.hiddenRows, hiddenFrom, hiddenFrom + steps - 1, units * d,
                    units * (d + 1));
            INDArray gradNext = b.rows(gateGradRows, gradFrom, gradFrom + steps - 1, 0, 4 * units);
            mmul(hiddenPrev, gradNext, recurrentGrad, 0.0, TRANSPOSE_A);
        } else {
            recurrentGrad.assign(0);
        }
        if (inputGrad != null) {
            mmul(gateGradRows, block(inputWeights, d, 4 * units), inputGrad, 0.0, TRANSPOSE_B);
        }
    }

    /**
     * Per step the gate gradients are the cell gradient (or, for the output gate, the output gradient)
     * times a factor that depends only on forward values; these factors are computed for all steps at
     * once: cell input i(1-a^2), forget c(t-1) f(1-f), output tanh(c) o(1-o), input gate a i(1-i), and the
     * cell factor o(1-tanh(c)^2) that turns an output gradient into a cell gradient.
     */
    private static void computeGateFactors(BiLstmBuffers b, int d) {
        int steps = b.steps;
        INDArray gates = b.gates[d];
        INDArray factors = b.gateFactors[d];
        INDArray a = b.gateOverTime(gates, CELL_INPUT, 0, steps);
        INDArray i = b.gateOverTime(gates, INPUT_GATE, 0, steps);
        INDArray o = b.gateOverTime(gates, OUTPUT, 0, steps);
        INDArray cellInputFactor = b.gateOverTime(factors, CELL_INPUT, 0, steps);
        Nd4j.exec(new Square(a, cellInputFactor));
        cellInputFactor.rsubi(1.0).muli(i);
        INDArray inputFactor = b.gateOverTime(factors, INPUT_GATE, 0, steps);
        Nd4j.exec(new TimesOneMinus(i, inputFactor));
        inputFactor.muli(a);
        INDArray outputFactor = b.gateOverTime(factors, OUTPUT, 0, steps);
        Nd4j.exec(new TimesOneMinus(o, outputFactor));
        outputFactor.muli(b.tanhCell[d]);
        Nd4j.exec(new TimesOneMinus(b.gateOverTime(gates, FORGET, 0, steps),
                b.gateOverTime(factors, FORGET, 0, steps)));
        int first = d == 0 ? 0 : steps - 1;
        b.gateOverTime(factors, FORGET, first, first + 1).assign(0);
        if (steps > 1) {
            int from = d == 0 ? 1 : 0;
            int previousFrom = d == 0 ? 0 : 1;
            b.gateOverTime(factors, FORGET, from, from + steps - 1)
                    .muli(overTime(b.cell[d], previousFrom, previousFrom + steps - 1));
        }
        Nd4j.exec(new Square(b.tanhCell[d], b.cellFactor[d]));
        b.cellFactor[d].rsubi(1.0).muli(o);
    }

    private void backwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int later, boolean last) {
        INDArray hiddenGrad = b.hiddenGradAt[t][d];
        INDArray cellGrad = b.cellGrad[d];
        if (later >= 0) {
            mmul(recurrent, b.gateGradAt[later][d], hiddenGrad, 1.0, PLAIN);
        }
        if (masked) {
            Nd4j.exec(new MulOp(hiddenGrad, b.maskAt[t], hiddenGrad));
        }
        Nd4j.exec(new MulOp(hiddenGrad, b.cellFactorAt[t][d], cellGrad));
        if (later >= 0) {
            Nd4j.exec(new AddOp(cellGrad, b.carriedCellGrad[d], cellGrad));
        }
        if (masked) {
            Nd4j.exec(new MulOp(cellGrad, b.maskAt[t], cellGrad));
        }
        Nd4j.exec(new MulOp(b.gateFactorsAt[t][d], b.cellGrad3d[d], b.gateGrad3dAt[t][d]));
        Nd4j.exec(new MulOp(hiddenGrad, b.outputFactorAt[t][d], b.outputGradAt[t][d]));
        if (!last) {
            Nd4j.exec(new MulOp(cellGrad, b.forgetAt[t][d], b.carriedCellGrad[d]));
        }
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
