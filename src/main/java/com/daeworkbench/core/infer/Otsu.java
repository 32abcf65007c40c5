package com.daeworkbench.core.infer;

import com.daeworkbench.core.io.GrayImage;

/** Otsu (1979): the gray level that splits the histogram into two classes of greatest between-class variance. */
final class Otsu {
    static final int LEVELS = 256;

    private Otsu() { }

    /** The threshold level in 0..255: levels at or below it are ink. */
    static int threshold(GrayImage page) {
        long[] histogram = new long[LEVELS];
        for (float v : page.pixels()) histogram[level(v)]++;
        long total = page.pixels().length;
        double sumAll = 0;
        for (int t = 0; t < LEVELS; t++) sumAll += (double) t * histogram[t];
        double sumBelow = 0, bestVariance = -1;
        long countBelow = 0;
        int best = 0;
        for (int t = 0; t < LEVELS; t++) {
            countBelow += histogram[t];
            sumBelow += (double) t * histogram[t];
            long countAbove = total - countBelow;
            if (countBelow == 0 || countAbove == 0) continue;
            double meanBelow = sumBelow / countBelow, meanAbove = (sumAll - sumBelow) / countAbove;
            double variance = (double) countBelow * countAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance) {
                bestVariance = variance;
                best = t;
            }
        }
        return best;
    }

    static GrayImage binarize(GrayImage page) {
        int t = threshold(page);
        float[] in = page.pixels(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = level(in[i]) > t ? 1f : 0f;
        return new GrayImage(page.width(), page.height(), out);
    }

    static int level(float v) {
        return Math.round(Math.min(1f, Math.max(0f, Float.isNaN(v) ? 0f : v)) * (LEVELS - 1));
    }
}
