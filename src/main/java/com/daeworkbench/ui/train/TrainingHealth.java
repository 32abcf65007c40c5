package com.daeworkbench.ui.train;

import com.daeworkbench.core.train.TrainingEvent;
import java.util.Locale;

/**
 * Signs that a run has gone wrong although it keeps going: the loss exploding, or the
 * network's output collapsing to one flat image (which can still score above a median filter
 * on very noisy input, and so looked like success).
 */
final class TrainingHealth {
    /** a loss this many times the first epoch's (or, before that ends, the first batch's) has exploded */
    static final double EXPLODED_FACTOR = 10;
    /** pixel variance (0-1 scale) under which an image is flat: under a 1% standard deviation */
    static final double FLAT_VARIANCE = 1e-4;

    private TrainingHealth() { }

    /** Why the loss has exploded, or null when it has not; {@code reference} is NaN when not known yet. */
    static String explodedLoss(double loss, double reference, double learningRate) {
        String lower = String.format(Locale.ROOT, " Lower the learning rate (now %.0e) and train again.", learningRate);
        if (!Double.isFinite(loss)) return "The loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + ": training has diverged." + lower;
        if (Double.isFinite(reference) && reference > 0 && loss > EXPLODED_FACTOR * reference) {
            return String.format(Locale.ROOT, "The loss exploded to %,.4g (from %.4g at the start): the network is no longer learning.", loss, reference) + lower;
        }
        return null;
    }

    /** Whether row {@code row}'s reconstruction is flat while its clean image is not. */
    static boolean isFlat(TrainingEvent.Samples s, int row) {
        int n = s.height() * s.width();
        return variance(s.reconstructed(), row * n, n) < FLAT_VARIANCE && variance(s.clean(), row * n, n) >= FLAT_VARIANCE;
    }

    /** Whether every row's reconstruction is flat: the output has collapsed. */
    static boolean collapsed(TrainingEvent.Samples s) {
        if (s == null || s.count() == 0) return false;
        for (int i = 0; i < s.count(); i++) if (!isFlat(s, i)) return false;
        return true;
    }

    static final String COLLAPSED = "The network's output has collapsed to a flat image (the same for every input): its PSNR"
            + " says nothing about denoising. This usually means the learning rate is too high; lower it and train again.";

    private static double variance(float[] px, int offset, int n) {
        double sum = 0, sq = 0;
        for (int i = offset; i < offset + n; i++) {
            sum += px[i];
            sq += (double) px[i] * px[i];
        }
        double mean = sum / n;
        return Math.max(0, sq / n - mean * mean);
    }
}
