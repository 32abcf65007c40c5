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

    @Override
    public void handle(long now) {
        if (last != 0) worst = Math.max(worst, now - last);
        last = now;
        pulses++;
        if (now - lastReport > 10_000_000_000L) {
            System.err.printf("fx-stall: worst gap between pulses %.1f ms over %d pulses since training started%n", worst / 1e6, pulses);
            lastReport = now;
        }
    }

    /** Forget what came before (start-up layout, the first class loads): only training counts. */
    void reset() {
        worst = 0;
        pulses = 0;
        last = 0;
    }

    static FxStallMonitor startIfRequested() {
        if (!Boolean.getBoolean("dae.measureStalls")) return null;
        FxStallMonitor m = new FxStallMonitor();
        m.start();
        return m;
    }
}
