package org.cardiacrnn.nn.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What this CPU's cores can do in float arithmetic right now, measured with large matrix products through
 * ND4J: the ceiling against which the benchmarks' GFLOP/s are read. Measured rather than computed from the
 * processor's specification because a shared virtual machine runs at different speeds at different times;
 * a benchmark that also prints the peak of the moment can be compared across those times.
 */
public final class PeakFlops {

    private static final int SIZE = 2048;
    private static final int TIMED_PRODUCTS = 3;

    private PeakFlops() {
    }

    /**
     * GFLOP/s of {@value #SIZE}^3 float products, one per core on up to two cores at once as the fast layer
     * uses them (one BLAS thread each, see {@link org.cardiacrnn.nn.NativeThreads#configure()}): the best of
     * {@value #TIMED_PRODUCTS} rounds after one warm-up round, summed over the cores.
     */
    public static double measure() {
        PairRunner runner = PairRunner.forThisMachine();
        int cores = runner.parallel() ? 2 : 1;
        INDArray[][] operands = new INDArray[cores][];
        for (int core = 0; core < cores; core++) {
            operands[core] = new INDArray[] {Nd4j.rand(DataType.FLOAT, SIZE, SIZE),
                    Nd4j.rand(DataType.FLOAT, SIZE, SIZE), Nd4j.create(DataType.FLOAT, SIZE, SIZE)};
        }
        double best = Double.MAX_VALUE;
        try {
            for (int round = 0; round <= TIMED_PRODUCTS; round++) {
                long started = System.nanoTime();
                runner.runBoth(core -> {
                    if (core < cores) {
                        Nd4j.gemm(operands[core][0], operands[core][1], operands[core][2], false, false, 1.0, 0.0);
                    }
                });
                double seconds = (System.nanoTime() - started) / 1e9;
                if (round > 0) {
                    best = Math.min(best, seconds);
                }
            }
        } finally {
            // 48 MB per core: freed now rather than whenever the garbage collector notices.
            for (INDArray[] arrays : operands) {
                for (INDArray array : arrays) {
                    array.close();
                }
            }
        }
        return cores * 2.0 * SIZE * SIZE * SIZE / best / 1e9;
    }
}
