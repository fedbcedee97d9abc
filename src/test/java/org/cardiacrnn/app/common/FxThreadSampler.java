package org.cardiacrnn.app.common;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;

/**
 * Finds what the JavaFX thread was doing while a pulse was late: samples its stack every few milliseconds from a
 * daemon thread, notes when each pulse ran, and prints the stacks seen during each long gap, most frequent first.
 * Few samples in a long gap mean the whole process stood still (a GC pause, or the machine was busy elsewhere).
 * A diagnostic for the *Benchmark classes; no test uses it.
 */
public final class FxThreadSampler {

    private record Sample(long nanos, long cpuNanos, StackTraceElement[] stack) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final long periodMillis;
    private final long[] pulses = new long[1 << 20];
    private int pulseCount;
    private volatile boolean running;
    private final AnimationTimer pulseTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pulseCount < pulses.length) {
                pulses[pulseCount++] = System.nanoTime();
            }
        }
    };

    public FxThreadSampler(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    /** Starts sampling the thread called "JavaFX Application Thread"; call from any thread. */
    public void start() {
        Thread fx = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("JavaFX Application Thread")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no JavaFX Application Thread"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        running = true;
        Thread sampler = new Thread(() -> {
            while (running) {
                long now = System.nanoTime();
                ThreadInfo info = threads.getThreadInfo(fx.getId(), Integer.MAX_VALUE);
                long cpu = threads.getThreadCpuTime(fx.getId());
                if (info != null) {
                    synchronized (samples) {
                        samples.add(new Sample(now, cpu, info.getStackTrace()));
                    }
                }
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Notes the time of every pulse from now on; call on the FX thread. */
    public void followPulses() {
        pulseTimer.start();
    }

    public void stop() {
        running = false;
        pulseTimer.stop();
    }

    /** For each gap between pulses longer than {@code minGapMillis}: the stacks sampled in it. */
    public void printLateFrames(PrintStream out, long minGapMillis, int depth) {
        long first = pulseCount == 0 ? 0 : pulses[0];
        for (int i = 1; i < pulseCount; i++) {
            long gap = pulses[i] - pulses[i - 1];
            if (gap > TimeUnit.MILLISECONDS.toNanos(minGapMillis)) {
                out.printf("gap of %.1f ms ending at %.2f s:%n", gap / 1e6, (pulses[i] - first) / 1e9);
                print(out, pulses[i - 1], pulses[i], depth);
            }
        }
    }

    /**
     * Prints the distinct stacks sampled between the two times, with counts: of each, the {@code depth} innermost
     * frames and, below them, only the frames that say whose work it was (workbench and chart code, and the pulse
     * phase: CSS, layout, rendering, runLater).
     */
    public void print(PrintStream out, long fromNanos, long toNanos, int depth) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        long firstCpu = -1;
        long lastCpu = -1;
        synchronized (samples) {
            for (Sample sample : samples) {
                if (sample.nanos() >= fromNanos && sample.nanos() <= toNanos) {
                    counts.merge(describe(sample.stack(), depth), 1, Integer::sum);
                    total++;
                    firstCpu = firstCpu < 0 ? sample.cpuNanos() : firstCpu;
                    lastCpu = sample.cpuNanos();
                }
            }
        }
        // CPU time the FX thread used between the first and last sample: its own work, whatever the machine's load.
        out.printf("  %d FX-thread samples in the gap, %.1f ms of FX-thread CPU%n", total, (lastCpu - firstCpu) / 1e6);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> out.printf("  %d samples:%n%s", entry.getValue(), entry.getKey()));
    }

    private static String describe(StackTraceElement[] stack, int depth) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < stack.length; i++) {
            StackTraceElement frame = stack[i];
            if (i < depth || telling(frame)) {
                text.append(i < depth ? "      at " : "      .. ").append(frame).append('\n');
            }
        }
        return text.toString();
    }

    private static boolean telling(StackTraceElement frame) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        return where.startsWith("org.cardiacrnn") || where.startsWith("org.jfree")
                || where.matches(".*(ScenePulseListener\\.pulse|Scene\\.doCSSPass|Scene\\.doLayoutPass"
                + "|PaintCollector\\.renderAll|InvokeLaterDispatcher.*run|Skin\\.layoutChildren|Skin\\.<init>"
                + "|VirtualFlow\\.layoutChildren|Parent\\.layout)");
    }
}
