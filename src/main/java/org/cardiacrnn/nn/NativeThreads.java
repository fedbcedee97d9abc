package org.cardiacrnn.nn;

import org.cardiacrnn.nn.fast.PeakFlops;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one place that sets how many native threads ND4J uses, from code, because a double-clicked
 * application gets no {@code OMP_NUM_THREADS}. Three settings limit ND4J's native threads: the "master"
 * threads that split its element-wise and reduction ops, OpenMP's threads, and OpenBLAS's threads for matrix
 * products. ({@code Environment.setMaxThreads} is not among them: libnd4j 1.0.0-M2.1 ignores it and keeps
 * reporting the number of cores.)
 */
public final class NativeThreads {

    /** ND4J's settings are process-wide, so the last count set is too; 0 until configure() runs. */
    private static volatile int openMpThreads;

    private NativeThreads() {
    }

    /**
     * The measured best setting on a small machine: one thread for ND4J's own ops and one for OpenBLAS.
     * The fast layer already runs its two directions on two cores; more native threads only compete with
     * them (OpenMP's and OpenBLAS's waiting threads spin). Against ND4J's ops on every core this took
     * 15 % less CPU time per training epoch and was as fast on a quiet machine and much faster on a busy
     * one (see docs/performance.md).
     */
    public static int configure() {
        return configure(1, 1);
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
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(opThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        openMpThreads = opThreads;
        return Nd4j.factory().blas().getMaxThreads();
    }

    /**
     * OpenMP keeps its thread count per thread, and a thread started later begins at the machine's default:
     * a long-lived engine thread calls this first to take the count {@link #configure} set (nothing happens
     * before a configure call).
     */
    public static void applyToThisThread() {
        int threads = openMpThreads;
        if (threads > 0) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }

    /** The thread count OpenBLAS uses for matrix products now. */
    public static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** A one-line description of the current settings, for logs and benchmark reports. */
    public static String describe() {
        Environment environment = Nd4j.getEnvironment();
        return "ND4J op threads " + environment.maxMasterThreads()
                + ", OpenMP " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + ", BLAS " + Nd4j.factory().blas().getMaxThreads();
    }

    /**
     * Float GFLOP/s that this machine's cores reach right now as the fast layer uses them: the ceiling a
     * benchmark's own rate is read against (the kernel's {@link PeakFlops}, reached from outside the kernel here).
     */
    public static double peakGflopPerSecond() {
        return PeakFlops.measure();
    }
}
