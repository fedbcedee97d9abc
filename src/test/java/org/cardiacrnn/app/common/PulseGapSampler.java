package org.cardiacrnn.app.common;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javafx.animation.AnimationTimer;

/**
 * A diagnostic for {@code ResponsivenessBenchmark}: samples what the UI thread and the renderer thread are doing
 * every few milliseconds, and afterwards prints, for each gap between pulses longer than a threshold, the
 * samples taken during it and how much CPU those threads got. It tells a busy UI thread (a chart redraw, a
 * layout pass) from a starved one (runnable, but little CPU time during the gap). Start and stop it on the UI
 * thread.
 */
public final class PulseGapSampler {

    private static final long PERIOD_NANOS = 5_000_000L;
    private static final int DEPTH = 60;

    /** One look at one thread. */
    private record Look(Thread.State state, long cpuNanos, StackTraceElement[] stack) {
    }

    /** One sampling round. */
    private record Sample(long nanos, Look ui, Look renderer, long processCpuNanos, List<String> busyOthers,
                          Map<String, long[]> schedule) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Long> pulses = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            synchronized (pulses) {
                pulses.add(System.nanoTime());
            }
        }
    };
    private volatile boolean running;
    private Thread sampler;
    private long started;

    public void start() {
        long uiId = Thread.currentThread().getId();
        started = System.nanoTime();
        running = true;
        timer.start();
        sampler = new Thread(() -> sample(uiId), "pulse-gap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void stop() {
        timer.stop();
        running = false;
    }

    private void sample(long uiId) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long self = Thread.currentThread().getId();
        while (running) {
            long next = System.nanoTime() + PERIOD_NANOS;
            Look ui = null;
            Look renderer = null;
            List<String> others = new ArrayList<>();
            for (ThreadInfo info : threads.dumpAllThreads(false, false, DEPTH)) {
                long id = info.getThreadId();
                if (id == self) {
                    continue;
                }
                if (id == uiId) {
                    ui = new Look(info.getThreadState(), threads.getThreadCpuTime(id), info.getStackTrace());
                } else if (info.getThreadName().startsWith("QuantumRenderer")) {
                    renderer = new Look(info.getThreadState(), threads.getThreadCpuTime(id), info.getStackTrace());
                } else if (info.getThreadState() == Thread.State.RUNNABLE && info.getStackTrace().length > 0
                        && !info.getStackTrace()[0].isNativeMethod()) {
                    others.add(info.getThreadName());
                }
            }
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), ui, renderer, os.getProcessCpuTime(), others,
                        schedule()));
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Every thread of this process (JIT compilers and GC included, which the MX bean does not list) with its
     * time on a CPU and its time spent runnable but waiting for one, in nanoseconds (Linux schedstat).
     */
    private static Map<String, long[]> schedule() {
        Map<String, long[]> times = new TreeMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return times;
        }
        for (File task : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).trim();
                String[] fields = Files.readString(task.toPath().resolve("schedstat")).trim()
                        .split(" ");
                times.put(name + "#" + task.getName(), new long[] {Long.parseLong(fields[0]),
                        Long.parseLong(fields[1])});
            } catch (IOException | RuntimeException gone) {
                // A thread that ended between listing and reading.
            }
        }
        return times;
    }

    /** Prints every gap longer than {@code thresholdMillis} with what was seen during it. */
    public void report(double thresholdMillis, PrintStream out) {
        List<Long> pulseTimes;
        List<Sample> seen;
        synchronized (pulses) {
            pulseTimes = new ArrayList<>(pulses);
        }
        synchronized (samples) {
            seen = new ArrayList<>(samples);
        }
        Map<String, Integer> overall = new TreeMap<>();
        for (int i = 1; i < pulseTimes.size(); i++) {
            long from = pulseTimes.get(i - 1);
            long to = pulseTimes.get(i);
            double gap = (to - from) / 1e6;
            if (gap <= thresholdMillis) {
                continue;
            }
            List<Sample> inside = seen.stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
            out.printf(Locale.ROOT, "%n=== gap %.1f ms at %.3f s (%d samples)%n", gap, (from - started) / 1e9,
                    inside.size());
            if (inside.size() >= 2) {
                Sample first = inside.get(0);
                Sample last = inside.get(inside.size() - 1);
                double wall = (last.nanos() - first.nanos()) / 1e6;
                out.printf(Locale.ROOT, "  over %.1f ms: UI thread cpu %.1f ms, renderer cpu %.1f ms, "
                                + "process cpu %.1f ms%n", wall, cpu(first.ui(), last.ui()),
                        cpu(first.renderer(), last.renderer()),
                        (last.processCpuNanos() - first.processCpuNanos()) / 1e6);
                List<String> lines = new ArrayList<>();
                last.schedule().forEach((thread, now) -> {
                    long[] before = first.schedule().getOrDefault(thread, new long[2]);
                    double ran = (now[0] - before[0]) / 1e6;
                    double waited = (now[1] - before[1]) / 1e6;
                    if (ran >= 1 || waited >= 1) {
                        lines.add(String.format(Locale.ROOT, "%s ran %.0f waited %.0f", thread, ran, waited));
                    }
                });
                out.println("  threads (ms): " + String.join("; ", lines));
            }
            for (Sample s : inside) {
                String where = describe(s.ui());
                overall.merge(where, 1, Integer::sum);
                out.printf(Locale.ROOT, "  +%5.1f ms  ui %s%n            renderer %s%n            busy %s%n",
                        (s.nanos() - from) / 1e6, where, describe(s.renderer()), s.busyOthers());
            }
        }
        out.println();
        out.println("=== UI thread during long gaps, by place (samples):");
        Map<String, Integer> sorted = new LinkedHashMap<>();
        overall.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((where, count) -> out.printf(Locale.ROOT, "%5d  %s%n", count, where));
    }

    private static double cpu(Look first, Look last) {
        return first == null || last == null ? Double.NaN : (last.cpuNanos() - first.cpuNanos()) / 1e6;
    }

    /** The state and the frames that say what the thread works on: the top frame and the first app frames. */
    private static String describe(Look look) {
        if (look == null) {
            return "-";
        }
        StackTraceElement[] stack = look.stack();
        if (stack.length == 0) {
            return look.state().toString();
        }
        List<String> parts = new ArrayList<>();
        parts.add(frame(stack[0]));
        Arrays.stream(stack).skip(1).filter(PulseGapSampler::telling).limit(6).map(PulseGapSampler::frame)
                .forEach(parts::add);
        return look.state() + " " + String.join(" < ", parts);
    }

    private static boolean telling(StackTraceElement element) {
        String name = element.getClassName();
        return name.startsWith("org.cardiacrnn") || name.startsWith("org.jfree")
                || name.startsWith("javafx.scene") || name.startsWith("com.sun.javafx.tk.quantum")
                || name.startsWith("com.sun.prism") || name.startsWith("com.sun.javafx.sg");
    }

    private static String frame(StackTraceElement element) {
        String cls = element.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + element.getMethodName();
    }
}
