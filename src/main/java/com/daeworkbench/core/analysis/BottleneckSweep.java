package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.train.Evaluator;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The rate/quality trade-off of the bottleneck: one small dense autoencoder per code size,
 * each trained for the same budget, its test PSNR (clean input -> reconstruction) against its
 * bytes per image, beside JPEG at matched sizes.
 *
 * <p>Bytes per image = the code size: each code value counted as one byte, i.e. assuming the
 * floats are quantised to 8 bits (the decoder's weights are shared by all images, so not
 * counted). The PSNR is that of the unquantised code: the model has no decode-from-code entry
 * point, so the effect of the 8-bit rounding is not measured. JPEG sizes are the per-image
 * payload, see {@link JpegBaseline}.
 */
public final class BottleneckSweep {

    /**
     * @param bottlenecks code sizes, e.g. {2, 4, 8, 16, 32, 64}
     * @param epochs      training budget of every point
     * @param trainLimit  train on the first N training images (0: all)
     * @param testLimit   score on the first N test images (0: all)
     * @param seed        seeds weights, data order and noise of every point
     */
    public record Options(int[] bottlenecks, int epochs, int trainLimit, int testLimit, long seed) {
        public Options {
            if (bottlenecks.length == 0) throw new IllegalArgumentException("no bottleneck size given");
            for (int b : bottlenecks) if (b < 1 || b > 4096) throw new IllegalArgumentException("bottleneck must be in 1..4096, got " + b);
            if (epochs < 1) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
            if (trainLimit < 0 || testLimit < 0) throw new IllegalArgumentException("limits must not be negative");
            bottlenecks = bottlenecks.clone();
        }

        public static Options defaults() {
            return new Options(new int[] {2, 4, 8, 16, 32, 64}, 3, 0, 1000, 1);
        }
    }

    /**
     * One point of the sweep and its JPEG match.
     *
     * @param bytesPerImage    the code size (one byte per value after 8-bit quantisation)
     * @param psnr             mean test PSNR of the autoencoder, dB
     * @param jpegQuality      the ImageIO quality whose mean payload is nearest to {@code bytesPerImage}
     * @param jpegPayloadBytes that quality's mean payload per image (tables and markers not counted)
     * @param jpegFileBytes    the mean size of the whole file
     * @param jpegPsnr         the decoded JPEG's mean test PSNR, dB
     */
    public record Point(int bottleneck, int bytesPerImage, double psnr, double jpegQuality, double jpegPayloadBytes,
                        double jpegFileBytes, double jpegPsnr, long parameters, long trainMillis) { }

    /** All points, and the whole JPEG curve for the chart. */
    public record Result(List<Point> points, List<JpegBaseline.Point> jpegCurve, String corruption, int testImages) { }

    private BottleneckSweep() { }

    /**
     * Trains and scores every point in turn on the caller's thread.
     *
     * @param corruption the noise the points train with; null trains plain autoencoders (input = target)
     * @param onPoint    called with each finished point
     * @throws InterruptedException when the thread is interrupted (checked between batches)
     */
    public static Result run(Dataset data, Corruption corruption, Options options, Consumer<Point> onPoint, Progress progress)
            throws InterruptedException {
        if (data.hasPairs()) throw new IllegalArgumentException(data.name() + " holds noisy/clean pairs: the sweep needs clean images");
        ImageSet train = options.trainLimit() > 0 ? data.train().slice(0, Math.min(options.trainLimit(), data.train().count())) : data.train();
        ImageSet test = options.testLimit() > 0 ? data.test().slice(0, Math.min(options.testLimit(), data.test().count())) : data.test();
        Dataset sized = Dataset.clean(data.name(), train, test);
        Corruption noise = corruption != null ? corruption : IDENTITY;
        int points = options.bottlenecks().length;
        // the JPEG side counts as one more point of work
        double share = 1.0 / (points + 1);
        progress.update(0, "JPEG at " + JpegBaseline.DEFAULT_QUALITIES.length + " qualities");
        List<JpegBaseline.Point> jpeg = JpegBaseline.curve(test, JpegBaseline.DEFAULT_QUALITIES);
        progress.update(share, "JPEG done");
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            Progress.checkInterrupted();
            int b = options.bottlenecks()[k];
            ArchitectureSpec spec = specFor(data.height(), data.width(), b, options.seed());
            double base = share * (k + 1);
            String what = "bottleneck " + b + " (" + (k + 1) + "/" + points + ")";
            long t0 = System.nanoTime();
            try (DenoisingModel model = Models.create(spec)) {
                Trainer trainer = new Trainer(model, sized, noise, new Trainer.Options(options.epochs(), 0, 0, 200, options.seed()));
                TrainingResult result = trainer.run(e -> {
                    if (e instanceof TrainingEvent.IterationDone it) progress.update(base + share * it.progress() * 0.95, what);
                });
                Progress.checkInterrupted();
                if (result.outcome() != TrainingEvent.Outcome.COMPLETED) {
                    throw new IllegalStateException(what + ": " + result.message());
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                double psnr = Metrics.meanPsnr(test, Evaluator.denoiseAll(model, test));
                JpegBaseline.Point match = JpegBaseline.nearest(jpeg, b);
                Point p = new Point(b, b, psnr, match.quality(), match.meanPayloadBytes(), match.meanFileBytes(), match.psnr(),
                        model.parameterCount(), millis);
                out.add(p);
                onPoint.accept(p);
                progress.update(base + share, what + " done");
            }
        }
        return new Result(List.copyOf(out), jpeg, corruption == null ? "none" : corruption.spec(), test.count());
    }

    /** The network of one point: the default dense autoencoder with the given bottleneck. */
    public static ArchitectureSpec specFor(int height, int width, int bottleneck, long seed) {
        ArchitectureSpec d = ArchitectureSpec.defaults(ArchitectureSpec.Kind.DENSE, height, width);
        return new ArchitectureSpec(d.kind(), d.inputHeight(), d.inputWidth(), d.layers(), d.width(), bottleneck,
                d.activation(), d.loss(), d.optimizer(), d.learningRate(), d.batchSize(), d.weightDecay(), seed);
    }

    /** No corruption: the input is the target (a plain autoencoder). */
    static final Corruption IDENTITY = new Corruption() {
        @Override
        public void apply(float[] src, int srcOffset, float[] dst, int dstOffset, int length, SplittableRandom rng) {
            System.arraycopy(src, srcOffset, dst, dstOffset, length);
        }

        @Override
        public String spec() { return "none"; }
    };

}
