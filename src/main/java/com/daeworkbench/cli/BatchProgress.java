package com.daeworkbench.cli;

import java.util.function.LongSupplier;

/**
 * Where a batch of files stands, for denoise's line per page: "[3/120]" and, once the batch has
 * run long enough to say, the time left. Progress counts files, and pages within a file as
 * fractions of it, so a 40-page PDF moves the estimate page by page.
 */
final class BatchProgress {
    /** Below this the estimate rests on a page or two: not shown. */
    private static final long SETTLED_NANOS = 10_000_000_000L;
    private final int files;
    private final LongSupplier clock;
    private final long start;

    BatchProgress(int files, LongSupplier clock) {
        this.files = files;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** "[k/N] " for file k (1-based) of several; nothing for a single file. */
    String prefix(int file) {
        return files > 1 ? "[" + file + "/" + files + "] " : "";
    }

    /** ", about 2m10s left" after page {@code page} of {@code pages} of file {@code file} (1-based), or "". */
    String timeLeft(int file, int page, int pages) {
        long elapsed = clock.getAsLong() - start;
        double done = (file - 1 + (double) page / pages) / files;
        if (elapsed < SETTLED_NANOS || done <= 0 || done >= 1) return "";
        long left = (long) (elapsed / 1e6 / done * (1 - done));
        return left < 1000 ? "" : ", about " + ProgressPrinter.duration(left) + " left";
    }
}
