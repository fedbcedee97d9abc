package org.cardiacrnn.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

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

    /**
     * At start-up only the optimising compiler yields: the quick one gets the start-up code compiled. Checked in
     * a JVM of its own, since a priority once lowered cannot be raised again and other tests lower both.
     */
    @Test
    void lowersTheOptimisingCompilerAlone() throws Exception {
        assumeTrue(BackgroundPriority.currentThreadNice().isPresent(), "thread nice values are read from /proc");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OptimisingCompilerProbe.class.getName())
                .redirectErrorStream(true).start();
        List<String> lines = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> reported = lines.stream().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
        assertThat(reported).as(String.join("\n", lines)).containsKeys("optimising", "lowered", "quickBefore",
                "quickAfter");
        assumeTrue(!reported.get("optimising").isEmpty(), "this JVM runs an optimising JIT compiler");
        int optimising = Integer.parseInt(reported.get("optimising"));
        assumeTrue(!reported.get("lowered").equals("0") || optimising >= BackgroundPriority.NICE,
                "the native bridge is available and the system allows lowering");
        assumeTrue(!reported.get("quickBefore").isEmpty()
                && Integer.parseInt(reported.get("quickBefore")) < BackgroundPriority.NICE,
                "the quick compiler runs, at the normal priority");

        assertThat(optimising).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
        assertThat(Integer.parseInt(reported.get("quickAfter"))).isLessThan(BackgroundPriority.NICE);
    }

    /**
     * Run in a fresh JVM by {@link #lowersTheOptimisingCompilerAlone}: lowers the optimising compiler and prints
     * the lowest nice value of the optimising compiler threads and the highest of the quick ones (empty if none).
     */
    static final class OptimisingCompilerProbe {
        public static void main(String[] args) {
            System.out.println("quickBefore=" + highest(BackgroundPriority.C1_COMPILER));
            System.out.println("lowered=" + BackgroundPriority.lowerOptimisingCompiler());
            System.out.println("quickAfter=" + highest(BackgroundPriority.C1_COMPILER));
            System.out.println("optimising=" + BackgroundPriority.compilerThreadNices(BackgroundPriority.C2_COMPILER)
                    .stream().mapToInt(Integer::intValue).min().stream().mapToObj(String::valueOf)
                    .findFirst().orElse(""));
        }

        private static String highest(String compiler) {
            return BackgroundPriority.compilerThreadNices(compiler).stream().mapToInt(Integer::intValue).max()
                    .stream().mapToObj(String::valueOf).findFirst().orElse("");
        }
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
