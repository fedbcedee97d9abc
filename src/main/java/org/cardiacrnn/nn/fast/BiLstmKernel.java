package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.BiLstmBuffers.CELL_INPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.FORGET;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.INPUT_GATE;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.OUTPUT;
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
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
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
        runner.runBoth(d -> forwardDirection(b, d, inputWeights, recurrentWeights, bias));
        return b;
    }

    private void forwardDirection(BiLstmBuffers b, int d, INDArray inputWeights, INDArray recurrentWeights,
            INDArray bias) {
        int steps = b.steps;
        long units = b.units;
        mmul(b.input, block(inputWeights, d, 4 * units), b.gates[d], 0.0, PLAIN);
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
     * One step: gates += h(t-1) RW (and, for floats, the bias, added on the heap), then the non-linearities, c = i a + f c(t-1) and h = o tanh(c); masked
     * steps zero c (and so h).
     */
    private void forwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int previous) {
        if (previous >= 0) {
            mmul(b.hiddenAt[previous][d], recurrent, b.gatesAt[t][d], 1.0, PLAIN);
        }
        if (b.heapStep) {
            forwardStepOnHeap(b, t, d, previous >= 0);
        } else {
            forwardStepInPlace(b, t, d, previous);
        }
    }

    /**
     * The float step: the step's gates are copied to a heap array in one bulk copy, and all the element-wise
     * work runs on heap arrays in loops that the JIT vectorises ({@link FloatActivations}); the results are
     * copied back for the next step's product and the backward pass. At batch 125 this took the step's
     * element-wise cost from about 0.8 ms (ND4J's tanh and sigmoid, element-wise buffer access) to 0.1 ms.
     */
    private void forwardStepOnHeap(BiLstmBuffers b, int t, int d, boolean hasPrevious) {
        int batch = b.batch;
        int units = b.units;
        int gateWidth = 4 * units;
        int state = units * batch;
        float[] gates = b.stepGates[d];
        float[] cell = b.stepCell[d];
        float[] previousCell = b.stepPreviousCell[d];
        float[] tanhCell = b.stepTanhCell[d];
        float[] hidden = b.stepHidden[d];
        float[] mask = b.stepMask[d];
        b.gatesFloats[d].get(t * batch * gateWidth, gates, 0, 4 * state);
        if (masked) {
            b.maskFloats.get(t * batch, mask, 0, batch);
        }
        float[] bias = b.stepBias[d];
        for (int n = 0; n < batch; n++) {
            int row = n * gateWidth;
            for (int c = 0; c < gateWidth; c++) {
                gates[row + c] += bias[c];
            }
            FloatActivations.tanh(gates, row + CELL_INPUT * units, row + (CELL_INPUT + 1) * units);
            FloatActivations.sigmoid(gates, row + FORGET * units, row + (INPUT_GATE + 1) * units);
            int cellInput = row + CELL_INPUT * units;
            int inputGate = row + INPUT_GATE * units;
            int forget = row + FORGET * units;
            int output = row + OUTPUT * units;
            int at = n * units;
            for (int r = 0; r < units; r++) {
                cell[at + r] = gates[inputGate + r] * gates[cellInput + r];
            }
            if (hasPrevious) {
                for (int r = 0; r < units; r++) {
                    cell[at + r] += gates[forget + r] * previousCell[at + r];
                }
            }
            if (masked) {
                float keep = mask[n];
                for (int r = 0; r < units; r++) {
                    cell[at + r] *= keep;
                }
            }
            System.arraycopy(cell, at, tanhCell, at, units);
            FloatActivations.tanh(tanhCell, at, at + units);
            // A masked step's cell is 0, so its output o tanh(0) is 0 too.
            for (int r = 0; r < units; r++) {
                hidden[at + r] = gates[output + r] * tanhCell[at + r];
            }
            b.hiddenRowsFloats.put((t * batch + n) * 2 * units + d * units, hidden, at, units);
        }
        b.gatesFloats[d].put(t * batch * gateWidth, gates, 0, 4 * state);
        b.cellFloats[d].put(t * state, cell, 0, state);
        b.tanhCellFloats[d].put(t * state, tanhCell, 0, state);
        // This step's cell is the next step's previous cell.
        b.stepCell[d] = previousCell;
        b.stepPreviousCell[d] = cell;
    }

    /** The step for other types (double, for the precision tests): ND4J's tanh and sigmoid, Java products. */
    private void forwardStepInPlace(BiLstmBuffers b, int t, int d, int previous) {
        Nd4j.exec(new Sigmoid(b.sigmoidGatesAt[t][d], b.sigmoidGatesAt[t][d]));
        Nd4j.exec(new Tanh(b.cellInputAt[t][d], b.cellInputAt[t][d]));
        int batch = b.batch;
        int units = b.units;
        Values gates = b.gatesValues[d];
        Values cell = b.cellValues[d];
        Values mask = b.maskValues;
        for (int n = 0; n < batch; n++) {
            int row = gates.at((t * batch + n) * 4 * units);
            int at = cell.at((t * batch + n) * units);
            int previousAt = cell.at((previous * batch + n) * units);
            double keep = masked ? mask.get(mask.at(t * batch + n)) : 1.0;
            for (int r = 0; r < units; r++) {
                double c = gates.get(row + INPUT_GATE * units + r) * gates.get(row + CELL_INPUT * units + r);
                if (previous >= 0) {
                    c += gates.get(row + FORGET * units + r) * cell.get(previousAt + r);
                }
                cell.set(at + r, c * keep);
            }
        }
        Nd4j.exec(new Tanh(b.cellAt[t][d], b.tanhCellAt[t][d]));
        Values tanhCell = b.tanhCellValues[d];
        Values hidden = b.hiddenRowsValues;
        for (int n = 0; n < batch; n++) {
            int row = gates.at((t * batch + n) * 4 * units);
            int at = tanhCell.at((t * batch + n) * units);
            int to = hidden.at((t * batch + n) * 2 * units + d * units);
            for (int r = 0; r < units; r++) {
                hidden.set(to + r, gates.get(row + OUTPUT * units + r) * tanhCell.get(at + r));
            }
        }
    }

    /**
     * Backpropagates {@code outputGrad} [B, 2u, T] through the last forward pass. Writes the parameter
     * gradients into the given views and, when {@code inputGrad} [T*B, nIn] is not null, the gradient
     * with respect to the input (time-major), through the forward pass's dropout, if any.
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
        toHiddenGrad(b, d, outputGrad);
        Arrays.fill(b.biasGradSum[d], 0.0);
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? steps - 1 - s : s;
            int later = s == 0 ? -1 : (d == 0 ? t + 1 : t - 1);
            int earlier = s == steps - 1 ? -1 : (d == 0 ? t - 1 : t + 1);
            backwardStep(b, recurrent, t, d, later, earlier);
        }
        INDArray gateGrad = b.gateGrad[d];
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
        if (inputGrad != null) {
            mmul(gateGrad, block(inputWeights, d, 4 * units), inputGrad, 0.0, TRANSPOSE_B);
        }
    }

    /** hiddenGrad[d][t * B + b, r] = outputGrad[b, d * u + r, t], whatever outputGrad's strides. */
    private static void toHiddenGrad(BiLstmBuffers b, int d, INDArray outputGrad) {
        Values source = Values.of(outputGrad);
        Values target = b.hiddenGradValues[d];
        long[] stride = outputGrad.stride();
        int batchStride = Math.toIntExact(stride[0]);
        int unitStride = Math.toIntExact(stride[1]);
        int stepStride = Math.toIntExact(stride[2]);
        int first = source.at(d * b.units * unitStride);
        for (int t = 0; t < b.steps; t++) {
            for (int n = 0; n < b.batch; n++) {
                int to = target.at((t * b.batch + n) * b.units);
                int from = first + t * stepStride + n * batchStride;
                for (int r = 0; r < b.units; r++) {
                    target.set(to + r, source.get(from + r * unitStride));
                }
            }
        }
    }

    /**
     * One step back: hiddenGrad(t) += gateGrad(t+1) RW^T, then in one Java pass over the step's states the cell
     * gradient and the four gate gradients, with the gate derivatives computed from the forward values:
     * cell input i(1-a^2), forget c(t-1) f(1-f), input gate a i(1-i), output tanh(c) o(1-o), and the carried
     * cell gradient for the step before.
     */
    private void backwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int later, int earlier) {
        if (later >= 0) {
            mmul(b.gateGradAt[later][d], recurrent, b.hiddenGradAt[t][d], 1.0, TRANSPOSE_B);
        }
        int batch = b.batch;
        int units = b.units;
        Values gates = b.gatesValues[d];
        Values cell = b.cellValues[d];
        Values tanhCell = b.tanhCellValues[d];
        Values hiddenGrad = b.hiddenGradValues[d];
        Values gateGrad = b.gateGradValues[d];
        Values mask = b.maskValues;
        double[] carried = b.carriedCellGrad[d];
        double[] biasSum = b.biasGradSum[d];
        for (int n = 0; n < batch; n++) {
            int row = gates.at((t * batch + n) * 4 * units);
            int gradRow = gateGrad.at((t * batch + n) * 4 * units);
            int at = tanhCell.at((t * batch + n) * units);
            int hiddenAt = hiddenGrad.at((t * batch + n) * units);
            int earlierAt = cell.at((Math.max(earlier, 0) * batch + n) * units);
            double m = masked ? mask.get(mask.at(t * batch + n)) : 1.0;
            for (int r = 0; r < units; r++) {
                int k = n * units + r;
                double outputGrad = hiddenGrad.get(hiddenAt + r) * m;
                double a = gates.get(row + CELL_INPUT * units + r);
                double f = gates.get(row + FORGET * units + r);
                double o = gates.get(row + OUTPUT * units + r);
                double i = gates.get(row + INPUT_GATE * units + r);
                double tc = tanhCell.get(at + r);
                double cellGrad = outputGrad * ((1 - tc * tc) * o);
                if (later >= 0) {
                    cellGrad += carried[k];
                }
                cellGrad *= m;
                double previousCell = earlier >= 0 ? cell.get(earlierAt + r) : 0.0;
                double cellInputGrad = (1 - a * a) * i * cellGrad;
                double forgetGrad = f * (1 - f) * previousCell * cellGrad;
                double outputGateGrad = o * (1 - o) * tc * outputGrad;
                double inputGateGrad = i * (1 - i) * a * cellGrad;
                gateGrad.set(gradRow + CELL_INPUT * units + r, cellInputGrad);
                gateGrad.set(gradRow + FORGET * units + r, forgetGrad);
                gateGrad.set(gradRow + OUTPUT * units + r, outputGateGrad);
                gateGrad.set(gradRow + INPUT_GATE * units + r, inputGateGrad);
                biasSum[CELL_INPUT * units + r] += cellInputGrad;
                biasSum[FORGET * units + r] += forgetGrad;
                biasSum[OUTPUT * units + r] += outputGateGrad;
                biasSum[INPUT_GATE * units + r] += inputGateGrad;
                carried[k] = cellGrad * f;
            }
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
