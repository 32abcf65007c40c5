package com.daeworkbench.core.model;

import java.util.SplittableRandom;

/**
 * Seeded initial weights, drawn in Java so that the same seed gives the same network on any
 * machine and thread count. Same scheme as PyTorch's default for conv and linear layers
 * (uniform in +-1/sqrt(fanIn) for weights and biases), so our curves compare with the
 * reference runs.
 */
final class Weights {
    private final SplittableRandom random;

    Weights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    float[] uniform(int count, int fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return w;
    }

    static float[] filled(int count, float value) {
        float[] w = new float[count];
        java.util.Arrays.fill(w, value);
        return w;
    }
}
