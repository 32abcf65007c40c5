package com.daeworkbench.core.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * One inspected training step of a {@link DirectModel}: {@link #beforeUpdate} reads the batch's
 * gradient (the replicas' gradients already summed) and the weights, {@link #afterUpdate} the
 * update the optimizer wrote over the gradient buffer, then {@link #finish} runs the probe
 * forward. Only inspected steps create one: a plain {@code fit} never touches this class.
 */
final class DirectInspection {
    /** The gradient of one layer's weights, read before the optimizer overwrites it with the update. */
    private record Gradient(double norm, Histogram histogram) { }

    /** One layer's weights after the update, with the update's and the former weights' norms. */
    private record Update(double updateNorm, double weightNormBefore, Histogram weights) { }

    private final NetworkPlan plan;
    private final Map<String, INDArray> params;
    private final Map<String, INDArray> gradients;
    private final Map<Integer, Gradient> gradientsBefore = new LinkedHashMap<>();
    private final Map<Integer, Update> updates = new LinkedHashMap<>();
    /** the first layer's weights after the update, already copied out: the dense filters reuse them */
    private float[] firstWeights;

    /** @param gradients replica 0's gradient views, where the summed gradient and then the applied update sit */
    DirectInspection(NetworkPlan plan, Map<String, INDArray> params, Map<String, INDArray> gradients) {
        this.plan = plan;
        this.params = params;
        this.gradients = gradients;
    }

    /** 1-based steps of the plan that have weights. */
    private List<Integer> learnedSteps() {
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i <= plan.steps().size(); i++) if (plan.steps().get(i - 1).learned()) steps.add(i);
        return steps;
    }

    // everything below copies the arrays' native memory out in bulk: ND4J's norm2 on these views and
    // dup() of them took 2-18 ms per 200k-weight layer, several times a dense model's step

    void beforeUpdate() {
        for (int step : learnedSteps()) {
            float[] g = copy(gradients.get(ParameterNames.weights(step)));
            gradientsBefore.put(step, new Gradient(norm(g), Histogram.of(g)));
        }
    }

    /**
     * The gradient buffer now holds the update u that was subtracted from the weights: the weights
     * before were w + u, so one copy of each gives the ratio and the histogram.
     */
    void afterUpdate() {
        for (int step : learnedSteps()) {
            float[] u = copy(gradients.get(ParameterNames.weights(step)));
            float[] w = copy(params.get(ParameterNames.weights(step)));
            double uu = 0, ww = 0;
            for (int i = 0; i < w.length; i++) {
                double before = (double) w[i] + u[i];
                uu += (double) u[i] * u[i];
                ww += before * before;
            }
            updates.put(step, new Update(Math.sqrt(uu), Math.sqrt(ww), Histogram.of(w)));
            if (step == 1) firstWeights = w;
        }
    }

    /** One bulk copy out of native memory (a memcpy): loops over a float[] run several times faster than buffer reads. */
    static float[] copy(INDArray a) {
        FloatBuffer w = window(a);
        float[] out = new float[w.remaining()];
        w.get(out);
        return out;
    }

    /**
     * The values of a contiguous array or view as a window on its native memory, row-major;
     * a copy for any other layout.
     */
    static FloatBuffer window(INDArray a) {
        if (a.ordering() != 'c' || !Shape.hasDefaultStridesForShape(a)) return FloatBuffer.wrap(values(a));
        FloatBuffer all = a.data().asNioFloat();
        int from = (int) a.offset();
        return all.position(from).limit(from + (int) a.length()).slice();
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        return Math.sqrt(sum);
    }

    /**
     * Runs the probe forward through {@code layers} (inference mode, in the model's own buffers
     * for inspections) and puts the step's findings together.
     */
    Inspection finish(double loss, Probe probe, List<DirectLayers.Layer> layers, DirectLayers.Passes passes) {
        ArchitectureSpec spec = plan.spec();
        DirectLayers.Pass pass = passes.get(probe.count(), spec.inputHeight(), spec.inputWidth(), false);
        INDArray x = pass.input(probe.images());
        Map<Integer, Histogram> activations = new LinkedHashMap<>();
        List<FeatureMaps> maps = new ArrayList<>();
        for (DirectLayers.Layer layer : layers) {
            x = layer.forward(pass, x, false);
            if (!plan.steps().get(layer.step() - 1).learned()) continue;
            INDArray image = layer.imageLayout(pass, x);
            float[] out = copy(image);
            activations.put(layer.step(), Histogram.of(out));
            if (image.rank() == 4) maps.add(featureMaps(name(layer.step()), out, image.shape(), probe.chosen()));
        }
        List<LayerInspection> layerStats = new ArrayList<>();
        for (int step : learnedSteps()) {
            Gradient g = gradientsBefore.get(step);
            Update u = updates.get(step);
            if (g == null || u == null) continue;   // the step failed before its update
            double ratio = u.weightNormBefore() > 0 ? u.updateNorm() / u.weightNormBefore() : Double.NaN;
            layerStats.add(new LayerInspection(step, name(step), params.get(ParameterNames.weights(step)).length(), ratio,
                    g.norm(), u.weights(), g.histogram(), activations.get(step)));
        }
        int pixels = probe.pixelsPerImage();
        FeatureMaps image = new FeatureMaps("validation image " + (probe.chosen() + 1) + " (noisy, as the network gets it)", 1,
                spec.inputHeight(), spec.inputWidth(),
                java.util.Arrays.copyOfRange(probe.images(), probe.chosen() * pixels, (probe.chosen() + 1) * pixels));
        return new Inspection(loss, layerStats, image, maps, firstLayerFilters());
    }

    private String name(int step) {
        return "layer " + step + ": " + plan.steps().get(step - 1).describe();
    }

    /** NHWC activations of image {@code chosen}, channel after channel (at most {@link FeatureMaps#MAX_CHANNELS}). */
    static FeatureMaps featureMaps(String layer, float[] nhwc, long[] shape, int chosen) {
        int h = (int) shape[1], w = (int) shape[2], c = (int) shape[3];
        int shown = Math.min(c, FeatureMaps.MAX_CHANNELS);
        float[] maps = new float[shown * h * w];
        int base = chosen * h * w * c;
        for (int p = 0; p < h * w; p++) {
            for (int ch = 0; ch < shown; ch++) maps[ch * h * w + p] = nhwc[base + p * c + ch];
        }
        return new FeatureMaps(layer, shown, h, w, maps);
    }

    /**
     * A dense image model's first weights [pixels, units] as one input-sized image per unit:
     * what each unit looks for. Null for conv models and for tables (rows, not images).
     */
    private FeatureMaps firstLayerFilters() {
        ArchitectureSpec spec = plan.spec();
        if (!(plan.steps().get(0) instanceof NetworkPlan.Dense d) || spec.inputHeight() < 2 || spec.inputWidth() < 2) return null;
        float[] w = firstWeights != null ? firstWeights : copy(params.get(ParameterNames.weights(1)));
        int pixels = d.in(), shown = Math.min(d.out(), FeatureMaps.MAX_CHANNELS);
        float[] filters = new float[shown * pixels];
        for (int p = 0; p < pixels; p++) {
            for (int u = 0; u < shown; u++) filters[u * pixels + p] = w[p * d.out() + u];
        }
        return new FeatureMaps(name(1), shown, spec.inputHeight(), spec.inputWidth(), filters);
    }

    /** The values of a view, row-major (a view's data buffer is its whole parent's, so copy first). */
    static float[] values(INDArray a) {
        return a.dup('c').data().asFloat();
    }
}
