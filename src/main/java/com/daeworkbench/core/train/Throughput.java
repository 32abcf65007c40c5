package com.daeworkbench.core.train;

/**
 * Samples per second over a sliding window and the time left, excluding time spent in
 * validation or paused, so the ETA does not jump after each epoch.
 */
final class Throughput {
    private static final double SMOOTHING = 0.1;
    private final long totalSamples;
    private long done;
    private long lastNanos = System.nanoTime();
    private double rate = Double.NaN;

    Throughput(long totalSamples) {
        this.totalSamples = totalSamples;
    }

    void add(int samples) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        double instant = samples / seconds;
        rate = Double.isNaN(rate) ? instant : rate + SMOOTHING * (instant - rate);
        lastNanos = now;
        done += samples;
    }

    /** After a pause or a validation pass: that time is not training time. */
    void restartClock() { lastNanos = System.nanoTime(); }

    double samplesPerSecond() { return rate; }

    double progress() { return totalSamples == 0 ? 1 : Math.min(1, (double) done / totalSamples); }

    long etaMillis() {
        if (Double.isNaN(rate) || rate <= 0) return -1;
        return (long) ((totalSamples - done) / rate * 1000);
    }
}
