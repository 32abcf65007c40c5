package com.daeworkbench.core.train;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.DenoisingModel;
import java.util.Arrays;

/** Corrupted | reconstructed | clean rows with their PSNRs: what the comparison grid shows. */
public final class Previews {
    private Previews() { }

    /** The first {@code count} images of the sets, denoised by the model. */
    public static TrainingEvent.Samples of(DenoisingModel model, ImageSet clean, ImageSet noisy, int count) {
        int n = Math.min(count, clean.count());
        int pixels = clean.pixelsPerImage();
        float[] in = Arrays.copyOf(noisy.pixels(), n * pixels);
        float[] ref = Arrays.copyOf(clean.pixels(), n * pixels);
        float[] out = model.denoise(in, n, clean.height(), clean.width());
        double[] psnrNoisy = new double[n];
        double[] psnrOut = new double[n];
        for (int i = 0; i < n; i++) {
            psnrNoisy[i] = Metrics.psnr(ref, in, i * pixels, pixels);
            psnrOut[i] = Metrics.psnr(ref, out, i * pixels, pixels);
        }
        return new TrainingEvent.Samples(n, clean.height(), clean.width(), in, out, ref, psnrNoisy, psnrOut);
    }
}
