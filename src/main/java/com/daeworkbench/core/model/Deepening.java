package com.daeworkbench.core.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained residual model grown by identity layers (Net2DeeperNet, Chen, Goodfellow and Shlens
 * 2016): the new middle layers, inserted before the output convolution, pass their input through
 * unchanged, so the deeper model starts out denoising exactly as the source does and training
 * only has to find what the extra layers can add. Starting a deeper network from scratch would
 * throw away hours of training (the bundled document model is a chain of fine-tunes).
 *
 * <p>Why a new layer is an identity: its 3x3 kernel has one tap, the centre, from each channel to
 * itself; its batch norm's scale and shift undo its own normalisation (gamma = sqrt(running
 * variance + eps), beta = running mean); and its ReLU leaves the previous ReLU's output (never
 * negative) as it is. That is exact when the model runs on pages, which uses the running
 * statistics; in training the batch's own statistics stand in for them, so the new layers start
 * near, not at, the identity. The running statistics are set to those of a rectified Gaussian
 * with the previous layer's scale and shift, which is roughly what the batches will show.
 */
public final class Deepening {
    private Deepening() { }

    /** {@code source} with {@code extra} identity layers before its output layer; the source is left as it was. */
    public static DenoisingModel deepened(DenoisingModel source, int extra) throws IOException {
        ArchitectureSpec spec = source.spec();
        if (spec.kind() != ArchitectureSpec.Kind.RESIDUAL) {
            throw new IllegalArgumentException("only a residual network can grow by layers; this one is " + spec.kind().name().toLowerCase());
        }
        if (spec.activation() != ArchitectureSpec.Activation.RELU) {
            throw new IllegalArgumentException("only a ReLU network can grow by identity layers (ReLU passes its own output through); this one uses "
                    + spec.activation().name().toLowerCase());
        }
        int layers = spec.layers();
        if (extra < 1 || layers + extra > Network.MAX_LAYERS) {
            throw new IllegalArgumentException("can add 1.." + (Network.MAX_LAYERS - layers) + " layers to this " + layers + "-layer network, not " + extra);
        }
        Map<String, INDArray> old = WeightFormat.read(spec, source.toBytes());
        Map<String, INDArray> grown = new LinkedHashMap<>();
        for (int step = 1; step < layers; step++) copyStep(old, grown, step, step);
        float[][] stats = outputStatistics(old, layers - 1, spec.width());
        for (int step = layers; step < layers + extra; step++) identityStep(grown, step, spec.width(), stats[0], stats[1]);
        copyStep(old, grown, layers, layers + extra);
        // the optimizer's state is left out: its moments belong to the smaller network's parameters
        ArchitectureSpec deeper = new ArchitectureSpec(spec.network().withLayers(layers + extra), spec.training());
        return Models.fromBytes(deeper, WeightFormat.write(grown));
    }

    private static void copyStep(Map<String, INDArray> from, Map<String, INDArray> to, int step, int as) {
        copy(from, to, ParameterNames.weights(step), ParameterNames.weights(as));
        copy(from, to, ParameterNames.bias(step), ParameterNames.bias(as));
        copy(from, to, ParameterNames.gamma(step), ParameterNames.gamma(as));
        copy(from, to, ParameterNames.beta(step), ParameterNames.beta(as));
        copy(from, to, ParameterNames.runningMean(step), ParameterNames.runningMean(as));
        copy(from, to, ParameterNames.runningVariance(step), ParameterNames.runningVariance(as));
    }

    private static void copy(Map<String, INDArray> from, Map<String, INDArray> to, String name, String as) {
        INDArray a = from.get(name);
        if (a != null) to.put(as, a.dup());
    }

    private static void identityStep(Map<String, INDArray> to, int step, int width, float[] mean, float[] variance) {
        INDArray kernel = Nd4j.zeros(DataType.FLOAT, 3, 3, width, width);
        float[] gamma = new float[width];
        for (int c = 0; c < width; c++) {
            kernel.putScalar(new long[] {1, 1, c, c}, 1.0);
            gamma[c] = (float) Math.sqrt(variance[c] + DirectLayers.BN_EPS);
        }
        to.put(ParameterNames.weights(step), kernel);
        to.put(ParameterNames.gamma(step), Nd4j.create(gamma, new long[] {width}, 'c'));
        to.put(ParameterNames.beta(step), Nd4j.create(mean.clone(), new long[] {width}, 'c'));
        to.put(ParameterNames.runningMean(step), Nd4j.create(mean.clone(), new long[] {width}, 'c'));
        to.put(ParameterNames.runningVariance(step), Nd4j.create(variance.clone(), new long[] {width}, 'c'));
    }

    /**
     * Mean and variance of step {@code step}'s output after its ReLU, taking its batch-normed
     * values as Gaussian with the step's shift and scale; the first layer has no batch norm and is
     * taken as unit Gaussian.
     */
    private static float[][] outputStatistics(Map<String, INDArray> weights, int step, int width) {
        INDArray gamma = weights.get(ParameterNames.gamma(step));
        INDArray beta = weights.get(ParameterNames.beta(step));
        float[] mean = new float[width];
        float[] variance = new float[width];
        for (int c = 0; c < width; c++) {
            double m = beta == null ? 0 : beta.getDouble(c);
            double s = Math.max(gamma == null ? 1 : Math.abs(gamma.getDouble(c)), 1e-3);
            double z = m / s;
            double below = normalCdf(z);
            double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            double first = m * below + s * density;
            double second = (m * m + s * s) * below + m * s * density;
            mean[c] = (float) first;
            variance[c] = (float) Math.max(second - first * first, 1e-4);
        }
        return new float[][] {mean, variance};
    }

    /** Abramowitz and Stegun 7.1.26 (error under 1.5e-7): plenty for a starting statistic. */
    private static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return 0.5 * (1 + (z >= 0 ? erf : -erf));
    }
}
