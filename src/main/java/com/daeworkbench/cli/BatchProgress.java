package com.daeworkbench.cli;

import com.daeworkbench.core.train.Durations;
import java.util.function.LongSupplier;

/**
 * Where a batch stands (denoise's files, sweep's runs): "[3/120]" and, once the batch has run
 * long enough to say, the time left. Parts of an item count as fractions of it, so a 40-page
 * PDF moves the estimate page by page.
 */
final class BatchProgress {
    /** Below this the estimate rests on a page or two: not shown. */
    private static final long SETTLED_NANOS = 10_000_000_000L;
    private final int items;
    private final LongSupplier clock;
    private final long start;

    BatchProgress(int items, LongSupplier clock) {
        this.items = items;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** "[k/N] " for item k (1-based) of several; nothing for a single one. */
    String prefix(int item) {
        return items > 1 ? "[" + item + "/" + items + "] " : "";
    }

    /** ", about 2m10s left" once {@code part} of {@code parts} of item {@code item} (1-based) are done, or "". */
    String timeLeft(int item, int part, int parts) {
        long elapsed = clock.getAsLong() - start;
        double done = (item - 1 + (double) part / parts) / items;
        if (elapsed < SETTLED_NANOS || done <= 0 || done >= 1) return "";
        long left = (long) (elapsed / 1e6 / done * (1 - done));
        return left < 1000 ? "" : ", about " + Durations.of(left) + " left";
    }
}
