package com.daeworkbench.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.daeworkbench.core.data.ImageSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static float[] pattern(int h, int w) {
        float[] x = new float[h * w];
        for (int y = 0; y < h; y++) for (int c = 0; c < w; c++) x[y * w + c] = (float) (0.5 + 0.4 * Math.sin(y * 0.7) * Math.cos(c * 0.5));
        return x;
    }

    @Test
    void psnrOfKnownPairs() {
        float[] a = new float[100];
        float[] b = new float[100];
        Arrays.fill(a, 0.2f);
        Arrays.fill(b, 0.3f);
        assertThat(Metrics.psnr(a, b, 0, 100)).isCloseTo(20.0, offset(1e-4)); // mse 0.01
        assertThat(Metrics.psnr(a, a, 0, 100)).isCloseTo(100.0, offset(1e-9)); // clamped at 1e-10
        assertThat(Metrics.rmse(new ImageSet(1, 10, 10, a, null), b)).isCloseTo(0.1, offset(1e-6));
    }

    @Test
    void meanPsnrAveragesPerImageNotPerPixel() {
        float[] clean = new float[8];
        float[] est = clean.clone();
        est[0] = 0.1f; // image 0: mse 0.0025 (26.02 dB); image 1 perfect (100 dB)
        double mean = Metrics.meanPsnr(new ImageSet(2, 2, 2, clean, null), est);
        assertThat(mean).isCloseTo((10 * Math.log10(1 / 0.0025) + 100) / 2, offset(1e-3));
    }

    @Test
    void ssimIsOneForIdenticalImagesAndFallsWithNoise() {
        float[] x = pattern(28, 28);
        assertThat(Metrics.ssim(x, x, 0, 28, 28)).isCloseTo(1.0, offset(1e-6));
        SplittableRandom r = new SplittableRandom(1);
        float[] small = x.clone(), large = x.clone();
        for (int i = 0; i < x.length; i++) {
            double g = r.nextDouble() - 0.5;
            small[i] += (float) (0.05 * g);
            large[i] += (float) (0.4 * g);
        }
        double s = Metrics.ssim(x, small, 0, 28, 28), l = Metrics.ssim(x, large, 0, 28, 28);
        assertThat(s).isLessThan(1).isGreaterThan(l);
        assertThat(l).isGreaterThan(-1);
    }

    @Test
    void medianFilterRemovesIsolatedSaltAndGaussianKeepsFlatImages() {
        float[] img = new float[81];
        Arrays.fill(img, 0.3f);
        img[40] = 1f;
        float[] m = ClassicFilters.median(img, 9, 9, 3);
        assertThat(m[40]).isEqualTo(0.3f);
        float[] g = ClassicFilters.gaussian(img.clone(), 9, 9, 1.0);
        assertThat(g[40]).isLessThan(1f).isGreaterThan(0.3f);
        float[] flat = new float[81];
        Arrays.fill(flat, 0.6f);
        for (float v : ClassicFilters.gaussian(flat, 9, 9, 1.5)) assertThat(v).isCloseTo(0.6f, offset(1e-5f));
    }

    @Test
    void theBestBaselineBeatsTheNoisyInputOnSaltAndPepper() {
        int n = 20;
        float[] clean = new float[n * 28 * 28];
        for (int i = 0; i < n; i++) System.arraycopy(pattern(28, 28), 0, clean, i * 784, 784);
        float[] noisy = clean.clone();
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < noisy.length; i++) if (r.nextDouble() < 0.1) noisy[i] = r.nextBoolean() ? 0f : 1f;
        ImageSet c = new ImageSet(n, 28, 28, clean, null), z = new ImageSet(n, 28, 28, noisy, null);
        ClassicFilters.Baseline best = ClassicFilters.best(z, c, 10);
        assertThat(best.name()).isEqualTo("median");
        assertThat(best.psnr()).isGreaterThan(Metrics.meanPsnr(c, noisy) + 5);
    }
}
