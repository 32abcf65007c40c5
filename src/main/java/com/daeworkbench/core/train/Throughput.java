package com.daeworkbench.core.train;

/**
 * Samples per second over the last few seconds of training, and the time left. Validation
 * and pauses are not training time, so the clock restarts after them and the ETA does not
 * jump at each epoch's end.
 */
final class Throughput {
    private static final int WINDOW = 32;
    private final long totalSamples;
    private final long[] nanos = new long[WINDOW];
    private final int[] samples = new int[WINDOW];
    private int head;
    private int filled;
    private long done;
    private long lastNanos = System.nanoTime();

    Throughput(long totalSamples) {
        this.totalSamples = totalSamples;
    }

    void add(int count) {
        long now = System.nanoTime();
        nanos[head] = now - lastNanos;
        samples[head] = count;
        head = (head + 1) % WINDOW;
        filled = Math.min(WINDOW, filled + 1);
        lastNanos = now;
        done += count;
    }

    /** After a pause or a validation pass: that time is not training time. */
    void restartClock() {
        lastNanos = System.nanoTime();
    }

    double samplesPerSecond() {
        long time = 0;
        long count = 0;
        for (int i = 0; i < filled; i++) {
            time += nanos[i];
            count += samples[i];
        }
        return time == 0 ? Double.NaN : count / (time / 1e9);
    }

    double progress() {
        return totalSamples == 0 ? 1 : Math.min(1, (double) done / totalSamples);
    }

    long etaMillis() {
        double rate = samplesPerSecond();
        if (Double.isNaN(rate) || rate <= 0) return -1;
        return (long) ((totalSamples - done) / rate * 1000);
    }
}
