package com.daeworkbench.core.model;

/**
 * Fixed-bin counts of an array's values between their own minimum and maximum: small enough to
 * send every few iterations (a few dozen ints, whatever the layer's size), enough to draw how the
 * values spread and how that changes over time.
 */
public record Histogram(float min, float max, int[] counts) {
    public static final int BINS = 32;

    public Histogram {
        if (counts == null || counts.length == 0) throw new IllegalArgumentException("a histogram needs at least one bin");
        counts = counts.clone();
    }

    /** The values of {@code values} in {@link #BINS} equal bins from their min to their max; NaN and infinities are left out. */
    public static Histogram of(float[] values) {
        // min and max without a finiteness test per value (NaN fails every comparison); a
        // training step's inspection runs this over every weight and gradient, so it must be cheap
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (Float.isNaN(lo) || Float.isInfinite(lo) || Float.isInfinite(hi)) return ofFinite(values);
        int[] counts = new int[BINS];
        if (lo > hi) return new Histogram(0, 0, counts);   // no values
        float scale = hi > lo ? BINS / (hi - lo) : 0;
        for (float v : values) counts[Math.min(BINS - 1, (int) ((v - lo) * scale))]++;
        return new Histogram(lo, hi, counts);
    }

    /** The slow path, for arrays with NaN or infinite values: those are left out. */
    private static Histogram ofFinite(float[] values) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        int[] counts = new int[BINS];
        if (lo > hi) return new Histogram(0, 0, counts);   // nothing finite
        double scale = hi > lo ? BINS / ((double) hi - lo) : 0;
        for (float v : values) {
            if (!Float.isFinite(v)) continue;
            counts[Math.min(BINS - 1, (int) ((v - lo) * scale))]++;
        }
        return new Histogram(lo, hi, counts);
    }

    /** How many values went in (the finite ones). */
    public long total() {
        long n = 0;
        for (int c : counts) n += c;
        return n;
    }

    public int bins() { return counts.length; }

    /** The counts (a copy: records hand out their arrays, and these are shared across threads). */
    @Override public int[] counts() { return counts.clone(); }

    /** Count of bin {@code i}, without copying. */
    public int count(int i) { return counts[i]; }

    public int maxCount() {
        int m = 0;
        for (int c : counts) m = Math.max(m, c);
        return m;
    }
}
