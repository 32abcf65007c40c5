package com.daeworkbench.core.train;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.ClassicFilters;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.DenoisingModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a model on a test set the way the reference does (mean PSNR over images, data range
 * 1), beside the noisy input and the best plain filters, so every report says what the
 * network adds over a median or Gaussian filter.
 */
public final class Evaluator {
    private static final int CHUNK = 256;
    /** images the classic filters are tuned on, as in the reference script */
    private static final int TUNE_ON = 500;

    private Evaluator() { }

    public static float[] denoiseAll(DenoisingModel model, ImageSet noisy) {
        int pixels = noisy.pixelsPerImage();
        float[] out = new float[noisy.count() * pixels];
        for (int from = 0; from < noisy.count(); from += CHUNK) {
            int n = Math.min(CHUNK, noisy.count() - from);
            float[] in = java.util.Arrays.copyOfRange(noisy.pixels(), from * pixels, (from + n) * pixels);
            System.arraycopy(model.denoise(in, n, noisy.height(), noisy.width()), 0, out, from * pixels, n * pixels);
        }
        return out;
    }

    /** Keys use snake_case: they are the CLI's JSON. */
    public static Map<String, Double> evaluate(DenoisingModel model, ImageSet clean, ImageSet noisy) {
        float[] denoised = denoiseAll(model, noisy);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("psnr_noisy", Metrics.meanPsnr(clean, noisy.pixels()));
        m.put("psnr_denoised", Metrics.meanPsnr(clean, denoised));
        m.put("ssim_noisy", Metrics.meanSsim(clean, noisy.pixels()));
        m.put("ssim_denoised", Metrics.meanSsim(clean, denoised));
        m.put("rmse_noisy", Metrics.rmse(clean, noisy.pixels()));
        m.put("rmse_denoised", Metrics.rmse(clean, denoised));
        ClassicFilters.Baseline median = ClassicFilters.bestMedian(noisy, clean, TUNE_ON);
        ClassicFilters.Baseline gaussian = ClassicFilters.bestGaussian(noisy, clean, TUNE_ON);
        m.put("psnr_median", median.psnr());
        m.put("ssim_median", median.ssim());
        m.put("psnr_gaussian", gaussian.psnr());
        m.put("ssim_gaussian", gaussian.ssim());
        m.put("psnr_best_classic", Math.max(median.psnr(), gaussian.psnr()));
        m.put("test_images", (double) clean.count());
        return m;
    }
}
