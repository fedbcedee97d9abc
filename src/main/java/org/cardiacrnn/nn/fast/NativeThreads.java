package org.cardiacrnn.nn.fast;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place that sets how many native threads ND4J uses, from code, because a double-clicked
 * application gets no {@code OMP_NUM_THREADS}. ND4J has three separate pools: its own OpenMP/thread-pool
 * threads for element-wise and reduction ops, the number of "master" threads that may start parallel
 * work, and OpenBLAS's threads for matrix products. All three are set to the same count.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Uses every core the JVM sees ({@link Runtime#availableProcessors()}). */
    public static int configure() {
        return configure(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Sets ND4J's and OpenBLAS's thread counts; loads the ND4J backend if it is not loaded yet.
     *
     * @param threads at least 1
     * @return the thread count OpenBLAS reports afterwards
     */
    public static int configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("native thread count must be at least 1; got " + threads);
        }
        Environment environment = Nd4j.getEnvironment();
        environment.setMaxMasterThreads(threads);
        environment.setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** A one-line description of the current settings, for logs and benchmark reports. */
    public static String describe() {
        Environment environment = Nd4j.getEnvironment();
        return "nd4j threads " + environment.maxThreads() + ", master threads " + environment.maxMasterThreads()
                + ", OpenMP " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + ", BLAS " + Nd4j.factory().blas().getMaxThreads();
    }
}
