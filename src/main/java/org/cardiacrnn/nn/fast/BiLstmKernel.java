package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.BiLstmBuffers.CELL_INPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.FORGET;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.INPUT_GATE;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.OUTPUT;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

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
 * kernels: the input projection of all steps and both directions is one matrix product
 * ({@code [T*B, nIn] x [nIn, 8u]}), the time loop only adds {@code h(t-1) x RW} ({@code [B, u] x [u, 4u]}) and
 * applies the gate non-linearities; in the backward pass the input-weight gradient, the recurrent-weight
 * gradient and the input gradient are one matrix product each over all steps.
 *
 * <p>Masked steps (mask 0) zero the cell and the output, as DL4J's LSTM does, so a backward direction
 * starts from a zero state at the last real step of a right-padded sequence.
 */
final class BiLstmKernel {

    private static final MMulTranspose PLAIN = MMulTranspose.allFalse();
    private static final MMulTranspose TRANSPOSE_A = MMulTranspose.builder().transposeA(true).build();
    private static final MMulTranspose TRANSPOSE_B = MMulTranspose.builder().transposeB(true).build();

    private BiLstmBuffers buffers;
    private boolean masked;

    /** The buffers of the last forward pass (read by the backward pass). */
    BiLstmBuffers buffers() {
        return buffers;
    }

    /**
     * Runs both directions over {@code input} [B, nIn, T] and leaves the outputs in
     * {@link BiLstmBuffers#hidden} ([T*B, 2u], forward units first).
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
        mmul(b.input, inputWeights, b.gates, 0.0, PLAIN);
        b.gates.addiRowVector(bias);
        for (int d = 0; d < 2; d++) {
            INDArray recurrent = recurrentWeights.get(all(), interval(4L * units * d, 4L * units * (d + 1)));
            for (int s = 0; s < steps; s++) {
                int t = d == 0 ? s : steps - 1 - s;
                forwardStep(b, recurrent, t, d, s == 0 ? -1 : (d == 0 ? t - 1 : t + 1));
            }
        }
        return b;
    }

    private void forwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int previous) {
        INDArray cell = b.cellAt[t][d];
        if (previous >= 0) {
            mmul(b.hiddenAt[previous][d], recurrent, b.gateAt[t][d], 1.0, PLAIN);
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
        int steps = b.steps;
        int units = b.units;
        b.hiddenGrad.reshape(steps, b.batch, 2L * units).assign(outputGrad.permute(2, 0, 1));
        computeGateFactors(b);
        for (int d = 0; d < 2; d++) {
            INDArray recurrent = recurrentWeights.get(all(), interval(4L * units * d, 4L * units * (d + 1)));
            for (int s = 0; s < steps; s++) {
                int t = d == 0 ? steps - 1 - s : s;
                int later = s == 0 ? -1 : (d == 0 ? t + 1 : t - 1);
                backwardStep(b, recurrent, t, d, later, s == steps - 1);
            }
        }
        mmul(b.input, b.gateGrad, inputWeightGrad, 0.0, TRANSPOSE_A);
        biasGrad.assign(b.gateGrad.sum(0).reshape(biasGrad.shape()));
        if (steps > 1) {
            for (int d = 0; d < 2; d++) {
                // h(t-1) pairs with gate gradient t going forward; h(t+1) with t going backward.
                int hiddenFrom = d == 0 ? 0 : 1;
                int gradFrom = d == 0 ? 1 : 0;
                INDArray hiddenPrev = b.rows(b.hidden, hiddenFrom, hiddenFrom + steps - 1,
                        (long) units * d, (long) units * (d + 1));
                INDArray gradNext = b.rows(b.gateGrad, gradFrom, gradFrom + steps - 1,
                        4L * units * d, 4L * units * (d + 1));
                mmul(hiddenPrev, gradNext,
                        recurrentWeightGrad.get(all(), interval(4L * units * d, 4L * units * (d + 1))),
                        0.0, TRANSPOSE_A);
            }
        } else {
            recurrentWeightGrad.assign(0);
        }
        if (inputGrad != null) {
            mmul(b.gateGrad, inputWeights, inputGrad, 0.0, TRANSPOSE_B);
        }
    }

    /**
     * Per step the gate gradients are the cell gradient (or, for the output gate, the output gradient)
     * times a factor that depends only on forward values; these factors are computed for all steps at
     * once: cell input i(1-a^2), forget c(t-1) f(1-f), output tanh(c) o(1-o), input gate a i(1-i), and the
     * cell factor o(1-tanh(c)^2) that turns an output gradient into a cell gradient.
     */
    private static void computeGateFactors(BiLstmBuffers b) {
        INDArray gates = b.gates5d;
        INDArray factors = b.gateFactors5d;
        for (int d = 0; d < 2; d++) {
            INDArray a = b.gateOverTime(gates, d, CELL_INPUT);
            INDArray i = b.gateOverTime(gates, d, INPUT_GATE);
            INDArray o = b.gateOverTime(gates, d, OUTPUT);
            INDArray cellInputFactor = b.gateOverTime(factors, d, CELL_INPUT);
            Nd4j.exec(new Square(a, cellInputFactor));
            cellInputFactor.rsubi(1.0).muli(i);
            INDArray inputFactor = b.gateOverTime(factors, d, INPUT_GATE);
            Nd4j.exec(new TimesOneMinus(i, inputFactor));
            inputFactor.muli(a);
            INDArray outputFactor = b.gateOverTime(factors, d, OUTPUT);
            Nd4j.exec(new TimesOneMinus(o, outputFactor));
            outputFactor.muli(b.stateOverTime(b.tanhCell, d, 0, b.steps));
            INDArray forgetFactor = b.gateOverTime(factors, d, FORGET);
            Nd4j.exec(new TimesOneMinus(b.gateOverTime(gates, d, FORGET), forgetFactor));
            int first = d == 0 ? 0 : b.steps - 1;
            b.gateOverTime(factors, d, FORGET, first, first + 1).assign(0);
            if (b.steps > 1) {
                int from = d == 0 ? 1 : 0;
                int prevFrom = d == 0 ? 0 : 1;
                b.gateOverTime(factors, d, FORGET, from, from + b.steps - 1)
                        .muli(b.stateOverTime(b.cell, d, prevFrom, prevFrom + b.steps - 1));
            }
            INDArray cellFactor = b.stateOverTime(b.cellFactor, d, 0, b.steps);
            Nd4j.exec(new Square(b.stateOverTime(b.tanhCell, d, 0, b.steps), cellFactor));
            cellFactor.rsubi(1.0).muli(o);
        }
    }

    private void backwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int later, boolean last) {
        INDArray hiddenGrad = b.hiddenGradAt[t][d];
        INDArray cellGrad = b.cellGrad[d];
        if (later >= 0) {
            mmul(b.gateGradAt[later][d], recurrent, hiddenGrad, 1.0, TRANSPOSE_B);
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

    private void ensureBuffers(DataType type, int batch, int steps, int nIn, int units) {
        if (buffers == null || buffers.batch != batch || buffers.steps != steps
                || buffers.input.dataType() != type || buffers.input.size(1) != nIn) {
            buffers = new BiLstmBuffers(type, batch, steps, nIn, units);
        }
    }

    private static void mmul(INDArray a, INDArray b, INDArray result, double beta, MMulTranspose transpose) {
        Nd4j.exec(new Mmul(a, b, result, 1.0, beta, transpose));
    }
}
