package org.cardiacrnn.nn.fast;

import static org.cardiacrnn.nn.fast.BiLstmBuffers.CELL_INPUT;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.FORGET;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.INPUT_GATE;
import static org.cardiacrnn.nn.fast.BiLstmBuffers.OUTPUT;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The element-wise work of one time step of {@link BiLstmKernel}, between its matrix products: the gate
 * non-linearities, cell and output going forward; the cell and gate gradients going back. Rows are
 * {@code t * B + b} as in {@link BiLstmBuffers}; masked steps zero the cell (and so the output) going forward
 * and the gradients going back.
 */
final class CellSteps {

    private CellSteps() {
    }

    /**
     * The float step: the step's gates are copied to a heap array in one bulk copy, and all the element-wise
     * work runs on heap arrays in loops that the JIT vectorises ({@link FloatActivations}); the results are
     * copied back for the next step's product and the backward pass. With ND4J's tanh and sigmoid and
     * element-wise buffer access instead, the forward time loop at batch 125 took 57-75 ms per batch and
     * direction over the three layers, products included; this way 35-39 ms (see docs/performance.md).
     */
    static void forwardOnHeap(BiLstmBuffers b, int t, int d, boolean hasPrevious, boolean masked) {
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
    static void forwardInPlace(BiLstmBuffers b, int t, int d, int previous, boolean masked) {
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

    /** hiddenGrad[d][t * B + b, r] = outputGrad[b, d * u + r, t], whatever outputGrad's strides. */
    static void toHiddenGrad(BiLstmBuffers b, int d, INDArray outputGrad) {
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
     * One step back, after hiddenGrad(t) has received gateGrad(t+1) RW^T: in one Java pass over the step's
     * states the cell gradient and the four gate gradients, with the gate derivatives computed from the
     * forward values:
     * cell input i(1-a^2), forget c(t-1) f(1-f), input gate a i(1-i), output tanh(c) o(1-o), and the carried
     * cell gradient for the step before.
     */
    static void backward(BiLstmBuffers b, int t, int d, boolean hasLater, int earlier, boolean masked) {
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
                if (hasLater) {
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
}
