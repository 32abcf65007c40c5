package com.daeworkbench.core.train;

import java.util.function.LongSupplier;

/**
 * Samples per second over the last few batches, and the time left. Validation and pauses are
 * not training time, so the clock restarts after them and the ETA does not jump at each
 * epoch's end. The time left comes from the run's average speed, not the last batches': on a
 * busy desktop the recent speed swings 5-10x within a minute (another program compiling), and
 * an ETA read from it jumped between 8 and 45 minutes from one line to the next.
 */
final class Throughput {
    private static final int WINDOW = 32;
    /** Until this much training time has passed the average is young; the recent speed stands in. */
    private static final long SETTLED_NANOS = 20_000_000_000L;
    private final long totalSamples;
    private final LongSupplier clock;
    private final long[] nanos = new long[WINDOW];
    private final int[] samples = new int[WINDOW];
    private int head;
    private int filled;
    private long done;
    private long trainingNanos;
    private long lastNanos;

    Throughput(long totalSamples) {
        this(totalSamples, System::nanoTime);
    }

    Throughput(long totalSamples, LongSupplier clock) {
        this.totalSamples = totalSamples;
        this.clock = clock;
        this.lastNanos = clock.getAsLong();
    }

    void add(int count) {
        long now = clock.getAsLong();
        nanos[head] = now - lastNanos;
        samples[head] = count;
        head = (head + 1) % WINDOW;
        filled = Math.min(WINDOW, filled + 1);
        trainingNanos += now - lastNanos;
        lastNanos = now;
        done += count;
    }

    /** After a pause or a validation pass: that time is not training time. */
    void restartClock() {
        lastNanos = clock.getAsLong();
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
        double rate = trainingNanos >= SETTLED_NANOS ? done / (trainingNanos / 1e9) : samplesPerSecond();
        if (Double.isNaN(rate) || rate <= 0) return -1;
        return (long) ((totalSamples - done) / rate * 1000);
    }
}
