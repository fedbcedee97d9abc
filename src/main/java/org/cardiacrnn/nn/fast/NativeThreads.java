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

    /**
     * The measured best setting for training on a small machine: ND4J's element-wise ops may use every
     * core (they only split arrays above ~32k elements, e.g. in the optimiser), OpenBLAS one thread. More
     * BLAS threads made every configuration slower here: OpenBLAS's waiting threads spin and compete with
     * ND4J's and the JVM's threads, and the fast layer already runs its two directions on two cores.
     */
    public static int configure() {
        return configure(Runtime.getRuntime().availableProcessors(), 1);
    }

    /**
     * Sets ND4J's and OpenBLAS's thread counts; loads the ND4J backend if it is not loaded yet.
     *
     * @param threads at least 1
     * @return the thread count OpenBLAS reports afterwards
     */
    public static int configure(int threads) {
        return configure(threads, threads);
    }

    /**
     * Sets ND4J's own thread count (element-wise ops, reductions) and OpenBLAS's (matrix products) apart.
     *
     * @return the thread count OpenBLAS reports afterwards
     */
    public static int configure(int opThreads, int blasThreads) {
        if (opThreads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("native thread count must be at least 1; got " + opThreads
                    + " for ops and " + blasThreads + " for BLAS");
        }
        Environment environment = Nd4j.getEnvironment();
        environment.setMaxMasterThreads(opThreads);
        environment.setMaxThreads(opThreads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(opThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
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
