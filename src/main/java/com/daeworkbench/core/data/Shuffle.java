package com.daeworkbench.core.data;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates permutations: data splits, epoch order and patch choice all use this one. */
public final class Shuffle {
    private Shuffle() { }

    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
