package org.cardiacrnn.app.common;

import java.util.Arrays;

import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the UI thread runs: the gaps between JavaFX pulses while it is on. A pulse is due
 * every 16.7 ms; a long gap means the UI thread was busy (or starved) and the window felt frozen for that
 * long. Start and stop it on the UI thread.
 */
public final class PulseMonitor {

    /**
     * Gap statistics in milliseconds.
     *
     * @param maxAtMillis when the longest gap ended, counted from {@link #start()}
     * @param over100    how many gaps exceeded 100 ms
     */
    public record Stats(int pulses, double meanMillis, double p99Millis, double maxMillis, double maxAtMillis,
                        int over100) {
    }

    private static final int CAPACITY = 1 << 20;
    private static final long LONG_GAP_NANOS = 50_000_000L;

    private final long[] gaps = new long[CAPACITY];
    private int count;
    private long last;
    private long started;
    private long longest;
    private long longestAt;
    private final java.util.List<long[]> longGaps = new java.util.ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long time = System.nanoTime();
            if (last != 0 && count < CAPACITY) {
                gaps[count++] = time - last;
                if (time - last > LONG_GAP_NANOS) {
                    longGaps.add(new long[] {last - started, time - last});
                }
                if (time - last > longest) {
                    longest = time - last;
                    longestAt = time - started;
                }
            }
            last = time;
        }
    };

    public void start() {
        last = 0;
        count = 0;
        longest = 0;
        longGaps.clear();
        started = System.nanoTime();
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Every gap over 50 ms as (start counted from {@link #start()}, length), in milliseconds. */
    public java.util.List<double[]> longGaps() {
        return longGaps.stream().map(gap -> new double[] {gap[0] / 1e6, gap[1] / 1e6}).toList();
    }

    public Stats stats() {
        if (count == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        int p99 = Math.min(count - 1, (int) Math.ceil(0.99 * count) - 1);
        int over100 = (int) Arrays.stream(sorted).filter(gap -> gap > 100_000_000L).count();
        return new Stats(count + 1, mean / 1e6, sorted[p99] / 1e6, sorted[count - 1] / 1e6, longestAt / 1e6, over100);
    }
}
