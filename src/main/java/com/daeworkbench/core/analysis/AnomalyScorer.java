package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scores images by how badly a trained denoiser rebuilds them: a model trained on one kind
 * of image rebuilds that kind well and anything else worse. Scores that only need the
 * reconstruction of the clean input share one pass over the model; {@link Score#CORRUPTED_MSE}
 * adds one pass per noise draw. Runs on the caller's thread, checks for interruption between
 * batches.
 */
public final class AnomalyScorer {

    /**
     * @param batchSize images per model call
     * @param draws     noise draws averaged by {@link Score#CORRUPTED_MSE}
     * @param seed      seeds those draws (image i, draw j get their own stream: batching does not matter)
     * @param quantile  the per-pixel error quantile of {@link Score#QUANTILE}, in (0, 1]
     */
    public record Options(int batchSize, int draws, long seed, double quantile) {
        public Options {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            if (draws < 1) throw new IllegalArgumentException("draws must be positive, got " + draws);
            if (!(quantile > 0 && quantile <= 1)) throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
        }

        public static Options defaults() {
            return new Options(256, 4, 20_240_901L, 0.99);
        }
    }

    private final Corruption corruption;
    private final Options options;

    /** @param trainingCorruption the noise the model was trained with; null when unknown (then CORRUPTED_MSE is refused) */
    public AnomalyScorer(Corruption trainingCorruption, Options options) {
        this.corruption = trainingCorruption;
        this.options = options;
    }

    public AnomalyScorer(Corruption trainingCorruption) {
        this(trainingCorruption, Options.defaults());
    }

    /** The scores this scorer can compute (all but CORRUPTED_MSE when no corruption is known). */
    public Set<Score> available() {
        EnumSet<Score> s = EnumSet.allOf(Score.class);
        if (corruption == null) s.removeIf(Score::needsCorruption);
        return s;
    }

    /** One score per image. */
    public double[] score(DenoisingModel model, ImageSet images, Score score) throws InterruptedException {
        return score(model, images, EnumSet.of(score), Progress.NONE).get(score);
    }

    /** Several scores per image from shared reconstructions; progress runs from 0 to 1. */
    public Map<Score, double[]> score(DenoisingModel model, ImageSet images, Set<Score> scores, Progress progress)
            throws InterruptedException {
        if (scores.isEmpty()) throw new IllegalArgumentException("no score chosen");
        for (Score s : scores) {
            if (s.needsCorruption() && corruption == null) {
                throw new IllegalArgumentException(s.key() + " needs the corruption the model was trained with, and it is not known");
            }
        }
        checkSize(model, images);
        int count = images.count(), h = images.height(), w = images.width(), px = images.pixelsPerImage();
        Map<Score, double[]> out = new EnumMap<>(Score.class);
        for (Score s : scores) out.put(s, new double[count]);
        boolean plain = scores.stream().anyMatch(s -> !s.needsCorruption());
        boolean corrupted = scores.contains(Score.CORRUPTED_MSE);
        int passes = (plain ? 1 : 0) + (corrupted ? options.draws() : 0);
        int done = 0;
        float[] noisy = corrupted ? new float[Math.min(options.batchSize(), Math.max(1, count)) * px] : null;
        double[] errors = new double[px];
        for (int from = 0; from < count; from += options.batchSize()) {
            Progress.checkInterrupted();
            int n = Math.min(options.batchSize(), count - from);
            float[] clean = Arrays.copyOfRange(images.pixels(), from * px, (from + n) * px);
            if (plain) {
                float[] rebuilt = model.denoise(clean, n, h, w);
                for (int i = 0; i < n; i++) {
                    int at = i * px;
                    if (out.containsKey(Score.MSE)) out.get(Score.MSE)[from + i] = Metrics.mse(clean, rebuilt, at, px);
                    if (out.containsKey(Score.SSIM)) out.get(Score.SSIM)[from + i] = 1 - Metrics.ssim(clean, rebuilt, at, h, w);
                    if (out.containsKey(Score.QUANTILE)) {
                        out.get(Score.QUANTILE)[from + i] = errorQuantile(clean, rebuilt, at, px, options.quantile(), errors);
                    }
                }
                progress.update((double) ++done / (passes * ((count + options.batchSize() - 1) / options.batchSize())), "scoring");
            }
            if (corrupted) {
                double[] sums = out.get(Score.CORRUPTED_MSE);
                for (int draw = 0; draw < options.draws(); draw++) {
                    Progress.checkInterrupted();
                    for (int i = 0; i < n; i++) {
                        corruption.apply(clean, i * px, noisy, i * px, px, stream(from + i, draw));
                    }
                    float[] rebuilt = model.denoise(Arrays.copyOf(noisy, n * px), n, h, w);
                    for (int i = 0; i < n; i++) sums[from + i] += Metrics.mse(clean, rebuilt, i * px, px) / options.draws();
                    progress.update((double) ++done / (passes * ((count + options.batchSize() - 1) / options.batchSize())), "scoring");
                }
            }
        }
        return out;
    }

    /** Scores both sets and compares them: the test set holds the anomalies. */
    public AnomalyReport evaluate(DenoisingModel model, ImageSet normal, ImageSet test, Score score) throws InterruptedException {
        return evaluate(model, normal, test, EnumSet.of(score), Progress.NONE).get(score);
    }

    /** One report per score, in the enum's order; progress runs from 0 to 1 over both sets. */
    public Map<Score, AnomalyReport> evaluate(DenoisingModel model, ImageSet normal, ImageSet test, Set<Score> scores,
                                             Progress progress) throws InterruptedException {
        double share = (double) normal.count() / Math.max(1, normal.count() + test.count());
        Map<Score, double[]> a = score(model, normal, scores, (f, m) -> progress.update(f * share, "scoring the normal images"));
        Map<Score, double[]> b = score(model, test, scores,
                (f, m) -> progress.update(share + f * (1 - share), "scoring the test images"));
        Map<Score, AnomalyReport> reports = new LinkedHashMap<>();
        for (Score s : Score.values()) {
            if (scores.contains(s)) reports.put(s, AnomalyReport.of(s, a.get(s), b.get(s)));
        }
        return reports;
    }

    private SplittableRandom stream(int image, int draw) {
        return new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (image + 1L)) ^ (0xC2B2AE3D27D4EB4FL * (draw + 1L)));
    }

    /** The {@code q} quantile (nearest rank) of the per-pixel squared errors. */
    static double errorQuantile(float[] a, float[] b, int at, int length, double q, double[] scratch) {
        for (int k = 0; k < length; k++) {
            double d = a[at + k] - b[at + k];
            scratch[k] = d * d;
        }
        Arrays.sort(scratch, 0, length);
        int rank = (int) Math.ceil(q * length) - 1;
        return scratch[Math.max(0, Math.min(length - 1, rank))];
    }

    private static void checkSize(DenoisingModel model, ImageSet images) {
        var spec = model.spec();
        if (!spec.fullyConvolutional() && (images.height() != spec.inputHeight() || images.width() != spec.inputWidth())) {
            throw new IllegalArgumentException("the model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images but these are " + images.height() + "x" + images.width());
        }
    }
}
