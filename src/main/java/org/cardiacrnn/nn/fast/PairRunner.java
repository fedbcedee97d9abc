package org.cardiacrnn.nn.fast;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;


/**
 * Runs two independent halves of a piece of work, on two threads when the machine has more than one core:
 * the two directions of a bidirectional layer (each direction's time loop is a chain of small operations that
 * one core cannot speed up, so a second core is best used on the other direction) or the two halves of the
 * optimiser step. ND4J's own threads and BLAS stay at one each (see
 * {@link org.cardiacrnn.nn.NativeThreads#configure()}).
 */
final class PairRunner {

    private static final long IDLE_SECONDS = 10;

    private final boolean parallel;
    private ExecutorService worker;

    PairRunner(boolean parallel) {
        this.parallel = parallel;
    }

    /** Two threads where {@link Runtime#availableProcessors()} is at least 2. */
    static PairRunner forThisMachine() {
        return new PairRunner(Runtime.getRuntime().availableProcessors() >= 2);
    }

    /** Whether the two halves run at the same time, on two threads. */
    boolean parallel() {
        return parallel;
    }

    /** Runs {@code work} for half 0 (on the caller's thread) and half 1 and returns when both are done. */
    void runBoth(IntConsumer work) {
        if (!parallel) {
            work.accept(0);
            work.accept(1);
            return;
        }
        Future<?> second = worker().submit(() -> work.accept(1));
        try {
            work.accept(0);
        } finally {
            await(second);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the second half was running", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("second half failed", e.getCause());
        }
    }

    /**
     * One worker thread that ends after {@value #IDLE_SECONDS} s without work, so networks that are no
     * longer used (sweeps, cross-validation folds) leave no threads behind.
     */
    private synchronized ExecutorService worker() {
        if (worker == null) {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "fast-nn-second-half");
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            worker = executor;
        }
        return worker;
    }
}
