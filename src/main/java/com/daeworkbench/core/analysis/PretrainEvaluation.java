package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Is the trained encoder a useful feature extractor? With the encoder frozen (only its
 * {@code encode} is called: no weight changes), a {@link LinearProbe} is fitted on the codes of
 * a few labelled training images and scored on the test split, beside the same probe on raw
 * pixels and on the codes of an untrained encoder of the same architecture.
 */
public final class PretrainEvaluation {
    private static final int CHUNK = 256;

    /** Test accuracy of the probe with {@code labels} labelled training images, on each feature set. */
    public record Row(int labels, double encoderAccuracy, double pixelAccuracy, double randomEncoderAccuracy) { }

    public record Result(String dataset, int testImages, int codeSize, int classes, long randomEncoderSeed, List<Row> rows) { }

    private PretrainEvaluation() { }

    public static Result run(DenoisingModel model, Dataset labelled, int[] labelBudgets, long seed) throws InterruptedException {
        return run(model, labelled, labelBudgets, seed, 0, LinearProbe.Options.defaults(), Progress.NONE);
    }

    /**
     * @param labelBudgets labelled training images per probe, e.g. {100, 1000}; drawn class-balanced
     *                     (as even as the classes allow) from the training split by {@code seed}
     * @param testLimit    score on the first N test images (0: all)
     */
    public static Result run(DenoisingModel model, Dataset labelled, int[] labelBudgets, long seed, int testLimit,
                             LinearProbe.Options probe, Progress progress) throws InterruptedException {
        ImageSet train = labelled.train();
        ImageSet test = testLimit > 0 ? labelled.test().slice(0, Math.min(testLimit, labelled.test().count())) : labelled.test();
        if (!train.hasLabels() || !test.hasLabels()) {
            throw new IllegalArgumentException(labelled.name() + " has no labels: pre-training needs a labelled data set");
        }
        if (labelBudgets.length == 0) throw new IllegalArgumentException("no label budget given");
        int maxBudget = Arrays.stream(labelBudgets).max().orElseThrow();
        for (int b : labelBudgets) {
            if (b < 2 || b > train.count()) {
                throw new IllegalArgumentException("a label budget must be in 2.." + train.count() + ", got " + b);
            }
        }
        var spec = model.spec();
        if (!spec.fullyConvolutional() && (train.height() != spec.inputHeight() || train.width() != spec.inputWidth())) {
            throw new IllegalArgumentException("the model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images but " + labelled.name() + " has " + train.height() + "x" + train.width());
        }
        int classes = 0;
        for (int i = 0; i < train.count(); i++) classes = Math.max(classes, train.label(i) + 1);
        for (int i = 0; i < test.count(); i++) classes = Math.max(classes, test.label(i) + 1);
        int[] order = balancedOrder(train, classes, seed);
        ImageSet picked = train.select(Arrays.copyOf(order, maxBudget));
        int[] testLabels = labels(test);

        int steps = labelBudgets.length * 3 + 4;
        int[] done = {0};
        Runnable tick = () -> progress.update((double) ++done[0] / steps, "pre-training probe");
        float[] trainCodes = encodeAll(model, picked);
        tick.run();
        float[] testCodes = encodeAll(model, test);
        tick.run();
        long randomSeed = spec.seed() + 0x5EEDL;
        float[] randomTrainCodes;
        float[] randomTestCodes;
        try (DenoisingModel random = Models.create(spec.withSeed(randomSeed))) {
            randomTrainCodes = encodeAll(random, picked);
            tick.run();
            randomTestCodes = encodeAll(random, test);
            tick.run();
        }
        int codeSize = trainCodes.length / picked.count();
        int px = picked.pixelsPerImage();
        List<Row> rows = new ArrayList<>();
        for (int budget : labelBudgets) {
            int[] y = Arrays.copyOf(labels(picked), budget);
            double encoder = probe(trainCodes, budget, codeSize, y, classes, testCodes, test.count(), testLabels, probe);
            tick.run();
            double pixels = probe(Arrays.copyOf(picked.pixels(), budget * px), budget, px, y, classes,
                    test.pixels(), test.count(), testLabels, probe);
            tick.run();
            double randomEncoder = probe(randomTrainCodes, budget, codeSize, y, classes, randomTestCodes, test.count(),
                    testLabels, probe);
            tick.run();
            rows.add(new Row(budget, encoder, pixels, randomEncoder));
        }
        return new Result(labelled.name(), test.count(), codeSize, classes, randomSeed, List.copyOf(rows));
    }

    private static double probe(float[] trainFeatures, int count, int dimension, int[] labels, int classes,
                                float[] testFeatures, int testCount, int[] testLabels, LinearProbe.Options options)
            throws InterruptedException {
        float[] x = Arrays.copyOf(trainFeatures, count * dimension);
        LinearProbe p = LinearProbe.fit(x, count, dimension, labels, classes, options);
        return p.accuracy(testFeatures, testCount, testLabels);
    }

    /** The codes of every image, {@code codeSize} floats each, in batches; only reads the model. */
    public static float[] encodeAll(DenoisingModel model, ImageSet images) throws InterruptedException {
        int px = images.pixelsPerImage();
        int code = model.codeSize(images.height(), images.width());
        float[] out = new float[images.count() * code];
        for (int from = 0; from < images.count(); from += CHUNK) {
            Progress.checkInterrupted();
            int n = Math.min(CHUNK, images.count() - from);
            float[] in = Arrays.copyOfRange(images.pixels(), from * px, (from + n) * px);
            System.arraycopy(model.encode(in, n, images.height(), images.width()), 0, out, from * code, n * code);
        }
        return out;
    }

    /** A seeded order of the training images that cycles through the classes, so every prefix is nearly balanced. */
    static int[] balancedOrder(ImageSet train, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < train.count(); i++) byClass.get(train.label(i)).add(i);
        for (List<Integer> members : byClass) {
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
        }
        int[] order = new int[train.count()];
        int k = 0;
        for (int round = 0; k < order.length; round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size()) order[k++] = members.get(round);
            }
        }
        return order;
    }

    private static int[] labels(ImageSet images) {
        int[] y = new int[images.count()];
        for (int i = 0; i < y.length; i++) y[i] = images.label(i);
        return y;
    }
}
