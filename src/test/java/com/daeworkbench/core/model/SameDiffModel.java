package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The test oracle: a {@link NetworkPlan} run by SameDiff, whose automatic differentiation
 * checks the direct engine's hand-written gradients (DirectModelTest). It was the engine of
 * the first releases, so it reads and writes the same weights. Channels-last (NHWC) end to end: DL4J's layer API
 * never reaches oneDNN in M2.1 and NCHW max pooling is 3-14x slower (docs/decisions/0001).
 *
 * <p>Batch norm is written out from primitive ops so the training graph uses batch
 * statistics; each step's forward pass gives the batch mean and variance, kept as
 * PyTorch-style running averages, which the inference graph uses.
 */
final class SameDiffModel implements DenoisingModel {
    private static final double BN_EPS = DirectLayers.BN_EPS;
    private static final double BN_MOMENTUM = DirectLayers.BN_MOMENTUM;

    private final ArchitectureSpec spec;
    private final NetworkPlan plan;
    private final SameDiff training;
    /** the same graph with running statistics in place of batch statistics; == training when there is no batch norm */
    private final SameDiff inference;
    private final Map<String, INDArray> runningStats = new LinkedHashMap<>();
    private final RunningStats batchNormStats = new RunningStats();
    private final int[] inputShape;

    SameDiffModel(ArchitectureSpec spec, Map<String, INDArray> state) {
        this.spec = spec;
        this.plan = NetworkPlan.of(spec);
        collectPeriodically();
        Map<String, INDArray> init = state != null ? state : Weights.initial(plan);
        this.training = build(plan, init, true);
        boolean hasBatchNorm = plan.steps().stream().anyMatch(s -> s instanceof NetworkPlan.Conv c && c.batchNorm());
        for (Map.Entry<String, INDArray> e : init.entrySet()) {
            if (e.getKey().endsWith("_rmean") || e.getKey().endsWith("_rvar")) runningStats.put(e.getKey(), e.getValue().dup());
        }
        this.inference = hasBatchNorm ? build(plan, init, false) : training;
        withoutStdout(training::createGradFunction);
        this.inputShape = spec.kind() == Kind.DENSE ? new int[] {spec.inputHeight() * spec.inputWidth()} : null;
        training.setTrainingConfig(trainingConfig(spec));
    }

    @Override public ArchitectureSpec spec() { return spec; }

    @Override public long parameterCount() { return plan.parameterCount(); }

    @Override
    public double fit(float[] noisy, float[] clean, int count) {
        int h = spec.inputHeight(), w = spec.inputWidth();
        INDArray input = batch(noisy, count, h, w);
        INDArray label = batch(clean, count, h, w);
        // M2.1's fit never runs the forward loss op (the gradient graph skips it), so the loss a
        // listener gets is 0: take it, and the batch-norm statistics, from one forward pass.
        Map<String, INDArray> forward = training.output(Map.of("input", input, "label", label), batchNormStats.outputs());
        batchNormStats.update(forward);
        training.fit(new DataSet(input, label));
        return forward.get("loss").getDouble(0);
    }

    @Override
    public double loss(float[] noisy, float[] clean, int count) {
        syncInference();
        int h = spec.inputHeight(), w = spec.inputWidth();
        Map<String, INDArray> out = inference.output(
                Map.of("input", batch(noisy, count, h, w), "label", batch(clean, count, h, w)), "loss");
        return out.get("loss").getDouble(0);
    }

    @Override
    public float[] denoise(float[] noisy, int count, int height, int width) {
        if (!spec.fullyConvolutional() && (height != spec.inputHeight() || width != spec.inputWidth())) {
            throw new IllegalArgumentException("this dense model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images, got " + height + "x" + width);
        }
        int m = plan.sizeMultiple();
        if (height % m != 0 || width % m != 0) {
            throw new IllegalArgumentException("image sides must be multiples of " + m + ", got " + height + "x" + width);
        }
        syncInference();
        INDArray out = inference.output(Map.of("input", batch(noisy, count, height, width)), "output").get("output");
        return out.data().asFloat();
    }

