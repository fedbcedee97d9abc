package org.cardiacrnn.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Memory figures for the benchmarks: peak resident memory from the kernel, peak heap by sampling. */
final class MemoryProbe {

    private MemoryProbe() {
    }

    /** Resets the kernel's peak-RSS mark so each run reports its own peak (Linux only; ignored elsewhere). */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            // The figure then covers the process so far, which is still an upper bound.
        }
    }

    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException notLinux) {
            return -1;
        }
        return -1;
    }

    /** Samples used heap every millisecond; garbage not yet collected counts, so the figure is an upper bound. */
    static final class HeapPoller extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapPoller() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
    }
}
