package com.daeworkbench.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse. Started with -Ddae.measureStalls=true
 * (src/bench/fx-stalls.sh): every 10 s it prints the worst gap between two pulses so far.
 * JavaFX pulses at 60 Hz while anything animates or changes, so a gap far above 17 ms means
 * the UI thread was busy.
 */
final class FxStallMonitor extends AnimationTimer {
    private long last;
    private long worst;
    private long lastReport;
    private long pulses;
    private long windowWorst;
    private long started = System.nanoTime();

    @Override
    public void handle(long now) {
        if (last != 0) {
            worst = Math.max(worst, now - last);
            windowWorst = Math.max(windowWorst, now - last);
            if (now - last > 100_000_000L) System.err.printf("fx-stall: %.1f ms gap at %.1f s%n", (now - last) / 1e6, (now - started) / 1e9);
        }
        last = now;
        pulses++;
        if (now - lastReport > 10_000_000_000L) {
            System.err.printf("fx-stall: worst gap between pulses %.1f ms over %d pulses since training started (last 10 s: %.1f ms)%n",
                    worst / 1e6, pulses, windowWorst / 1e6);
            windowWorst = 0;
            lastReport = now;
        }
    }

    /** Forget what came before (start-up layout, the first class loads): only training counts. */
    void reset() {
        worst = 0;
        windowWorst = 0;
        pulses = 0;
        last = 0;
        started = System.nanoTime();
    }

    static FxStallMonitor startIfRequested() {
        if (!Boolean.getBoolean("dae.measureStalls")) return null;
        FxStallMonitor m = new FxStallMonitor();
        m.start();
        return m;
    }
}
