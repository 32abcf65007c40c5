package com.daeworkbench.core.metrics;

import com.daeworkbench.core.data.ImageSet;

/**
 * Image quality as the reference computes it: PSNR per image with data range 1 and the MSE
 * clamped at 1e-10, averaged over images; SSIM after Wang et al. (2004) with an 11x11
 * Gaussian window, sigma 1.5, K1 0.01, K2 0.03; RMSE over all pixels of a set.
 */
public final class Metrics {
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final float[] WINDOW = gaussianKernel(11, 1.5);

    private Metrics() { }

    public static double mse(float[] clean, float[] est, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            double d = clean[i] - est[i];
            sum += d * d;
        }
        return sum / length;
    }

    public static double psnr(float[] clean, float[] est, int offset, int length) {
        return 10 * Math.log10(1.0 / Math.max(1e-10, mse(clean, est, offset, length)));
    }

    /** Mean of per-image PSNRs; {@code estimates} holds the set's images in the same layout. */
    public static double meanPsnr(ImageSet clean, float[] estimates) {
        int n = clean.pixelsPerImage();
        double sum = 0;
        for (int i = 0; i < clean.count(); i++) sum += psnr(clean.pixels(), estimates, i * n, n);
        return sum / clean.count();
    }

    public static double rmse(ImageSet clean, float[] estimates) {
        return Math.sqrt(mse(clean.pixels(), estimates, 0, clean.pixels().length));
    }

    /**
     * RMSE over the cells whose reference is present (not NaN): a table's score, where missing
     * cells have no truth to compare with. NaN when no cell is present.
     */
    public static double rmsePresent(float[] reference, float[] estimates) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < reference.length; i++) {
            if (Float.isNaN(reference[i])) continue;
            double d = reference[i] - estimates[i];
            sum += d * d;
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }

    public static double meanSsim(ImageSet clean, float[] estimates) {
        int n = clean.pixelsPerImage();
        double sum = 0;
        for (int i = 0; i < clean.count(); i++) sum += ssim(clean.pixels(), estimates, i * n, clean.height(), clean.width());
        return sum / clean.count();
    }

    /** SSIM of one image at {@code offset}; windows are clipped at the borders (weights renormalised). */
    public static double ssim(float[] a, float[] b, int offset, int h, int w) {
        float[] muA = blur(a, offset, h, w, false, null, 0);
        float[] muB = blur(b, offset, h, w, false, null, 0);
        float[] aa = blur(a, offset, h, w, true, a, offset);
        float[] bb = blur(b, offset, h, w, true, b, offset);
        float[] ab = blur(a, offset, h, w, true, b, offset);
        double sum = 0;
        for (int i = 0; i < h * w; i++) {
            double ma = muA[i], mb = muB[i];
            double va = aa[i] - ma * ma, vb = bb[i] - mb * mb, cov = ab[i] - ma * mb;
            sum += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
        }
        return sum / (h * w);
    }

    /** Separable Gaussian-weighted local mean of x (or of x*y when {@code product}). */
    private static float[] blur(float[] x, int xo, int h, int w, boolean product, float[] y, int yo) {
        int r = WINDOW.length / 2;
        float[] tmp = new float[h * w];
        float[] tmpW = new float[h * w];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double s = 0, ws = 0;
                for (int k = -r; k <= r; k++) {
                    int c = col + k;
                    if (c < 0 || c >= w) continue;
                    int idx = row * w + c;
                    double v = product ? (double) x[xo + idx] * y[yo + idx] : x[xo + idx];
                    s += WINDOW[k + r] * v;
                    ws += WINDOW[k + r];
                }
                tmp[row * w + col] = (float) (s / ws);
                tmpW[row * w + col] = (float) ws;
            }
        }
        float[] out = new float[h * w];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double s = 0, ws = 0;
                for (int k = -r; k <= r; k++) {
                    int rr = row + k;
                    if (rr < 0 || rr >= h) continue;
                    s += WINDOW[k + r] * tmp[rr * w + col];
                    ws += WINDOW[k + r];
                }
                out[row * w + col] = (float) (s / ws);
            }
        }
        return out;
    }

    static float[] gaussianKernel(int size, double sigma) {
        float[] k = new float[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - size / 2;
            k[i] = (float) Math.exp(-d * d / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < size; i++) k[i] /= sum;
        return k;
    }
}
