package org.cardiacrnn.nn.fast;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Time-major working arrays of one {@link BiLstmKernel} for one (batch, time) shape, with every per-step
 * view created once: creating an ND4J view costs several microseconds, as much as the arithmetic of a
 * small step, so the time loops only index these arrays.
 *
 * <p>Row {@code t * batch + i} of every 2-D array holds time step {@code t} of example {@code i}. Gate
 * arrays have {@code 8 units} columns: direction-major, then DL4J's gate order (cell input, forget,
 * output, input gate); state arrays have {@code 2 units} columns (forward, backward). The arrays live
 * outside DL4J's workspaces because they must survive from the forward pass to the backward pass.
 */
final class BiLstmBuffers {

    static final int CELL_INPUT = 0;
    static final int FORGET = 1;
    static final int OUTPUT = 2;
    static final int INPUT_GATE = 3;

    final int batch;
    final int steps;
    final int units;

    /** Input copy [T*B, nIn] and its [T, B, nIn] view. */
    final INDArray input;
    final INDArray input3d;
    /** Gate pre-activations, then activations, [T*B, 8u]; same memory as [T, B, 2, 4, u]. */
    final INDArray gates;
    final INDArray gates5d;
    /** Derivative factors of the gates (see BiLstmKernel.backward), [T, B, 2, 4, u]. */
    final INDArray gateFactors5d;
    /** Gradient of the loss with respect to the gate pre-activations, [T*B, 8u] and [T, B, 2, 4, u]. */
    final INDArray gateGrad;
    final INDArray gateGrad5d;
    /** Cell state, tanh(cell), output, output gradient and cell-gradient factor: [T*B, 2u] each. */
    final INDArray cell;
    final INDArray tanhCell;
    final INDArray hidden;
    final INDArray hiddenGrad;
    final INDArray cellFactor;
    /** Feature mask in time-major order, [T, B, 1]. */
    final INDArray mask;

    final INDArray[][] gateAt;
    final INDArray[][] cellInputAt;
    final INDArray[][] forgetAt;
    final INDArray[][] outputGateAt;
    final INDArray[][] inputGateAt;
    final INDArray[][] sigmoidGatesAt;
    final INDArray[][] cellAt;
    final INDArray[][] tanhCellAt;
    final INDArray[][] hiddenAt;
    final INDArray[][] hiddenGradAt;
    final INDArray[][] cellFactorAt;
    final INDArray[][] gateFactorsAt;
    final INDArray[][] outputFactorAt;
    final INDArray[][] gateGradAt;
    final INDArray[][] gateGrad3dAt;
    final INDArray[][] outputGradAt;
    final INDArray[] maskAt;
    /** Per direction: cell gradient [B, u] and its [B, 1, u] view, carried cell gradient, scratch. */
    final INDArray[] cellGrad = new INDArray[2];
    final INDArray[] cellGrad3d = new INDArray[2];
    final INDArray[] carriedCellGrad = new INDArray[2];
    final INDArray[] scratch = new INDArray[2];

