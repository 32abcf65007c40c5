package com.daeworkbench.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One inspected training step of a {@link DirectModel}: {@link #beforeUpdate} reads the batch's
 * gradient (the replicas' gradients already summed) and the weights, {@link #afterUpdate} the
 * update the optimizer wrote over the gradient buffer, then {@link #finish} runs the probe
 * forward. Only inspected steps create one: a plain {@code fit} never touches this class.
 */
final class DirectInspection {
    /** What is known of one layer's weights before the update. */
    private record Before(double weightNorm, double gradientNorm, Histogram gradients) { }

    private final NetworkPlan plan;
    private final Map<String, INDArray> params;
    private final Map<String, INDArray> gradients;
    private final Map<Integer, Before> before = new LinkedHashMap<>();
    private final Map<Integer, Double> updateNorms = new LinkedHashMap<>();
    private final Map<Integer, Histogram> weightsAfter = new LinkedHashMap<>();

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

    void beforeUpdate() {
        for (int step : learnedSteps()) {
            INDArray g = gradients.get(ParameterNames.weights(step));
            INDArray w = params.get(ParameterNames.weights(step));
            before.put(step, new Before(w.norm2Number().doubleValue(), g.norm2Number().doubleValue(), Histogram.of(values(g))));
        }
    }

    /** The gradient buffer now holds what was subtracted from the weights. */
    void afterUpdate() {
        for (int step : learnedSteps()) {
            updateNorms.put(step, gradients.get(ParameterNames.weights(step)).norm2Number().doubleValue());
            weightsAfter.put(step, Histogram.of(values(params.get(ParameterNames.weights(step)))));
        }
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
            float[] out = values(x);
            activations.put(layer.step(), Histogram.of(out));
            if (x.rank() == 4) maps.add(featureMaps(name(layer.step()), out, x.shape(), probe.chosen()));
        }
        List<LayerInspection> layerStats = new ArrayList<>();
        for (int step : learnedSteps()) {
            Before b = before.get(step);
            if (b == null || !updateNorms.containsKey(step)) continue;   // the step failed before its update
            double ratio = b.weightNorm() > 0 ? updateNorms.get(step) / b.weightNorm() : Double.NaN;
            layerStats.add(new LayerInspection(step, name(step), params.get(ParameterNames.weights(step)).length(), ratio,
                    b.gradientNorm(), weightsAfter.get(step), b.gradients(), activations.get(step)));
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
        float[] w = values(params.get(ParameterNames.weights(1)));
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