    @Override
    public float[] encode(float[] input, int count, int height, int width) {
        if (!spec.fullyConvolutional() && (height != spec.inputHeight() || width != spec.inputWidth())) {
            throw new IllegalArgumentException("this dense model takes " + spec.inputHeight() + "x" + spec.inputWidth()
                    + " images, got " + height + "x" + width);
        }
        syncInference();
        return inference.output(Map.of("input", batch(input, count, height, width)), "code").get("code").data().asFloat();
    }

    @Override
    public int codeSize(int height, int width) {
        return plan.codeSize(height, width);
    }

    @Override
    public byte[] toBytes() {
        return WeightFormat.write(state());
    }

    static SameDiffModel fromBytes(ArchitectureSpec spec, byte[] bytes) throws IOException {
        return new SameDiffModel(spec, WeightFormat.read(spec, bytes));
    }

    /**
     * SameDiff prints a line per op to System.out while it differentiates the graph; the CLI's
     * stdout belongs to its JSON result, so that chatter is dropped.
     */
    private static synchronized void withoutStdout(Runnable r) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
    }

    /** Trainable parameters and batch-norm running statistics, by name. */
    Map<String, INDArray> state() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (SDVariable v : training.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) state.put(v.name(), v.getArr());
        }
        state.putAll(runningStats);
        return state;
    }

    @Override
    public void close() {
        // SameDiff holds no resources that outlive garbage collection; off-heap buffers go with it.
    }

    private void syncInference() {
        if (inference == training) return;
        for (SDVariable v : training.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                inference.getVariable(v.name()).getArr().assign(v.getArr());
            }
        }
        runningStats.forEach((name, value) -> inference.getVariable(name).getArr().assign(value));
    }

    private INDArray batch(float[] pixels, int count, int h, int w) {
        int n = count * h * w;
        float[] data = pixels.length == n ? pixels : Arrays.copyOf(pixels, n);
        long[] shape = inputShape != null ? new long[] {count, inputShape[0]} : new long[] {count, h, w, 1};
        return Nd4j.create(data, shape, 'c');
    }

    private static TrainingConfig trainingConfig(ArchitectureSpec spec) {
        TrainingConfig.Builder b = TrainingConfig.builder().updater(Optimizers.of(spec))
                .dataSetFeatureMapping("input").dataSetLabelMapping("label");
        if (spec.weightDecay() > 0) b.weightDecay(spec.weightDecay(), true);
        return b.build();
    }

    /**
     * SameDiff allocates a fresh native buffer per op and step, freed only when the collector
     * finds their handles: collect periodically rather than at the memory bound.
     */
    private static synchronized void collectPeriodically() {
        Nd4j.getMemoryManager().togglePeriodicGc(true);
        Nd4j.getMemoryManager().setAutoGcWindow(250);
    }

    private static SameDiff build(NetworkPlan plan, Map<String, INDArray> state, boolean trainingMode) {
        ArchitectureSpec spec = plan.spec();
        SameDiff sd = SameDiff.create();
        boolean dense = spec.kind() == Kind.DENSE;
        long[] shape = dense ? new long[] {-1, (long) spec.inputHeight() * spec.inputWidth()} : new long[] {-1, -1, -1, 1};
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, shape);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, shape);
        SDVariable x = input;
        SDVariable logits = null;
        SDVariable output = null;
        int codeStep = plan.codeStep();
        int i = 0;
        for (NetworkPlan.Step step : plan.steps()) {
            if (i == codeStep + 1) {
                // the code for analysis (latent space, anomaly, pre-training); identity, so training is unchanged
                sd.identity("code", spec.kind() == Kind.RESIDUAL ? x.mean(1, 2) : x);
            }
            i++;
            if (step instanceof NetworkPlan.Dense d) {
                // mmul + add, not nn().linear: M2.1's xw_plus_b gave a different answer on every other call (stale output buffer)
                x = activate(x.mmul(sd.var("w" + i, state.get("w" + i).dup())).add(sd.var("b" + i, state.get("b" + i).dup())), d.activation());
            } else if (step instanceof NetworkPlan.Conv c) {
                Conv2DConfig conv = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).dH(c.dilation()).dW(c.dilation())
                        .paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
                SDVariable w = sd.var("w" + i, state.get("w" + i).dup());
                if (c.batchNorm()) {
                    x = sd.cnn().conv2d(x, w, conv);
                    x = batchNorm(sd, x, i, state, trainingMode);
                } else {
                    x = sd.cnn().conv2d(x, w, sd.var("b" + i, state.get("b" + i).dup()), conv);
                }
                x = activate(x, c.activation());
            } else if (step instanceof NetworkPlan.MaxPool) {
                x = maxPool2x(x);
            } else if (step instanceof NetworkPlan.Upsample) {
                x = upsample2x(x);
            } else if (step instanceof NetworkPlan.Output o) {
                if (o.residual()) {
                    output = sd.math().clipByValue("output", input.sub(x), 0.0, 1.0);
                } else {
                    logits = x;
                    output = sd.nn().sigmoid("output", x);
                }
            }
        }
        SDVariable loss;
        if (spec.loss() == ArchitectureSpec.Loss.BCE && logits != null) {
            // on the logits: numerically stable, and one fused op instead of sigmoid + log loss
            loss = sd.loss().sigmoidCrossEntropy("loss", label, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        } else if (spec.loss() == ArchitectureSpec.Loss.BCE) {
            loss = sd.loss().logLoss("loss", label, output, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 1e-7);
        } else {
            loss = sd.loss().meanSquaredError("loss", label, output, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT);
        }
        sd.setLossVariables(loss);
        return sd;
    }

    /**
     * Nearest-neighbour 2x upsampling of an NHWC tensor. M2.1's NHWC upsampling has a wrong
     * gradient (finite differences disagree by ~2, see SameDiffGradientTest), so it runs in
     * NCHW between two permutes.
     */
    static SDVariable upsample2x(SDVariable nhwc) {
        return nhwc.getSameDiff().cnn().upsampling2d(nhwc.permute(0, 3, 1, 2), 2, 2, true).permute(0, 2, 3, 1);
    }

    static SDVariable maxPool2x(SDVariable nhwc) {
        return nhwc.getSameDiff().cnn().maxPooling2d(nhwc, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(true).build());
    }

    /**
     * Batch norm from primitive ops (M2.1's fused batchNorm op fails in its gradient: "axis
     * must be specified"). The centred tensor is computed once and reused: every full-size op
     * costs an allocation per step.
     */
    private static SDVariable batchNorm(SameDiff sd, SDVariable x, int i, Map<String, INDArray> state, boolean trainingMode) {
        SDVariable centred;
        SDVariable var;
        if (trainingMode) {
            SDVariable mean = x.mean("bn" + i + "_mean", 0, 1, 2);
            centred = x.sub(mean);
            var = centred.mul(centred).mean("bn" + i + "_var", 0, 1, 2);
        } else {
            centred = x.sub(sd.var("bn" + i + "_rmean", state.get("bn" + i + "_rmean").dup()));
            var = sd.var("bn" + i + "_rvar", state.get("bn" + i + "_rvar").dup());
        }
        SDVariable scale = sd.math().rsqrt(var.add(BN_EPS)).mul(sd.var("gamma" + i, state.get("gamma" + i).dup()));
        return centred.mul(scale).add(sd.var("beta" + i, state.get("beta" + i).dup()));
    }

    private static SDVariable activate(SDVariable x, Activation a) {
        if (a == null) return x;
        SameDiff sd = x.getSameDiff();
        return switch (a) {
            case RELU -> sd.nn().relu(x, 0);
            case LEAKY_RELU -> sd.nn().leakyRelu(x, 0.01);
            case ELU -> sd.nn().elu(x);
            case TANH -> sd.math().tanh(x);
            case SIGMOID -> sd.nn().sigmoid(x);
        };
    }

    /** Keeps PyTorch-style running averages of each batch-norm layer's batch statistics. */
    private final class RunningStats {
        String[] outputs() {
            List<String> names = new java.util.ArrayList<>();
            names.add("loss");
            for (String n : runningStats.keySet()) names.add(n.replace("_rmean", "_mean").replace("_rvar", "_var"));
            return names.toArray(String[]::new);
        }

        void update(Map<String, INDArray> forward) {
            runningStats.forEach((name, running) -> {
                INDArray batchValue = forward.get(name.replace("_rmean", "_mean").replace("_rvar", "_var"));
                running.muli(1 - BN_MOMENTUM).addi(batchValue.reshape(running.shape()).mul(BN_MOMENTUM));
            });
        }
    }
}