    BiLstmBuffers(DataType type, int batch, int steps, int nIn, int units) {
        this.batch = batch;
        this.steps = steps;
        this.units = units;
        long rows = (long) steps * batch;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            input = Nd4j.create(type, rows, nIn);
            input3d = input.reshape(steps, batch, nIn);
            gates5d = Nd4j.create(type, steps, batch, 2, 4, units);
            gates = gates5d.reshape(rows, 8L * units);
            gateFactors5d = Nd4j.create(type, steps, batch, 2, 4, units);
            gateGrad5d = Nd4j.create(type, steps, batch, 2, 4, units);
            gateGrad = gateGrad5d.reshape(rows, 8L * units);
            cell = Nd4j.create(type, rows, 2L * units);
            tanhCell = Nd4j.create(type, rows, 2L * units);
            hidden = Nd4j.create(type, rows, 2L * units);
            hiddenGrad = Nd4j.create(type, rows, 2L * units);
            cellFactor = Nd4j.create(type, rows, 2L * units);
            mask = Nd4j.create(type, steps, batch, 1);
            for (int d = 0; d < 2; d++) {
                cellGrad[d] = Nd4j.create(type, batch, units);
                cellGrad3d[d] = cellGrad[d].reshape(batch, 1, units);
                carriedCellGrad[d] = Nd4j.create(type, batch, units);
                scratch[d] = Nd4j.create(type, batch, units);
            }
            gateAt = new INDArray[steps][2];
            cellInputAt = new INDArray[steps][2];
            forgetAt = new INDArray[steps][2];
            outputGateAt = new INDArray[steps][2];
            inputGateAt = new INDArray[steps][2];
            sigmoidGatesAt = new INDArray[steps][2];
            cellAt = new INDArray[steps][2];
            tanhCellAt = new INDArray[steps][2];
            hiddenAt = new INDArray[steps][2];
            hiddenGradAt = new INDArray[steps][2];
            cellFactorAt = new INDArray[steps][2];
            gateFactorsAt = new INDArray[steps][2];
            outputFactorAt = new INDArray[steps][2];
            gateGradAt = new INDArray[steps][2];
            gateGrad3dAt = new INDArray[steps][2];
            outputGradAt = new INDArray[steps][2];
            maskAt = new INDArray[steps];
            for (int t = 0; t < steps; t++) {
                maskAt[t] = mask.get(point(t), all(), all());
                for (int d = 0; d < 2; d++) {
                    createStepViews(t, d);
                }
            }
        }
    }

    private void createStepViews(int t, int d) {
        long rowStart = (long) t * batch;
        long rowEnd = rowStart + batch;
        long gateStart = 4L * units * d;
        gateAt[t][d] = gates.get(interval(rowStart, rowEnd), interval(gateStart, gateStart + 4L * units));
        cellInputAt[t][d] = gateBlock(gates, rowStart, rowEnd, gateStart, CELL_INPUT, 1);
        forgetAt[t][d] = gateBlock(gates, rowStart, rowEnd, gateStart, FORGET, 1);
        outputGateAt[t][d] = gateBlock(gates, rowStart, rowEnd, gateStart, OUTPUT, 1);
        inputGateAt[t][d] = gateBlock(gates, rowStart, rowEnd, gateStart, INPUT_GATE, 1);
        sigmoidGatesAt[t][d] = gateBlock(gates, rowStart, rowEnd, gateStart, FORGET, 3);
        long stateStart = (long) units * d;
        cellAt[t][d] = stateBlock(cell, rowStart, rowEnd, stateStart);
        tanhCellAt[t][d] = stateBlock(tanhCell, rowStart, rowEnd, stateStart);
        hiddenAt[t][d] = stateBlock(hidden, rowStart, rowEnd, stateStart);
        hiddenGradAt[t][d] = stateBlock(hiddenGrad, rowStart, rowEnd, stateStart);
        cellFactorAt[t][d] = stateBlock(cellFactor, rowStart, rowEnd, stateStart);
        gateFactorsAt[t][d] = gateFactors5d.get(point(t), all(), point(d), all(), all());
        outputFactorAt[t][d] = gateFactors5d.get(point(t), all(), point(d), point(OUTPUT), all());
        gateGradAt[t][d] = gateGrad.get(interval(rowStart, rowEnd), interval(gateStart, gateStart + 4L * units));
        gateGrad3dAt[t][d] = gateGrad5d.get(point(t), all(), point(d), all(), all());
        outputGradAt[t][d] = gateBlock(gateGrad, rowStart, rowEnd, gateStart, OUTPUT, 1);
    }

    private INDArray gateBlock(INDArray array, long rowStart, long rowEnd, long gateStart, int gate, int count) {
        long start = gateStart + (long) gate * units;
        return array.get(interval(rowStart, rowEnd), interval(start, start + (long) count * units));
    }

    private INDArray stateBlock(INDArray array, long rowStart, long rowEnd, long stateStart) {
        return array.get(interval(rowStart, rowEnd), interval(stateStart, stateStart + units));
    }

    /** One gate of every step and example, for direction {@code d}: a [T, B, u] view. */
    INDArray gateOverTime(INDArray array5d, int d, int gate) {
        return gateOverTime(array5d, d, gate, 0, steps);
    }

    /** One gate of steps {@code [from, to)}, for direction {@code d}: a [to-from, B, u] view. */
    INDArray gateOverTime(INDArray array5d, int d, int gate, int from, int to) {
        return array5d.get(interval(from, to), all(), point(d), point(gate), all());
    }

    /** A state array's direction {@code d} over steps {@code [from, to)}: a [to-from, B, u] view. */
    INDArray stateOverTime(INDArray state2d, int d, int from, int to) {
        return state2d.reshape(steps, batch, 2L * units)
                .get(interval(from, to), all(), interval((long) units * d, (long) units * (d + 1)));
    }

    /** Rows of steps {@code [from, to)} and columns {@code [colFrom, colTo)} of a 2-D array. */
    INDArray rows(INDArray array2d, int from, int to, long colFrom, long colTo) {
        return array2d.get(interval((long) from * batch, (long) to * batch), interval(colFrom, colTo));
    }
}
