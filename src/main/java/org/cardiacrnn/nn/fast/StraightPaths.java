package org.cardiacrnn.nn.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch rows laid out as integrated gradients lay them out: blocks of {@code alphas.length} rows, each block the
 * points baseline + alpha (input − baseline) of one sequence, its first row the baseline (alpha 0) and its last the
 * input (alpha 1). Along such a line the input projection is linear in alpha,
 * W·x(alpha) = (1 − alpha) W·baseline + alpha W·input, so the products of each block's two end rows give every
 * row's; and integrated gradients need only the sum of the input gradients over a block's inner rows,
 * Σ Wᵀ g = Wᵀ Σ g, so one product per block replaces one per row. The input products of the first layer are most
 * of attribution's work (2,000 genes wide against 512 for the next layer).
 */
final class StraightPaths {

    private final double[] alphas;

    /** @param alphas per row of a block, its position on the line: 0 first, 1 last */
    StraightPaths(double[] alphas) {
        if (alphas.length < 2 || alphas[0] != 0 || alphas[alphas.length - 1] != 1) {
            throw new IllegalArgumentException("a straight path runs from alpha 0 to alpha 1 in at least two rows");
        }
        this.alphas = alphas.clone();
    }

    /** Blocks in a batch of {@code batch} rows. */
    int blocks(int batch) {
        if (batch % alphas.length != 0) {
            throw new IllegalArgumentException("a batch of " + batch + " rows is no whole number of paths of "
                    + alphas.length + " rows");
        }
        return batch / alphas.length;
    }

    /**
     * The end rows [T * 2G, nIn] of the time-major input [T * B, nIn]: at each step, each block's first row, then
     * its last.
     */
    INDArray endpoints(INDArray input, int steps, int batch) {
        int blocks = blocks(batch);
        int[] rows = new int[steps * 2 * blocks];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < blocks; g++) {
                int first = t * batch + g * alphas.length;
                rows[(t * blocks + g) * 2] = first;
                rows[(t * blocks + g) * 2 + 1] = first + alphas.length - 1;
            }
        }
        return Nd4j.pullRows(input, 1, rows);
    }

    /**
     * [T * B, T * 2G]: times the end rows' projections, every row's projection; row t * B + b weighs its block's
     * first row by 1 − alpha and its last by alpha.
     */
    INDArray combination(DataType type, int steps, int batch) {
        int blocks = blocks(batch);
        int columns = steps * 2 * blocks;
        float[] weights = new float[steps * batch * columns];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int g = b / alphas.length;
                double alpha = alphas[b % alphas.length];
                int row = (t * batch + b) * columns;
                weights[row + (t * blocks + g) * 2] = (float) (1 - alpha);
                weights[row + (t * blocks + g) * 2 + 1] = (float) alpha;
            }
        }
        return Nd4j.create(weights, new long[] {(long) steps * batch, columns}, 'c').castTo(type);
    }

    /** [T * G, T * B]: 1 where row t * B + b is an inner row of block g at step t, which the sum takes. */
    INDArray innerSum(DataType type, int steps, int batch) {
        int blocks = blocks(batch);
        int columns = steps * batch;
        float[] ones = new float[steps * blocks * columns];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < blocks; g++) {
                for (int r = 1; r < alphas.length - 1; r++) {
                    ones[(t * blocks + g) * columns + t * batch + g * alphas.length + r] = 1;
                }
            }
        }
        return Nd4j.create(ones, new long[] {(long) steps * blocks, columns}, 'c').castTo(type);
    }
}
