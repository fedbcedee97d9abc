package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.BiLstmBuffers.CELL_INPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.FORGET;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.INPUT_GATE;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.OUTPUT;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

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
        toFeatureMajorWithBias(b, d, block(bias, d, 4 * units));
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? s : steps - 1 - s;
            forwardStep(b, recurrent, t, d, s == 0 ? -1 : (d == 0 ? t - 1 : t + 1));
        }
        toHiddenRows(b, d);
    }

    /**
     * gates[t, g, b] = gateRows[t * B + b, g] + bias[g]: the input projection, reordered for the time loop. For
     * floats each step's block is reordered on the heap between two bulk copies (at batch 125, 15 -> 11 ms per
     * batch and direction over the three layers, with the reordering of the outputs below).
     */
    private static void toFeatureMajorWithBias(BiLstmBuffers b, int d, INDArray bias) {
        int gateCount = 4 * b.units;
        if (b.heapStep) {
            float[] biasValues = bias.toFloatVector();
            float[] rows = b.stepGates[d];
            float[] gates = b.reorder[d];
            for (int t = 0; t < b.steps; t++) {
                b.gateRowsFloats[d].get(t * b.batch * gateCount, rows, 0, rows.length);
                for (int n = 0; n < b.batch; n++) {
                    for (int g = 0; g < gateCount; g++) {
                        gates[g * b.batch + n] = rows[n * gateCount + g] + biasValues[g];
                    }
                }
                b.gatesFloats[d].put(t * gateCount * b.batch, gates, 0, gates.length);
            }
            return;
        }
        double[] biasValues = bias.toDoubleVector();
        Values rows = b.gateRowsValues[d];
        Values gates = b.gatesValues[d];
        for (int t = 0; t < b.steps; t++) {
            for (int n = 0; n < b.batch; n++) {
                int from = rows.at((t * b.batch + n) * gateCount);
                int to = gates.at(t * gateCount * b.batch + n);
                for (int g = 0; g < gateCount; g++) {
                    gates.set(to + g * b.batch, rows.get(from + g) + biasValues[g]);
                }
            }
        }
    }

    /** hiddenRows[t * B + b, d * u + r] = hidden[d][t, r, b]. */
    private static void toHiddenRows(BiLstmBuffers b, int d) {
        int units = b.units;
        if (b.heapStep) {
            float[] hidden = b.stepHidden[d];
            float[] rows = b.reorder[d];
            for (int t = 0; t < b.steps; t++) {
                b.hiddenFloats[d].get(t * units * b.batch, hidden, 0, hidden.length);
                for (int r = 0; r < units; r++) {
                    for (int n = 0; n < b.batch; n++) {
                        rows[n * units + r] = hidden[r * b.batch + n];
                    }
                }
                for (int n = 0; n < b.batch; n++) {
                    b.hiddenRowsFloats.put((t * b.batch + n) * 2 * units + d * units, rows, n * units, units);
                }
            }
            return;
        }
        Values hidden = b.hiddenValues[d];
        Values rows = b.hiddenRowsValues;
        for (int t = 0; t < b.steps; t++) {
            for (int n = 0; n < b.batch; n++) {
                int to = rows.at((t * b.batch + n) * 2 * units + d * units);
                int from = hidden.at(t * units * b.batch + n);
                for (int r = 0; r < units; r++) {
                    rows.set(to + r, hidden.get(from + r * b.batch));
                }
            }
        }
    }

    /**
     * One step: gates += RW^T h(t-1), then the non-linearities, c = i a + f c(t-1) and h = o tanh(c); masked
     * steps zero c (and so h).
     */
    private void forwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int previous) {
        if (previous >= 0) {
            mmul(recurrent, b.hiddenAt[previous][d], b.gateAt[t][d], 1.0, TRANSPOSE_A);
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
        int state = b.units * batch;
        float[] gates = b.stepGates[d];
        float[] cell = b.stepCell[d];
        float[] previousCell = b.stepPreviousCell[d];
        float[] tanhCell = b.stepTanhCell[d];
        float[] hidden = b.stepHidden[d];
        b.gatesFloats[d].get(t * 4 * state, gates, 0, 4 * state);
        FloatActivations.tanh(gates, CELL_INPUT * state, (CELL_INPUT + 1) * state);
        FloatActivations.sigmoid(gates, FORGET * state, (FORGET + 1) * state);
        FloatActivations.sigmoid(gates, OUTPUT * state, (OUTPUT + 1) * state);
        FloatActivations.sigmoid(gates, INPUT_GATE * state, (INPUT_GATE + 1) * state);
        int cellInput = CELL_INPUT * state;
        int inputGate = INPUT_GATE * state;
        int forget = FORGET * state;
        int output = OUTPUT * state;
        for (int k = 0; k < state; k++) {
            cell[k] = gates[inputGate + k] * gates[cellInput + k];
        }
        if (hasPrevious) {
            for (int k = 0; k < state; k++) {
                cell[k] += gates[forget + k] * previousCell[k];
            }
        }
        if (masked) {
            b.maskFloats.get(t * batch, b.stepMask[d], 0, batch);
            applyMask(cell, b.stepMask[d], batch);
        }
        System.arraycopy(cell, 0, tanhCell, 0, state);
        FloatActivations.tanh(tanhCell, 0, state);
        // A masked step's cell is 0, so its output o tanh(0) is 0 too.
        for (int k = 0; k < state; k++) {
            hidden[k] = gates[output + k] * tanhCell[k];
        }
        b.gatesFloats[d].put(t * 4 * state, gates, 0, 4 * state);
        b.cellFloats[d].put(t * state, cell, 0, state);
        b.tanhCellFloats[d].put(t * state, tanhCell, 0, state);
        b.hiddenFloats[d].put(t * state, hidden, 0, state);
        // This step's cell is the next step's previous cell.
        b.stepCell[d] = previousCell;
        b.stepPreviousCell[d] = cell;
    }

    /** values[r * B + n] *= mask[n]. */
    private static void applyMask(float[] values, float[] mask, int batch) {
        for (int start = 0; start < values.length; start += batch) {
            for (int n = 0; n < batch; n++) {
                values[start + n] *= mask[n];
            }
        }
    }

    /** The step for other types (double, for the precision tests): ND4J's tanh and sigmoid, Java products. */
    private void forwardStepInPlace(BiLstmBuffers b, int t, int d, int previous) {
        Nd4j.exec(new Sigmoid(b.sigmoidGatesAt[t][d], b.sigmoidGatesAt[t][d]));
        Nd4j.exec(new Tanh(b.cellInputAt[t][d], b.cellInputAt[t][d]));
        int batch = b.batch;
        int state = b.units * batch;
        Values gates = b.gatesValues[d];
        Values cell = b.cellValues[d];
        Values mask = b.maskValues;
        int gateBase = gates.at(t * 4 * state);
        int cellBase = cell.at(t * state);
        int previousBase = cell.at(previous * state);
        int maskBase = mask.at(t * batch);
        for (int k = 0; k < state; k++) {
            double c = gates.get(gateBase + INPUT_GATE * state + k) * gates.get(gateBase + CELL_INPUT * state + k);
            if (previous >= 0) {
                c += gates.get(gateBase + FORGET * state + k) * cell.get(previousBase + k);
            }
            if (masked) {
                c *= mask.get(maskBase + k % batch);
            }
            cell.set(cellBase + k, c);
        }
        Nd4j.exec(new Tanh(b.cellAt[t][d], b.tanhCellAt[t][d]));
        Values tanhCell = b.tanhCellValues[d];
        Values hidden = b.hiddenValues[d];
        int stateBase = hidden.at(t * state);
        int tanhBase = tanhCell.at(t * state);
        for (int k = 0; k < state; k++) {
            hidden.set(stateBase + k, gates.get(gateBase + OUTPUT * state + k) * tanhCell.get(tanhBase + k));
        }
    }

    /**
     * Backpropagates {@code outputGrad} [B, 2u, T] through the last forward pass. Writes the parameter
     * gradients into the given views and, when {@code inputGrad} [T*B, nIn] is not null, the gradient
     * (through the forward pass's dropout, if any)
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
        INDArray recurrent = block(recurrentWeights, d, 4 * units);
        for (int s = 0; s < steps; s++) {
            int t = d == 0 ? steps - 1 - s : s;
            int later = s == 0 ? -1 : (d == 0 ? t + 1 : t - 1);
            int earlier = s == steps - 1 ? -1 : (d == 0 ? t - 1 : t + 1);
            backwardStep(b, recurrent, t, d, later, earlier);
        }
        INDArray gateGradRows = b.gateRows[d];
        toGateGradRows(b, d, block(biasGrad, d, 4 * units));
        mmul(b.input, gateGradRows, block(inputWeightGrad, d, 4 * units), 0.0, TRANSPOSE_A);
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

    /** hiddenGrad[d][t, r, b] = outputGrad[b, d * u + r, t], whatever outputGrad's strides. */
    private static void toHiddenGrad(BiLstmBuffers b, int d, INDArray outputGrad) {
        Values source = Values.of(outputGrad);
        Values target = b.hiddenGradValues[d];
        long[] stride = outputGrad.stride();
        int batchStride = Math.toIntExact(stride[0]);
        int unitStride = Math.toIntExact(stride[1]);
        int stepStride = Math.toIntExact(stride[2]);
        int first = source.at(d * b.units * unitStride);
        for (int t = 0; t < b.steps; t++) {
            for (int r = 0; r < b.units; r++) {
                int to = target.at((t * b.units + r) * b.batch);
                int from = first + t * stepStride + r * unitStride;
                for (int n = 0; n < b.batch; n++) {
                    target.set(to + n, source.get(from + n * batchStride));
                }
            }
        }
    }

    /**
     * One step back: hiddenGrad(t) += RW gateGrad(t+1), then in one Java pass over the step's states the cell
     * gradient and the four gate gradients, with the gate derivatives computed from the forward values:
     * cell input i(1-a^2), forget c(t-1) f(1-f), input gate a i(1-i), output tanh(c) o(1-o), and the carried
     * cell gradient for the step before.
     */
    private void backwardStep(BiLstmBuffers b, INDArray recurrent, int t, int d, int later, int earlier) {
        if (later >= 0) {
            mmul(recurrent, b.gateGradAt[later][d], b.hiddenGradAt[t][d], 1.0, PLAIN);
        }
        int batch = b.batch;
        int state = b.units * batch;
        Values gates = b.gatesValues[d];
        Values cell = b.cellValues[d];
        Values tanhCell = b.tanhCellValues[d];
        Values hiddenGrad = b.hiddenGradValues[d];
        Values gateGrad = b.gateGradValues[d];
        Values mask = b.maskValues;
        double[] carried = b.carriedCellGrad[d];
        int gateBase = gates.at(t * 4 * state);
        int gradBase = gateGrad.at(t * 4 * state);
        int stateBase = tanhCell.at(t * state);
        int hiddenBase = hiddenGrad.at(t * state);
        int earlierBase = cell.at(Math.max(earlier, 0) * state);
        int maskBase = mask.at(t * batch);
        for (int k = 0; k < state; k++) {
            double m = masked ? mask.get(maskBase + k % batch) : 1.0;
            double outputGrad = hiddenGrad.get(hiddenBase + k) * m;
            double a = gates.get(gateBase + CELL_INPUT * state + k);
            double f = gates.get(gateBase + FORGET * state + k);
            double o = gates.get(gateBase + OUTPUT * state + k);
            double i = gates.get(gateBase + INPUT_GATE * state + k);
            double tc = tanhCell.get(stateBase + k);
            double cellGrad = outputGrad * ((1 - tc * tc) * o);
            if (later >= 0) {
                cellGrad += carried[k];
            }
            cellGrad *= m;
            double previousCell = earlier >= 0 ? cell.get(earlierBase + k) : 0.0;
            gateGrad.set(gradBase + CELL_INPUT * state + k, (1 - a * a) * i * cellGrad);
            gateGrad.set(gradBase + FORGET * state + k, f * (1 - f) * previousCell * cellGrad);
            gateGrad.set(gradBase + OUTPUT * state + k, o * (1 - o) * tc * outputGrad);
            gateGrad.set(gradBase + INPUT_GATE * state + k, i * (1 - i) * a * cellGrad);
            carried[k] = cellGrad * f;
        }
    }

    /**
     * gateRows[t * B + b, g] = gateGrad[d][t, g, b] (reusing the input projection's array, no longer needed)
     * for the weight products, and the bias gradient as the sum over steps and batch.
     */
    private static void toGateGradRows(BiLstmBuffers b, int d, INDArray biasGrad) {
        int gateCount = 4 * b.units;
        double[] biasSum = new double[gateCount];
        Values rows = b.gateRowsValues[d];
        Values grads = b.gateGradValues[d];
        for (int t = 0; t < b.steps; t++) {
            for (int n = 0; n < b.batch; n++) {
                int to = rows.at((t * b.batch + n) * gateCount);
                int from = grads.at(t * gateCount * b.batch + n);
                for (int g = 0; g < gateCount; g++) {
                    double value = grads.get(from + g * b.batch);
                    rows.set(to + g, value);
                    biasSum[g] += value;
                }
            }
        }
        biasGrad.assign(Nd4j.createFromArray(biasSum).castTo(biasGrad.dataType()).reshape(biasGrad.shape()));
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
