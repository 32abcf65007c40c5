package com.daeworkbench.core.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.data.Shuffle;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The learning-rate range test (Smith 2017, as PyTorch Lightning's and fastai's finders run it):
 * one short run from fresh weights whose learning rate grows exponentially from {@code from} to
 * {@code to}, one batch per rate, recording the smoothed loss, until the loss is four times its
 * best or above where it started (training has diverged) or the range ends. Too low a rate and
 * the loss does not move; too high and it explodes. The rate where the smoothed loss fell fastest
 * (PyTorch Lightning's suggestion) is right for a hundred steps, not for a whole run: on the
 * bundled digits it was 8.7e-3 for the conv model, which reached 15.5 dB in 2 epochs (1.3e-2 left
 * its output flat at 10.8 dB), against 16.7 dB at a third of it. The suggestion is that third:
 * 2.9e-3 for conv (1e-3, the default, gave 15.5 dB), 3.1e-4 for dense (11.8 dB; 1e-3: 12.1 dB).
 */
public final class LearningRateFinder {

    /** One step: the rate it trained with, the batch's loss and its exponentially smoothed value. */
    public record Point(double learningRate, double loss, double smoothedLoss) { }

    /** The points in order, the suggested rate, and whether a diverging loss ended the test. */
    public record Result(List<Point> points, double suggestion, boolean diverged) {
        /** The rate whose smoothed loss was lowest. */
        public double lowestLossRate() {
            return points.stream().min(java.util.Comparator.comparingDouble(Point::smoothedLoss)).orElseThrow().learningRate();
        }
    }

    /** The range to sweep and its number of steps. */
    public record Range(double from, double to, int steps) {
        public Range {
            if (!(from > 0) || !(to > from) || steps < 10) {
                throw new IllegalArgumentException("the learning-rate range must run from a positive rate up, in at least 10 steps");
            }
        }

        public static Range defaults() {
            return new Range(1e-6, 1, 100);
        }

        double rate(int step) {
            return from * Math.pow(to / from, step / (double) (steps - 1));
        }
    }

    private static final double SMOOTHING = 0.9;
    private static final double DIVERGED = 4;

    private LearningRateFinder() { }

    /**
     * Runs the test on {@code model} (fresh weights: its weights are spent) with batches of its
     * spec's size drawn from the training split, corrupted by {@code corruption} (null: the data's
     * own noisy/clean pairs). Stops early when {@code cancelled} says so.
     */
    public static Result run(DenoisingModel model, Dataset data, Corruption corruption, Range range, BooleanSupplier cancelled) {
        if (corruption == null && !data.hasPairs()) throw new IllegalArgumentException(data.name() + " has no noisy images: choose a corruption");
        ImageSet train = data.train();
        int batch = Math.min(model.spec().batchSize(), train.count());
        int pixels = train.pixelsPerImage();
        SplittableRandom random = new SplittableRandom(model.spec().seed());
        int[] order = Shuffle.permutation(train.count(), random);
        float[] noisy = new float[batch * pixels], clean = new float[batch * pixels];
        List<Point> points = new ArrayList<>();
        double average = 0, best = Double.POSITIVE_INFINITY;
        int next = 0;
        for (int step = 0; step < range.steps() && !cancelled.getAsBoolean(); step++) {
            for (int k = 0; k < batch; k++) {
                int src = order[next] * pixels;
                next = (next + 1) % train.count();
                System.arraycopy(train.pixels(), src, clean, k * pixels, pixels);
                if (corruption == null) System.arraycopy(data.trainNoisy().pixels(), src, noisy, k * pixels, pixels);
                else corruption.apply(train.pixels(), src, noisy, k * pixels, pixels, random);
            }
            double rate = range.rate(step);
            model.setLearningRate(rate);
            double loss = model.fit(noisy, clean, batch);
            if (!Double.isFinite(loss)) return new Result(points, suggestion(points), true);
            average = SMOOTHING * average + (1 - SMOOTHING) * loss;
            double smoothed = average / (1 - Math.pow(SMOOTHING, step + 1));   // bias-corrected, as Adam's moments
            points.add(new Point(rate, loss, smoothed));
            best = Math.min(best, smoothed);
            // bounded losses (a sigmoid or clamped output) cannot grow fourfold: back above the
            // starting loss is as sure a sign that the rate is too high
            if (step > 5 && (smoothed > DIVERGED * best || smoothed > 1.2 * points.get(0).smoothedLoss())) {
                return new Result(points, suggestion(points), true);
            }
        }
        return new Result(points, suggestion(points), false);
    }

    /**
     * A third of the rate of the steepest fall of the smoothed loss per step (the steps are equal on a log
     * scale), up to its lowest point; the first tenth of the steps is skipped, where the smoothing
     * has little history. NaN with fewer than three points.
     */
    static double suggestion(List<Point> points) {
        if (points.size() < 3) return Double.NaN;
        int lowest = 0;
        for (int i = 1; i < points.size(); i++) if (points.get(i).smoothedLoss() < points.get(lowest).smoothedLoss()) lowest = i;
        int first = Math.max(1, points.size() / 10), steepest = -1;
        double steepestSlope = Double.POSITIVE_INFINITY;
        for (int i = first; i <= Math.min(lowest, points.size() - 2); i++) {
            double slope = points.get(i + 1).smoothedLoss() - points.get(i - 1).smoothedLoss();
            if (slope < steepestSlope) {
                steepestSlope = slope;
                steepest = i;
            }
        }
        return steepest < 0 ? points.get(lowest).learningRate() / 10 : points.get(steepest).learningRate() / 3;
    }
}
