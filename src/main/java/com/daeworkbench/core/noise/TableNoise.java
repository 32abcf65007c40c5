package com.daeworkbench.core.noise;

import java.util.SplittableRandom;

/**
 * Corruptions of table rows, on scaled values where NaN marks a missing cell: nothing is
 * clamped (a standardised value has no range), and missing cells stay missing.
 */
final class TableNoise {
    private TableNoise() { }

    /** Each cell made missing with probability p: the model is fed the column's mean there, as for a truly missing cell. */
    record Masking(double fraction) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            for (int i = 0; i < n; i++) dst[d0 + i] = rng.nextDouble() < fraction ? Float.NaN : src[so + i];
        }

        public String spec() { return "masking:" + Noise.level(fraction); }
    }

    /** x + sigma * N(0,1) on scaled values, unclamped. */
    record Gaussian(double sigma) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            for (int i = 0; i < n; i++) dst[d0 + i] = (float) (src[so + i] + sigma * Noise.gaussian(rng));
        }

        public String spec() { return "gaussian:" + Noise.level(sigma); }
    }

    /**
     * Swap noise (the Porto Seguro Kaggle winner's): each cell, with probability p, takes the same
     * column's value from a random row of the array it is drawn from, so a corrupted value is always
     * one the column really has. {@code src} is the whole set (the trainer and the fixed validation
     * noise pass it so); rows are {@code n} values long. In a {@code +} chain put swap first: later
     * parts see only the batch.
     */
    record Swap(double fraction) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            int rows = src.length / n;
            int column0 = so % n;   // rows start at multiples of n in a whole set
            for (int i = 0; i < n; i++) {
                float v = src[so + i];
                if (rng.nextDouble() < fraction) v = src[rng.nextInt(rows) * n + (column0 + i) % n];
                dst[d0 + i] = v;
            }
        }

        public String spec() { return "swap:" + Noise.level(fraction); }
    }
}
