package com.daeworkbench.core.analysis;

import java.util.SplittableRandom;

/**
 * Principal components of N row vectors of D values (codes: D up to a few thousand) by power
 * iteration on the centred data, never forming the D x D covariance: each step is
 * v <- X^T X v (2ND operations), orthogonalised against the components already found
 * (deflation). Deterministic for a seed.
 */
public final class Pca {
    private static final int MAX_ITERATIONS = 2000;
    private static final double TOLERANCE = 1e-10;

    private final int dimension;
    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;

    private Pca(int dimension, double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.dimension = dimension;
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /**
     * The top {@code k} components of {@code count} rows of {@code dimension} values, row after row.
     *
     * @throws InterruptedException when the calling thread is interrupted (checked every iteration)
     */
    public static Pca fit(float[] rows, int count, int dimension, int k, long seed) throws InterruptedException {
        if (count < 1 || dimension < 1) throw new IllegalArgumentException("PCA needs at least one row and one column");
        if ((long) count * dimension != rows.length) {
            throw new IllegalArgumentException(rows.length + " values are not " + count + " rows of " + dimension);
        }
        if (k < 1 || k > dimension) throw new IllegalArgumentException("k must be in 1.." + dimension + ", got " + k);
        double[] mean = new double[dimension];
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) mean[d] += rows[n * dimension + d];
        }
        for (int d = 0; d < dimension; d++) mean[d] /= count;
        double[] centred = new double[rows.length];
        double total = 0;
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < dimension; d++) {
                double v = rows[n * dimension + d] - mean[d];
                centred[n * dimension + d] = v;
                total += v * v;
            }
        }
        double denominator = Math.max(1, count - 1);
        total /= denominator;
        double[][] components = new double[k][];
        double[] variances = new double[k];
        SplittableRandom random = new SplittableRandom(seed);
        double[] projected = new double[count];
        for (int c = 0; c < k; c++) {
            double[] v = new double[dimension];
            for (int d = 0; d < dimension; d++) v[d] = random.nextDouble() - 0.5;
            orthogonalise(v, components, c);
            normalise(v);
            double eigen = 0;
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                Progress.checkInterrupted();
                double[] w = covarianceTimes(centred, count, dimension, v, projected, denominator);
                orthogonalise(w, components, c);
                eigen = norm(w);
                if (eigen == 0) break; // no variance left: any unit vector orthogonal to the others will do
                for (int d = 0; d < dimension; d++) w[d] /= eigen;
                double change = 0;
                for (int d = 0; d < dimension; d++) change += (w[d] - v[d]) * (w[d] - v[d]);
                v = w;
                if (change < TOLERANCE) break;
            }
            // a fixed sign: the largest entry is positive, so the same data give the same picture
            int largest = 0;
            for (int d = 1; d < dimension; d++) if (Math.abs(v[d]) > Math.abs(v[largest])) largest = d;
            if (v[largest] < 0) for (int d = 0; d < dimension; d++) v[d] = -v[d];
            components[c] = v;
            variances[c] = eigen;
        }
        return new Pca(dimension, mean, components, variances, total);
    }

    public int dimension() { return dimension; }

    public int components() { return components.length; }

    /** Component {@code c} as a unit vector (a copy). */
    public double[] component(int c) { return components[c].clone(); }

    /** The variance along each component (eigenvalues of the sample covariance), largest first. */
    public double[] variances() { return variances.clone(); }

    /** Each component's share of the total variance. */
    public double[] explainedVarianceRatio() {
        double[] r = new double[variances.length];
        for (int c = 0; c < r.length; c++) r[c] = totalVariance == 0 ? 0 : variances[c] / totalVariance;
        return r;
    }

    public double[] mean() { return mean.clone(); }

    /** The coordinates of each row on the components: {@code count x components()} values, row after row. */
    public float[] project(float[] rows, int count) {
        if ((long) count * dimension != rows.length) {
            throw new IllegalArgumentException(rows.length + " values are not " + count + " rows of " + dimension);
        }
        int k = components.length;
        float[] out = new float[count * k];
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                double[] v = components[c];
                for (int d = 0; d < dimension; d++) s += (rows[n * dimension + d] - mean[d]) * v[d];
                out[n * k + c] = (float) s;
            }
        }
        return out;
    }

    /** (X^T X v) / denominator for the centred rows X. */
    private static double[] covarianceTimes(double[] x, int count, int dimension, double[] v, double[] xv, double denominator) {
        for (int n = 0; n < count; n++) {
            double s = 0;
            int base = n * dimension;
            for (int d = 0; d < dimension; d++) s += x[base + d] * v[d];
            xv[n] = s;
        }
        double[] w = new double[dimension];
        for (int n = 0; n < count; n++) {
            double a = xv[n];
            if (a == 0) continue;
            int base = n * dimension;
            for (int d = 0; d < dimension; d++) w[d] += a * x[base + d];
        }
        for (int d = 0; d < dimension; d++) w[d] /= denominator;
        return w;
    }

    private static void orthogonalise(double[] v, double[][] found, int count) {
        for (int c = 0; c < count; c++) {
            double dot = 0;
            for (int d = 0; d < v.length; d++) dot += v[d] * found[c][d];
            for (int d = 0; d < v.length; d++) v[d] -= dot * found[c][d];
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    private static void normalise(double[] v) {
        double n = norm(v);
        if (n > 0) for (int d = 0; d < v.length; d++) v[d] /= n;
    }
}
