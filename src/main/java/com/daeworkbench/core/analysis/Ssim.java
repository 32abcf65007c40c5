package com.daeworkbench.core.analysis;

/**
 * Structural similarity of one image pair, as scikit-image computes it by default: a 7x7
 * uniform window, sample covariances, K1 = 0.01, K2 = 0.03, data range 1, averaged over the
 * windows that fit inside the image. The analysis needs the map-level detail of a single
 * pair (per-window values), which is why it has its own small implementation.
 */
final class Ssim {
    static final int WINDOW = 7;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private Ssim() { }

    /** Mean SSIM of {@code a} and {@code b} at the same offset, images of h x w (smaller than 7: whole-image statistics). */
    static double mean(float[] a, int aOffset, float[] b, int bOffset, int h, int w) {
        int win = Math.min(WINDOW, Math.min(h, w));
        int n = win * win;
        double covNorm = n > 1 ? n / (n - 1.0) : 1.0;
        double sum = 0;
        int windows = 0;
        for (int y = 0; y + win <= h; y++) {
            for (int x = 0; x + win <= w; x++) {
                double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
                for (int dy = 0; dy < win; dy++) {
                    int row = (y + dy) * w + x;
                    for (int dx = 0; dx < win; dx++) {
                        double va = a[aOffset + row + dx], vb = b[bOffset + row + dx];
                        sa += va; sb += vb; saa += va * va; sbb += vb * vb; sab += va * vb;
                    }
                }
                double ma = sa / n, mb = sb / n;
                double va = covNorm * (saa / n - ma * ma);
                double vb = covNorm * (sbb / n - mb * mb);
                double cov = covNorm * (sab / n - ma * mb);
                sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                windows++;
            }
        }
        return sum / windows;
    }
}
