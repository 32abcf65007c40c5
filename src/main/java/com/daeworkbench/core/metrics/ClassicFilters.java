package com.daeworkbench.core.metrics;

import com.daeworkbench.core.data.ImageSet;
import java.util.Arrays;

/**
 * The plain filters every report compares the network with, borders reflected like scipy's
 * default mode; the best parameter is chosen on the first images, as the reference does.
 */
public final class ClassicFilters {
    private static final int[] MEDIAN_SIZES = {3, 5};
    private static final double[] GAUSSIAN_SIGMAS = {0.5, 0.8, 1.0, 1.5};

    private ClassicFilters() { }

    public record Baseline(String name, String parameter, double psnr, double ssim) { }

    public static float[] median(float[] img, int h, int w, int size) {
        int r = size / 2;
        float[] out = new float[h * w];
        float[] window = new float[size * size];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = 0;
                for (int dy = -r; dy <= r; dy++) {
                    int yy = reflect(y + dy, h);
                    for (int dx = -r; dx <= r; dx++) window[k++] = img[yy * w + reflect(x + dx, w)];
                }
                Arrays.sort(window);
                out[y * w + x] = window[window.length / 2];
            }
        }
        return out;
    }

    public static float[] gaussian(float[] img, int h, int w, double sigma) {
        int r = (int) Math.ceil(4 * sigma);
        float[] k = Metrics.gaussianKernel(2 * r + 1, sigma);
        float[] tmp = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int d = -r; d <= r; d++) s += k[d + r] * img[y * w + reflect(x + d, w)];
                tmp[y * w + x] = (float) s;
            }
        }
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int d = -r; d <= r; d++) s += k[d + r] * tmp[reflect(y + d, h) * w + x];
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    /** scipy's 'reflect': (d c b a | a b c d | d c b a). */
    static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    public static Baseline bestMedian(ImageSet noisy, ImageSet clean, int tuneOn) {
        Baseline best = null;
        for (int size : MEDIAN_SIZES) {
            Baseline b = tuneAndScore("median", size + "x" + size, noisy, clean, tuneOn,
                    img -> median(img, noisy.height(), noisy.width(), size));
            if (best == null || b.psnr() > best.psnr()) best = b;
        }
        return rescore(best, noisy, clean);
    }

    public static Baseline bestGaussian(ImageSet noisy, ImageSet clean, int tuneOn) {
        Baseline best = null;
        for (double sigma : GAUSSIAN_SIGMAS) {
            Baseline b = tuneAndScore("gaussian", "sigma " + sigma, noisy, clean, tuneOn,
                    img -> gaussian(img, noisy.height(), noisy.width(), sigma));
            if (best == null || b.psnr() > best.psnr()) best = b;
        }
        return rescore(best, noisy, clean);
    }

    /** The better of the best median and the best Gaussian. */
    public static Baseline best(ImageSet noisy, ImageSet clean, int tuneOn) {
        Baseline m = bestMedian(noisy, clean, tuneOn);
        Baseline g = bestGaussian(noisy, clean, tuneOn);
        return m.psnr() >= g.psnr() ? m : g;
    }

    /** Applies the named filter with the chosen parameter to every image of a set. */
    public static float[] apply(Baseline b, ImageSet noisy) {
        return filterAll(noisy, noisy.count(), filterOf(b, noisy.height(), noisy.width()));
    }

    private static java.util.function.UnaryOperator<float[]> filterOf(Baseline b, int h, int w) {
        if (b.name().equals("median")) {
            int size = Integer.parseInt(b.parameter().substring(0, b.parameter().indexOf('x')));
            return img -> median(img, h, w, size);
        }
        double sigma = Double.parseDouble(b.parameter().substring("sigma ".length()));
        return img -> gaussian(img, h, w, sigma);
    }

    private static Baseline tuneAndScore(String name, String parameter, ImageSet noisy, ImageSet clean, int tuneOn,
                                         java.util.function.UnaryOperator<float[]> filter) {
        int n = Math.min(tuneOn, noisy.count());
        float[] out = filterAll(noisy, n, filter);
        ImageSet cleanPart = clean.count() == n ? clean : clean.slice(0, n);
        return new Baseline(name, parameter, Metrics.meanPsnr(cleanPart, out), Double.NaN);
    }

    private static Baseline rescore(Baseline chosen, ImageSet noisy, ImageSet clean) {
        float[] out = apply(chosen, noisy);
        return new Baseline(chosen.name(), chosen.parameter(), Metrics.meanPsnr(clean, out), Metrics.meanSsim(clean, out));
    }

    private static float[] filterAll(ImageSet set, int count, java.util.function.UnaryOperator<float[]> filter) {
        int n = set.pixelsPerImage();
        float[] out = new float[count * n];
        for (int i = 0; i < count; i++) System.arraycopy(filter.apply(set.image(i)), 0, out, i * n, n);
        return out;
    }
}
