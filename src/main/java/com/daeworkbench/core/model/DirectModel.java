package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.nativeblas.NativeOpsHolder;

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
    /** replica 0 trains alone on small batches and runs inference; the others join it on large training batches */
    private final List<Replica> replicas = new ArrayList<>();
    private final List<DirectLayers.Layer> layers;
    private final DirectLayers.Head head;
    /** every trainable parameter in one row, and the gradient in another: the updater sees one array */
    private final INDArray params;
    private final INDArray grads;
    private final GradientUpdater<?> updater;
    /** the updater's settings: the updater reads its learning rate from here at every step */
    private final IUpdater config;
    private double learningRate;
    /** the updater's state, one row: saved with the weights so training resumes exactly */
    private final INDArray updaterState;
    private final Map<String, INDArray> named = new LinkedHashMap<>();
    /** replica 0's gradient views by parameter name: the summed gradient, then the applied update (see update) */
    private final Map<String, INDArray> gradientViews;
    private final DirectLayers.Passes passes;
    /** the probe's buffers, apart from training's: a probe of another size must not evict the training batch's */
    private final DirectLayers.Passes inspectionPasses = new DirectLayers.Passes();
    private ExecutorService replicaThreads;
    /** dense networks train on one OpenMP thread (see fit) */
    private final boolean oneThread;
    private int iteration;

    DirectModel(ArchitectureSpec spec, Map<String, INDArray> state) {
        this(spec, state, replicaCount(NetworkPlan.of(spec)));
    }

    /** With a given number of replicas (batch-norm networks always have one): for tests. */
    DirectModel(ArchitectureSpec spec, Map<String, INDArray> state, int replicaCount) {
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
        gradientViews = gradViews;
        replicas.add(new Replica(paramViews, gradViews, grads));
        for (int r = 1; r < (hasBatchNorm(plan) ? 1 : replicaCount); r++) {
            INDArray g = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, total);
            Map<String, INDArray> views = new LinkedHashMap<>();
            long at = 0;
            for (Map.Entry<String, INDArray> e : gradViews.entrySet()) {
                long n = e.getValue().length();
                views.put(e.getKey(), g.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + n)).reshape('c', e.getValue().shape()));
                at += n;
            }
            replicas.add(new Replica(paramViews, views, g));
        }
        this.oneThread = plan.steps().stream().noneMatch(s -> s instanceof NetworkPlan.Conv);
        this.layers = replicas.get(0).layers;
        this.head = replicas.get(0).head;
        this.passes = replicas.get(0).passes;
        config = Optimizers.of(spec);
        learningRate = spec.learningRate();
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

    /**
     * One copy of the layers over the shared parameters, with its own activations, gradient
     * buffer and layer state: replicas run the halves of a batch at once, one core each.
     */
    private final class Replica {
        final List<DirectLayers.Layer> layers = new ArrayList<>();
        final DirectLayers.Head head;
        final DirectLayers.Passes passes = new DirectLayers.Passes();
        final INDArray grads;

        Replica(Map<String, INDArray> paramViews, Map<String, INDArray> gradViews, INDArray grads) {
            this.grads = grads;
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
        }

        /**
         * Forward and backward on images [from, from + count) of a batch of {@code batch}; writes
         * this replica's gradient (of the loss averaged over the whole batch) and returns its share of that loss.
         */
        double gradient(float[] noisy, float[] clean, int from, int count, int batch) {
            DirectLayers.Pass pass = passes.get(count, spec.inputHeight(), spec.inputWidth(), true);
            double loss = forwardAndLoss(pass, noisy, clean, from, count, batch, true);
            INDArray g = pass.outputGradient();
            for (int i = layers.size() - 1; i >= 0; i--) g = layers.get(i).backward(pass, g, i > 0);
            return loss;
        }

        /** This replica's share of the batch's loss, without training. */
        double loss(float[] noisy, float[] clean, int from, int count, int batch) {
            DirectLayers.Pass pass = passes.get(count, spec.inputHeight(), spec.inputWidth(), false);
            return forwardAndLoss(pass, noisy, clean, from, count, batch, false);
        }

        private double forwardAndLoss(DirectLayers.Pass pass, float[] noisy, float[] clean, int from, int count, int batch,
                                      boolean training) {
            int size = spec.inputHeight() * spec.inputWidth();
            float[] in = slice(noisy, from, count, batch, size), label = slice(clean, from, count, batch, size);
            INDArray x = pass.input(in);
            for (DirectLayers.Layer layer : layers) x = layer.forward(pass, x, training);
            return head.lossAndGradient(pass, x, in, label, count * size, (double) batch * size);
        }

        private static float[] slice(float[] images, int from, int count, int batch, int size) {
            return from == 0 && count == batch ? images : Arrays.copyOfRange(images, from * size, (from + count) * size);
        }
    }

    /**
     * How many replicas train a batch at once: for conv networks one per core ND4J may use
     * (OMP_NUM_THREADS, else the cores), each op then on one thread; -Ddae.replicas=N overrides.
     * Measured on 2 cores (docs/decisions/0003): two half batches on one thread each beat one
     * batch on two threads, because the convolutions of these small images (28x28, 14x14) do not
     * split well over threads. Dense networks keep one: two threads dispatching their many small
     * ND4J ops at once ran at half the speed of one. Batch norm takes statistics over the whole
     * batch, which halves would change, so batch-norm networks keep one too.
     */
    private static int replicaCount(NetworkPlan plan) {
        boolean conv = plan.steps().stream().anyMatch(s -> s instanceof NetworkPlan.Conv);
        if (hasBatchNorm(plan)) return 1;
        String forced = System.getProperty("dae.replicas");
        if (forced != null) return Math.max(1, Integer.parseInt(forced));
        if (!conv) return 1;
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), requestedThreads()));
    }

    private static boolean hasBatchNorm(NetworkPlan plan) {
        return plan.steps().stream().anyMatch(s -> s instanceof NetworkPlan.Conv c && c.batchNorm());
    }

    /** OMP_NUM_THREADS when the user set it (ND4J's own thread count does not reflect it), else no limit. */
    private static int requestedThreads() {
        try {
            String omp = System.getenv("OMP_NUM_THREADS");
            return omp == null || omp.isBlank() ? Integer.MAX_VALUE : Integer.parseInt(omp.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
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
            if (DirectLayers.OneChannelConvLayer.applies(step, c)) return new DirectLayers.OneChannelConvLayer(step, c, false, params, gradients);
            return new DirectLayers.ConvLayer(step, c, sameDilation(step - 1, c), sameDilation(step + 1, c), params, gradients);
        }

        /** Whether plan step {@code at} (1-based) is a convolution that dilates as {@code c} does. */
        private boolean sameDilation(int at, NetworkPlan.Conv c) {
            return at >= 1 && at <= plan.steps().size() && plan.steps().get(at - 1) instanceof NetworkPlan.Conv o
                    && o.dilation() == c.dilation() && !DirectLayers.OneChannelConvLayer.applies(at, o);
        }

        public DirectLayers.Layer maxPool(NetworkPlan.MaxPool p) { return new DirectLayers.PoolLayer(step); }

        public DirectLayers.Layer upsample(NetworkPlan.Upsample u) { return new DirectLayers.UpsampleLayer(step); }

        public DirectLayers.Layer output(NetworkPlan.Output o) {
            head = new DirectLayers.Head(o.residual(), spec.loss());
            return null;
        }
    }

    @Override public ArchitectureSpec spec() { return spec; }

    @Override
    public void setLearningRate(double rate) {
        if (!(rate > 0)) throw new IllegalArgumentException("the learning rate must be positive, got " + rate);
        config.setLrAndSchedule(rate, null);
        learningRate = rate;
    }

    /** How many replicas share a training batch. */
    int replicas() {
        return replicas.size();
    }

    @Override public long parameterCount() { return plan.parameterCount(); }

    @Override
    public double fit(float[] noisy, float[] clean, int count) {
        return train(noisy, clean, count, null);
    }

    @Override
    public Inspection fitAndInspect(float[] noisy, float[] clean, int count, Probe probe) {
        if (probe.pixelsPerImage() != spec.inputHeight() * spec.inputWidth()) {
            throw new IllegalArgumentException("probe images must be " + spec.inputHeight() + "x" + spec.inputWidth());
        }
        DirectInspection inspection = new DirectInspection(plan, named, gradientViews);
        double loss = train(noisy, clean, count, inspection);
        if (!oneThread) return inspection.finish(loss, probe, layers, inspectionPasses);
        // the probe of a dense network on one OpenMP thread too, as its training step (see train)
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            return inspection.finish(loss, probe, layers, inspectionPasses);
        } finally {
            ops.setOmpNumThreads(threads);
        }
    }

    /** One training step; {@code inspection} (null on plain steps) reads the gradient and the update around the optimizer. */
    private double train(float[] noisy, float[] clean, int count, DirectInspection inspection) {
        int parts = Math.min(replicas.size(), count / MIN_IMAGES_PER_REPLICA);
        if (parts <= 1 && !oneThread) return step(() -> replicas.get(0).gradient(noisy, clean, 0, count, count), inspection);
        // one OpenMP thread for this thread's ops:
        // - a dense network's ops are too small to share: on two threads its step took ~1.3x as
        //   long as on one (dense 784-256-64-256-784, bench, interleaved: 12,300-13,300 against
        //   15,500-18,300 samples/s); a table's small network trained 5x faster (287 against ~1,900)
        // - with replicas, this thread's own ops (the optimizer step) on one core too: two OpenMP
        //   workers of this thread, still spinning from its last parallel region, would take the
        //   cores the replicas need (conv: ~1,500 against ~2,100 samples/s)
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int threads = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            if (parts <= 1) return step(() -> replicas.get(0).gradient(noisy, clean, 0, count, count), inspection);
            return step(() -> {
                double loss = shared(parts, count, (r, from, n) -> replicas.get(r).gradient(noisy, clean, from, n, count));
                for (int r = 1; r < parts; r++) grads.addi(replicas.get(r).grads);
                return loss;
            }, inspection);
        } finally {
            ops.setOmpNumThreads(threads);
        }
    }

    /** The gradient into {@code grads} (returning the batch's loss), then one optimizer step. */
    private double step(java.util.function.DoubleSupplier gradient, DirectInspection inspection) {
        double loss = gradient.getAsDouble();
        if (inspection != null) inspection.beforeUpdate();
        update();
        if (inspection != null) inspection.afterUpdate();
        return loss;
    }

    private void update() {
        updater.applyUpdater(grads, iteration, 0);
        if (spec.weightDecay() > 0) grads.addi(params.mul(learningRate * spec.weightDecay()));
        params.subi(grads);
        iteration++;
    }

    /** Smaller shares leave each core too little work to pay for the hand-over. */
    private static final int MIN_IMAGES_PER_REPLICA = 16;

    /** The work of replica {@code r} on images [from, from + count) of a batch; returns its share of the batch's loss. */
    private interface Share {
        double run(int r, int from, int count);
    }

    /**
     * Runs replica r on the r-th contiguous share of a batch of {@code count} images, each on a
     * thread of its own, and adds up their losses in replica order (the same sum whichever ends first).
     */
    private double shared(int parts, int count, Share share) {
        if (replicaThreads == null) replicaThreads = Executors.newFixedThreadPool(replicas.size(), oneCoreThreads());
        List<Future<Double>> losses = new ArrayList<>();
        for (int r = 0; r < parts; r++) {
            int replica = r, from = (int) ((long) count * r / parts), to = (int) ((long) count * (r + 1) / parts);
            losses.add(replicaThreads.submit(() -> share.run(replica, from, to - from)));
        }
        double loss = 0;
        try {
            for (Future<Double> f : losses) loss += f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        return loss;
    }

    /**
     * Daemon threads (a model nobody closes must not keep the JVM alive) whose ops run on one
     * core each: OpenMP keeps the thread count per calling thread. They inherit the nice value
     * of the thread that starts them, the training thread (docs/decisions/0004).
     */
    private static ThreadFactory oneCoreThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(() -> {
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                task.run();
            }, "dae-replica-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
            head.lossAndGradient(pass, x, noisy, clean, count * h * w, count * h * w);
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
        int parts = Math.min(replicas.size(), count / MIN_IMAGES_PER_REPLICA);
        if (parts <= 1) return replicas.get(0).loss(noisy, clean, 0, count, count);
        return shared(parts, count, (r, from, n) -> replicas.get(r).loss(noisy, clean, from, n, count));
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
            if (layer.step() == codeStep + 1) {
                x = layer.imageLayout(pass, x);
                break;
            }
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
        for (Replica r : replicas) r.passes.clear();
        inspectionPasses.clear();
        if (replicaThreads != null) replicaThreads.shutdownNow();
    }

    static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }
}
