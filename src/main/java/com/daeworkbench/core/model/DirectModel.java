package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * A {@link NetworkPlan} (dense, conv or residual) trained by calling ND4J's ops directly, forward and
 * backward written out by hand, every activation and gradient in a buffer allocated once per
 * input shape (docs/decisions/0003). SameDiff allocates a fresh native buffer for every op
 * of every step and spends as long again as the ops themselves; here a step allocates
 * nothing of the batch's size, so it runs at the speed of its ops and its memory stays flat.
 *
 * <p>Every hand-written gradient is checked against SameDiff's automatic differentiation of
 * the same network in DirectModelTest (the SameDiff graph lives in the tests as that oracle).
 */
final class DirectModel implements DenoisingModel {
    private final ArchitectureSpec spec;
    private final NetworkPlan plan;
    private final List<DirectLayers.Layer> layers = new ArrayList<>();
    private final DirectLayers.Head head;
    /** every trainable parameter in one row, and the gradient in another: the updater sees one array */
    private final INDArray params;
    private final INDArray grads;
    private final GradientUpdater<?> updater;
    /** the updater's state, one row: saved with the weights so training resumes exactly */
    private final INDArray updaterState;
    private final Map<String, INDArray> named = new LinkedHashMap<>();
    private final DirectLayers.Passes passes = new DirectLayers.Passes();
    private int iteration;

