package com.daeworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Smoothing and decimation of loss curves. Smoothing is TensorBoard's debiased exponential
 * moving average over every iteration at full resolution; only then are points dropped for
 * drawing, so the smoothed curve is the same however many points the chart shows
 * (tensorflow/tensorboard issues 1518 and 6829 report the opposite as a bug).
 */
public final class Curves {
    private Curves() { }

    /** @param weight 0 = no smoothing, towards 1 = heavier; values at the start are debiased */
    public static double[] smooth(double[] values, double weight) {
        double[] out = new double[values.length];
        double last = 0;
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            last = last * weight + (1 - weight) * v;
            norm = norm * weight + (1 - weight);
            out[i] = weight == 0 ? v : last / norm;
        }
        return out;
    }

    /** Like {@link #decimate(int, int)} over the indices {@code from} (inclusive) to {@code to} (exclusive) only. */
    public static int[] decimate(int from, int to, int max) {
        int[] keep = decimate(Math.max(0, to - from), max);
        for (int k = 0; k < keep.length; k++) keep[k] += from;
        return keep;
    }

    /**
     * Indices of at most {@code max} points spread evenly over {@code n}, always keeping the
     * first and last; every index is a real point, so no value is invented.
     */
    public static int[] decimate(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        List<Integer> keep = new ArrayList<>();
        double step = (n - 1) / (double) (max - 1);
        int prev = -1;
        for (int k = 0; k < max; k++) {
            int i = (int) Math.round(k * step);
            if (i != prev) keep.add(i);
            prev = i;
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
