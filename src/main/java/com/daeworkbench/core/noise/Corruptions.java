package com.daeworkbench.core.noise;

import com.daeworkbench.core.data.ImageSet;
import java.util.SplittableRandom;

/** Whole-set helpers: fixed noise for evaluation, so a seed always gives the same test set. */
public final class Corruptions {
    private Corruptions() { }

    public static ImageSet corruptSet(ImageSet clean, Corruption corruption, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[clean.pixels().length];
        int n = clean.pixelsPerImage();
        for (int i = 0; i < clean.count(); i++) corruption.apply(clean.pixels(), i * n, out, i * n, n, rng);
        return new ImageSet(clean.count(), clean.height(), clean.width(), out, labelsOf(clean));
    }

    private static int[] labelsOf(ImageSet s) {
        if (!s.hasLabels()) return null;
        int[] l = new int[s.count()];
        for (int i = 0; i < l.length; i++) l[i] = s.label(i);
        return l;
    }
}
