package com.daeworkbench.ui;

import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread goes without a pulse. Started with -Ddae.measureStalls=true
 * (src/bench/fx-stalls.sh): it prints every gap over 100 ms, every 10 s the worst gap of the
 * run so far, and when a run ends the worst gap of the whole run. JavaFX pulses at 60 Hz while
 * anything animates or changes, so a gap far above 17 ms means the UI thread was busy. Gaps
 * before the first run (the window's first full paints) are labelled as start-up.
 */
final class FxStallMonitor extends AnimationTimer {
    /** warn: asked for with -Ddae.measureStalls, so shown at the default level */
    private static final Logger LOG = LoggerFactory.getLogger(FxStallMonitor.class);
    private static final long REPORT_GAP_NANOS = 100_000_000L;
    private long last;
    private long worst;
    private long lastReport;
    private long pulses;
    private long windowWorst;
    private long started = System.nanoTime();
    private boolean training;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            worst = Math.max(worst, gap);
            windowWorst = Math.max(windowWorst, gap);
            if (gap > REPORT_GAP_NANOS) {
                LOG.warn(String.format("fx-stall: %.1f ms gap at %.1f s%s", gap / 1e6, (now - started) / 1e9,
                        training ? " of training" : " (start-up, before any training)"));
            }
        }
        last = now;
        pulses++;
        if (training && now - lastReport > 10_000_000_000L) {
            LOG.warn(String.format("fx-stall: worst gap between pulses %.1f ms over %d pulses since training started (last 10 s: %.1f ms)",
                    worst / 1e6, pulses, windowWorst / 1e6));
            windowWorst = 0;
            lastReport = now;
        }
    }

    /** A run starts: forget what came before (start-up layout, the first class loads). */
    void trainingStarted() {
        worst = 0;
        windowWorst = 0;
        pulses = 0;
        last = 0;
        started = System.nanoTime();
        lastReport = started;
        training = true;
    }

    /** A run ended: its worst gap is the answer. */
    void trainingEnded() {
        if (!training) return;
        training = false;
        LOG.warn(String.format("fx-stall: run ended: worst gap between pulses %.1f ms over %d pulses in %.1f s of training",
                worst / 1e6, pulses, (System.nanoTime() - started) / 1e9));
    }

    static FxStallMonitor startIfRequested() {
        if (!Boolean.getBoolean("dae.measureStalls")) return null;
        FxStallMonitor m = new FxStallMonitor();
        m.start();
        return m;
    }
}
