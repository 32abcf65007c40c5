package com.daeworkbench.core.train;

/**
 * What a {@link Trainer} should report of the inside of its network, changeable from any thread
 * while it trains: a window that shows the inside turns it on when it opens and off when it
 * closes, so a run nobody looks into trains on the plain path.
 */
public final class Diagnostics {
    /** Validation images run forward at each inspected step for the activation histograms. */
    public static final int PROBE_IMAGES = 16;
    private volatile int everyIterations;
    private volatile int chosenImage;

    /** Off until {@link #setEveryIterations} turns it on. */
    public Diagnostics() { }

    public Diagnostics(int everyIterations) {
        setEveryIterations(everyIterations);
    }

    /** Inspect one step in {@code n} (0: never). */
    public void setEveryIterations(int n) {
        if (n < 0) throw new IllegalArgumentException("inspect every n iterations needs n >= 0, got " + n);
        everyIterations = n;
    }

    public int everyIterations() { return everyIterations; }

    /** Which probe image (0-based, of {@link #PROBE_IMAGES}) the feature maps show; out-of-range values are clamped. */
    public void setChosenImage(int index) {
        chosenImage = Math.max(0, Math.min(PROBE_IMAGES - 1, index));
    }

    public int chosenImage() { return chosenImage; }

    /** True when iteration {@code iteration} (counting from 1) is one to inspect. */
    boolean inspects(int iteration) {
        int n = everyIterations;
        return n > 0 && iteration % n == 0;
    }
}
