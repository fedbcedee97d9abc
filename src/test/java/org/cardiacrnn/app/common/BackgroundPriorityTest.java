package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    /**
     * The engine thread and the fast layer's second thread, which the engine thread starts, both train; both
     * must yield to the window, and the window's own thread must keep its priority.
     */
    @Test
    void lowersOnlyTheCallingThreadAndTheThreadsItStarts() throws Exception {
        OptionalInt callerBefore = BackgroundPriority.currentThreadNice();
        assumeTrue(callerBefore.isPresent(), "thread nice values are read from Linux's /proc");
        AtomicReference<OptionalInt> lowered = new AtomicReference<>();
        AtomicReference<OptionalInt> started = new AtomicReference<>();
        AtomicReference<Boolean> changed = new AtomicReference<>();
        Thread background = new Thread(() -> {
            changed.set(BackgroundPriority.lowerCurrentThread());
            lowered.set(BackgroundPriority.currentThreadNice());
            Thread child = new Thread(() -> started.set(BackgroundPriority.currentThreadNice()));
            child.start();
            join(child);
        });
        background.start();
        background.join();

        assumeTrue(changed.get(), "the native bridge is available and the system allows lowering priority");
        int expected = Math.max(BackgroundPriority.NICE, callerBefore.getAsInt());
        assertThat(lowered.get()).hasValue(expected);
        assertThat(started.get()).hasValue(expected);
        assertThat(BackgroundPriority.currentThreadNice()).isEqualTo(callerBefore);
    }

    /** At start-up only the optimising compiler yields: the quick one gets the start-up code compiled. */
    @Test
    void lowersTheOptimisingCompilerAlone() {
        assumeTrue(BackgroundPriority.currentThreadNice().isPresent(), "thread nice values are read from /proc");
        assumeTrue(!BackgroundPriority.compilerThreadNices(BackgroundPriority.C2_COMPILER).isEmpty(),
                "this JVM runs an optimising JIT compiler");
        assumeTrue(BackgroundPriority.compilerThreadNices(BackgroundPriority.C1_COMPILER).stream()
                .allMatch(nice -> nice < BackgroundPriority.NICE), "no other test lowered the quick compiler yet");

        int lowered = BackgroundPriority.lowerOptimisingCompiler();

        List<Integer> optimising = BackgroundPriority.compilerThreadNices(BackgroundPriority.C2_COMPILER);
        assumeTrue(lowered > 0 || optimising.stream().allMatch(nice -> nice >= BackgroundPriority.NICE),
                "the native bridge is available and the system allows lowering");
        assertThat(optimising).allSatisfy(nice -> assertThat(nice).isGreaterThanOrEqualTo(BackgroundPriority.NICE));
        assertThat(BackgroundPriority.compilerThreadNices(BackgroundPriority.C1_COMPILER))
                .allSatisfy(nice -> assertThat(nice).isLessThan(BackgroundPriority.NICE));
    }

    /** Compiling on the window's priority took the CPU from the UI thread while training ran. */
    @Test
    void lowersTheJitCompilerThreadsButNotTheCaller() {
        OptionalInt callerBefore = BackgroundPriority.currentThreadNice();
        assumeTrue(callerBefore.isPresent(), "thread nice values are read from Linux's /proc");
        assumeTrue(!BackgroundPriority.compilerThreadNices().isEmpty(), "this JVM runs JIT compiler threads");

        boolean lowBefore = BackgroundPriority.compilerThreadNices().stream()
                .allMatch(nice -> nice >= BackgroundPriority.NICE);

        int lowered = BackgroundPriority.lowerCompilerThreads();

        assumeTrue(lowered > 0 || lowBefore, "the native bridge is available and the system allows lowering");
        List<Integer> nices = BackgroundPriority.compilerThreadNices();
        assertThat(nices).allSatisfy(nice -> assertThat(nice).isGreaterThanOrEqualTo(BackgroundPriority.NICE));
        assertThat(BackgroundPriority.currentThreadNice()).isEqualTo(callerBefore);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