    DirectModel(ArchitectureSpec spec, Map<String, INDArray> state) {
        this.spec = spec;
        this.plan = NetworkPlan.of(spec);
        Map<String, INDArray> init = state != null ? state : Weights.initial(plan);
        long total = 0;
        for (Map.Entry<String, INDArray> e : init.entrySet()) if (ParameterNames.isTrainable(e.getKey())) total += e.getValue().length();
        params = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, total);
        grads = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, total);
        long offset = 0;
        Map<String, INDArray> paramViews = new LinkedHashMap<>();
        Map<String, INDArray> gradViews = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : init.entrySet()) {
            INDArray value = e.getValue();
            if (ParameterNames.isOptimizerState(e.getKey())) continue;
            if (ParameterNames.isTrainable(e.getKey())) {
                long n = value.length();
                INDArray p = params.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n)).reshape('c', value.shape());
                p.assign(value);
                paramViews.put(e.getKey(), p);
                gradViews.put(e.getKey(), grads.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + n)).reshape('c', value.shape()));
                offset += n;
            } else {
                paramViews.put(e.getKey(), value.dup());
            }
        }
        named.putAll(paramViews);
        LayerFactory factory = new LayerFactory(paramViews, gradViews);
        List<NetworkPlan.Step> steps = plan.steps();
        for (int i = 1; i <= steps.size(); i++) {
            factory.step = i;
            NetworkPlan.Step step = steps.get(i - 1);
            if (step instanceof NetworkPlan.Upsample && i < steps.size() && steps.get(i) instanceof NetworkPlan.Conv c
                    && c.out() == 1 && DirectLayers.OneChannelConvLayer.applies(i + 1, c)) {
                // one layer runs both: see OneChannelConvLayer
                layers.add(new DirectLayers.OneChannelConvLayer(i + 1, c, true, paramViews, gradViews));
                i++;
                continue;
            }
            DirectLayers.Layer layer = step.accept(factory);
            if (layer != null) layers.add(layer);
        }
        this.head = factory.head;
        var config = Optimizers.of(spec);
        updaterState = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, config.stateSize(total));
        this.updater = config.instantiate(updaterState, true);
        INDArray saved = init.get(ParameterNames.optimizerState(spec.optimizer()));
        INDArray savedSteps = init.get(ParameterNames.OPTIMIZER_STEPS);
        if (saved != null && savedSteps != null && saved.length() == updaterState.length()) {
            // a checkpoint: the optimizer goes on where it stopped, so a resumed run matches an uninterrupted one
            updaterState.assign(saved.reshape(updaterState.shape()));
            iteration = savedSteps.getInt(0);
        }
    }

    /** The direct engine's layer for each kind of plan step; the output step becomes the loss head. */
    private final class LayerFactory implements NetworkPlan.Visitor<DirectLayers.Layer> {
        private final Map<String, INDArray> params, gradients;
        int step;
        DirectLayers.Head head;

        LayerFactory(Map<String, INDArray> params, Map<String, INDArray> gradients) {
            this.params = params;
            this.gradients = gradients;
        }

        public DirectLayers.Layer dense(NetworkPlan.Dense d) {
            return new DirectLayers.DenseLayer(step, d, params, gradients);
        }

        public DirectLayers.Layer conv(NetworkPlan.Conv c) {
            return DirectLayers.OneChannelConvLayer.applies(step, c)
                    ? new DirectLayers.OneChannelConvLayer(step, c, false, params, gradients)
                    : new DirectLayers.ConvLayer(step, c, params, gradients);
        }

        public DirectLayers.Layer maxPool(NetworkPlan.MaxPool p) { return new DirectLayers.PoolLayer(step); }

        public DirectLayers.Layer upsample(NetworkPlan.Upsample u) { return new DirectLayers.UpsampleLayer(step); }

        public DirectLayers.Layer output(NetworkPlan.Output o) {
            head = new DirectLayers.Head(o.residual(), spec.loss());
            return null;
        }
    }

    @Override public ArchitectureSpec spec() { return spec; }

    @Override public long parameterCount() { return plan.parameterCount(); }

    @Override
    public double fit(float[] noisy, float[] clean, int count) {
        int h = spec.inputHeight(), w = spec.inputWidth();
        DirectLayers.Pass pass = passes.get(count, h, w, true);
        INDArray x = pass.input(noisy);
        for (DirectLayers.Layer layer : layers) x = layer.forward(pass, x, true);
        double loss = head.lossAndGradient(pass, x, noisy, clean, count * h * w);
        INDArray g = pass.outputGradient();
        for (int i = layers.size() - 1; i >= 0; i--) g = layers.get(i).backward(pass, g, i > 0);
        updater.applyUpdater(grads, iteration, 0);
        if (spec.weightDecay() > 0) grads.addi(params.mul(spec.learningRate() * spec.weightDecay()));
        params.subi(grads);
        iteration++;
        return loss;
    }

    /** Times each layer, the loss and the optimizer over {@code repeats} training steps on one batch (after two warm-up steps). */
    List<LayerTiming> profile(float[] noisy, float[] clean, int count, int repeats) {
        int h = spec.inputHeight(), w = spec.inputWidth();
        for (int i = 0; i < 2; i++) fit(noisy, clean, count);
        double[] forward = new double[layers.size()], backward = new double[layers.size()];
        double headMs = 0, updateMs = 0;
        for (int r = 0; r < repeats; r++) {
            DirectLayers.Pass pass = passes.get(count, h, w, true);
            INDArray x = pass.input(noisy);
            for (int i = 0; i < layers.size(); i++) {
                long t = System.nanoTime();
                x = layers.get(i).forward(pass, x, true);
                forward[i] += (System.nanoTime() - t) / 1e6 / repeats;
            }
            long t0 = System.nanoTime();
            head.lossAndGradient(pass, x, noisy, clean, count * h * w);
            headMs += (System.nanoTime() - t0) / 1e6 / repeats;
            INDArray g = pass.outputGradient();
            for (int i = layers.size() - 1; i >= 0; i--) {
                long t = System.nanoTime();
                g = layers.get(i).backward(pass, g, i > 0);
                backward[i] += (System.nanoTime() - t) / 1e6 / repeats;
            }
            t0 = System.nanoTime();
            updater.applyUpdater(grads, iteration, 0);
            params.subi(grads);
            iteration++;
            updateMs += (System.nanoTime() - t0) / 1e6 / repeats;
        }
        List<LayerTiming> timings = new ArrayList<>();
        List<String> names = plan.describe();
        for (int i = 0; i < layers.size(); i++) {
            DirectLayers.Layer layer = layers.get(i);
            String name = String.join(" + ", names.subList(layer.firstStep() - 1, layer.step()));
            timings.add(new LayerTiming(name, forward[i], backward[i]));
        }
        timings.add(new LayerTiming("loss and its gradient", headMs, 0));
        timings.add(new LayerTiming("optimizer step (" + spec.optimizer().name().toLowerCase() + ")", updateMs, 0));
        return timings;
    }

    @Override
    public double loss(float[] noisy, float[] clean, int count) {
        if (count == 0) return Double.NaN;
        int h = spec.inputHeight(), w = spec.inputWidth();
        DirectLayers.Pass pass = passes.get(count, h, w, false);
        INDArray x = pass.input(noisy);
        for (DirectLayers.Layer layer : layers) x = layer.forward(pass, x, false);
        return head.lossAndGradient(pass, x, noisy, clean, count * h * w);
    }

    @Override
    public float[] denoise(float[] noisy, int count, int height, int width) {
        requireSize(height, width);
        if (count == 0) return new float[0];   // ND4J has no zero-length buffers to write into
        DirectLayers.Pass pass = passes.get(count, height, width, false);
        INDArray x = pass.input(noisy);
        for (DirectLayers.Layer layer : layers) x = layer.forward(pass, x, false);
        return head.output(x, noisy);
    }

    @Override
    public float[] encode(float[] input, int count, int height, int width) {
        requireSize(height, width);
        if (count == 0) return new float[0];
        DirectLayers.Pass pass = passes.get(count, height, width, false);
        INDArray x = pass.input(input);
        int codeStep = plan.codeStep();
        for (DirectLayers.Layer layer : layers) {
            x = layer.forward(pass, x, false);
            if (layer.step() == codeStep + 1) break;
        }
        // residual networks have no bottleneck: their code is each channel's mean over the image
        return spec.kind() == Kind.RESIDUAL ? x.mean(1, 2).data().asFloat() : x.dup().data().asFloat();
    }

    /** Dense models take only their input size; conv models sides that survive their pooling. */
    private void requireSize(int height, int width) {
        if (!spec.fullyConvolutional() && (height != spec.inputHeight() || width != spec.inputWidth())) {
            throw new IllegalArgumentException("this dense model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images, got " + height + "x" + width);
        }
        int m = plan.sizeMultiple();
        if (height % m != 0 || width % m != 0) {
            throw new IllegalArgumentException("image sides must be multiples of " + m + ", got " + height + "x" + width);
        }
    }

    @Override
    public int codeSize(int height, int width) {
        return plan.codeSize(height, width);
    }

    @Override
    public byte[] toBytes() {
        Map<String, INDArray> state = new LinkedHashMap<>(named);
        state.put(ParameterNames.optimizerState(spec.optimizer()), updaterState);
        state.put(ParameterNames.OPTIMIZER_STEPS, Nd4j.scalar(org.nd4j.linalg.api.buffer.DataType.INT, iteration));
        return WeightFormat.write(state);
    }

    static DirectModel fromBytes(ArchitectureSpec spec, byte[] bytes) throws IOException {
        return new DirectModel(spec, WeightFormat.read(spec, bytes));
    }

    /** Trainable parameters and batch-norm running statistics, by name (views, not copies). */
    Map<String, INDArray> state() {
        return named;
    }

    @Override
    public void close() {
        passes.clear();
    }

    static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }
}
