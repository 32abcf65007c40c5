package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.DenoisingModel;

/**
 * The bottleneck of a set of images as 2-D points for a scatter plot: the code itself when
 * it has two values, otherwise its first two principal components.
 *
 * @param x, y          one point per image
 * @param labels        one label per image, or null
 * @param method        "code" or "pca"
 * @param explained     the share of the code's variance each axis shows (1, 1 for a 2-D code)
 */
public record LatentProjection(float[] x, float[] y, int[] labels, int codeSize, String method, double[] explained) {

    public static LatentProjection of(DenoisingModel model, ImageSet images, long seed) throws InterruptedException {
        if (images.count() < 2) throw new IllegalArgumentException("a scatter needs at least 2 images, got " + images.count());
        float[] codes = PretrainEvaluation.encodeAll(model, images);
        int d = codes.length / images.count();
        int n = images.count();
        int[] labels = null;
        if (images.hasLabels()) {
            labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = images.label(i);
        }
        float[] x = new float[n], y = new float[n];
        if (d <= 2) {
            for (int i = 0; i < n; i++) {
                x[i] = codes[i * d];
                y[i] = d == 2 ? codes[i * d + 1] : 0;
            }
            return new LatentProjection(x, y, labels, d, "code", new double[] {1, d == 2 ? 1 : 0});
        }
        Pca pca = Pca.fit(codes, n, d, 2, seed);
        float[] p = pca.project(codes, n);
        for (int i = 0; i < n; i++) {
            x[i] = p[2 * i];
            y[i] = p[2 * i + 1];
        }
        return new LatentProjection(x, y, labels, d, "pca", pca.explainedVarianceRatio());
    }
}
