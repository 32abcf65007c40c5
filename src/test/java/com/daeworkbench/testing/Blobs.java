package com.daeworkbench.testing;

import com.daeworkbench.core.data.ImageSet;
import java.util.SplittableRandom;

/** Seeded Gaussian blobs on a dark field: learnable structure, unlike white noise, and quick to train on. */
public final class Blobs {
    private Blobs() { }

    public static ImageSet images(int count, int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[count * side * side];
        for (int n = 0; n < count; n++) {
            double cy = r.nextDouble() * side, cx = r.nextDouble() * side, s = 1.5 + r.nextDouble() * 3;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    px[(n * side + y) * side + x] = (float) Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (2 * s * s));
                }
            }
        }
        return new ImageSet(count, side, side, px, null);
    }
}
