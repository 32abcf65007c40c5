package com.daeworkbench.core.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.data.SampleShape;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.train.TrainingEvent.EpochDone;
import com.daeworkbench.core.train.TrainingEvent.Samples;

/** The fixed validation set of a run (noise drawn once), its preview rows and its scores. */
final class Validation {
    private static final int CHUNK = 256;
    private final DenoisingModel model;
    private final ImageSet clean;
    private final ImageSet noisy;
    private final int previewCount;
    private final SampleShape shape;

    Validation(DenoisingModel model, Dataset data, Corruption corruption, Trainer.Options options) {
        this.model = model;
        this.shape = data.shape();
        int n = options.validationLimit() == 0 ? data.test().count() : Math.min(options.validationLimit(), data.test().count());
        this.clean = data.test().slice(0, n);
        this.noisy = data.hasPairs() ? data.testNoisy().slice(0, n)
                : Corruptions.corruptSet(clean, corruption, options.noiseSeed() + 1);
        this.previewCount = Math.min(options.previewCount(), n);
    }

    int size() { return clean.count(); }

    /** The first few noisy validation images, the same at every step: what an inspected step runs forward. */
    com.daeworkbench.core.model.Probe probe(int chosen) {
        int count = Math.min(Diagnostics.PROBE_IMAGES, noisy.count());
        float[] images = java.util.Arrays.copyOf(noisy.pixels(), count * noisy.pixelsPerImage());
        return new com.daeworkbench.core.model.Probe(images, count, Math.min(chosen, count - 1));
    }

    Samples preview() {
        return Previews.of(model, clean, noisy, previewCount);
    }

    EpochDone score(int epoch, int iteration, double trainLoss) {
        int pixels = clean.pixelsPerImage();
        float[] denoised = new float[clean.count() * pixels];
        double lossSum = 0;
        for (int from = 0; from < clean.count(); from += CHUNK) {
            int n = Math.min(CHUNK, clean.count() - from);
            float[] in = java.util.Arrays.copyOfRange(noisy.pixels(), from * pixels, (from + n) * pixels);
            float[] ref = java.util.Arrays.copyOfRange(clean.pixels(), from * pixels, (from + n) * pixels);
            lossSum += model.loss(in, ref, n) * n;
            System.arraycopy(model.denoise(in, n, clean.height(), clean.width()), 0, denoised, from * pixels, n * pixels);
        }
        double loss = lossSum / clean.count();
        // the metrics of the data: image quality for images, the error in scaled units for table rows
        return shape.match(
                image -> new EpochDone(epoch, iteration, trainLoss, loss, Metrics.meanPsnr(clean, denoised),
                        Metrics.meanSsim(clean, denoised), preview()),
                features -> new EpochDone(epoch, iteration, trainLoss, loss, Double.NaN, Double.NaN,
                        preview(), Metrics.rmsePresent(clean.pixels(), denoised)));
    }
}
