package com.daeworkbench.core.analysis;

/**
 * Multinomial logistic regression (softmax) in plain Java: features standardised on the
 * training rows, L2 penalty on the weights (not the biases), full-batch Adam from zero
 * weights. The problem is convex and every step is deterministic, so the same data give
 * the same probe.
 */
public final class LinearProbe {

    /**
     * @param l2           penalty on the squared weights, added to the mean cross-entropy
     * @param steps        full-batch gradient steps
     * @param learningRate Adam step size
     */
    public record Options(double l2, int steps, double learningRate) {
        public Options {
            if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must not be negative, got " + l2);
            if (steps < 1) throw new IllegalArgumentException("steps must be positive, got " + steps);
            if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }

        public static Options defaults() {
            return new Options(1e-2, 300, 0.05);
        }
    }

    private final int dimension;
    private final int classes;
    private final double[] mean;
    private final double[] scale;
    /** classes x dimension, then classes biases */
    private final double[] weights;

    private LinearProbe(int dimension, int classes, double[] mean, double[] scale, double[] weights) {
        this.dimension = dimension;
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * Fits a probe on {@code count} rows of {@code dimension} features with labels in 0..classes-1.
     *
     * @throws InterruptedException when the calling thread is interrupted (checked every step)
     */
    public static LinearProbe fit(float[] features, int count, int dimension, int[] labels, int classes, Options options)
            throws InterruptedException {
        if (count < 1 || dimension < 1) throw new IllegalArgumentException("a probe needs at least one row and one feature");
        if ((long) count * dimension != features.length) {
            throw new IllegalArgumentException(features.length + " values are not " + count + " rows of " + dimension);
        }
        if (labels.length != count) throw new IllegalArgumentException(labels.length + " labels for " + count + " rows");
        if (classes < 2) throw new IllegalArgumentException("a probe needs at least 2 classes, got " + classes);
        for (int y : labels) {
            if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " is outside 0.." + (classes - 1));
        }
        double[] mean = new double[dimension];
        double[] scale = new double[dimension];
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) mean[d] += features[n * dimension + d];
        }
        for (int d = 0; d < dimension; d++) mean[d] /= count;
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) {
                double v = features[n * dimension + d] - mean[d];
                scale[d] += v * v;
            }
        }
        for (int d = 0; d < dimension; d++) {
            double sd = Math.sqrt(scale[d] / count);
            scale[d] = sd > 1e-6 ? 1 / sd : 0; // a constant feature carries nothing: weight it 0
        }
        double[] x = new double[count * dimension];
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) {
                x[n * dimension + d] = (features[n * dimension + d] - mean[d]) * scale[d];
            }
        }
        int biasAt = classes * dimension;
        double[] w = new double[biasAt + classes];
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] grad = new double[w.length];
        double[] p = new double[classes];
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (int step = 1; step <= options.steps(); step++) {
            Progress.checkInterrupted();
            java.util.Arrays.fill(grad, 0);
            for (int n = 0; n < count; n++) {
                int base = n * dimension;
                softmax(x, base, dimension, classes, w, p);
                p[labels[n]] -= 1;
                for (int c = 0; c < classes; c++) {
                    double g = p[c] / count;
                    if (g == 0) continue;
                    int row = c * dimension;
                    for (int d = 0; d < dimension; d++) grad[row + d] += g * x[base + d];
                    grad[biasAt + c] += g;
                }
            }
            for (int i = 0; i < biasAt; i++) grad[i] += 2 * options.l2() * w[i];
            double lr = options.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
            for (int i = 0; i < w.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
                v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
                w[i] -= lr * m[i] / (Math.sqrt(v[i]) + eps);
            }
        }
        return new LinearProbe(dimension, classes, mean, scale, w);
    }

    public int dimension() { return dimension; }

    public int classes() { return classes; }

    /** The most probable class of each row. */
    public int[] predict(float[] features, int count) {
        if ((long) count * dimension != features.length) {
            throw new IllegalArgumentException(features.length + " values are not " + count + " rows of " + dimension);
        }
        int[] out = new int[count];
        double[] row = new double[dimension];
        double[] p = new double[classes];
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) row[d] = (features[n * dimension + d] - mean[d]) * scale[d];
            softmax(row, 0, dimension, classes, weights, p);
            int best = 0;
            for (int c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
            out[n] = best;
        }
        return out;
    }

    /** The share of rows whose predicted class is their label. */
    public double accuracy(float[] features, int count, int[] labels) {
        int[] predicted = predict(features, count);
        int right = 0;
        for (int n = 0; n < count; n++) if (predicted[n] == labels[n]) right++;
        return count == 0 ? 0 : (double) right / count;
    }

    private static void softmax(double[] x, int base, int dimension, int classes, double[] w, double[] out) {
        int biasAt = classes * dimension;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = w[biasAt + c];
            int row = c * dimension;
            for (int d = 0; d < dimension; d++) s += w[row + d] * x[base + d];
            out[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) out[c] /= sum;
    }
}
