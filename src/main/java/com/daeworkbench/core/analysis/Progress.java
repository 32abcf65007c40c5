package com.daeworkbench.core.analysis;

/**
 * Progress of a long analysis, reported on the worker's thread: a view-model forwards it to
 * the FX thread itself. {@code fraction} is in [0,1]; {@code message} says what is under way.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (fraction, message) -> { };

    void update(double fraction, String message);

    /** Throws (and clears the flag, as {@link Thread#interrupted()} does) when the worker thread was interrupted. */
    static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException("analysis cancelled");
    }
}
