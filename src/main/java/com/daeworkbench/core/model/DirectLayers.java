package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The layers of {@link DirectModel}: NHWC tensors, forward and backward through ND4J ops into reused buffers. */
final class DirectLayers {
    static final double BN_EPS = 1e-5;
    static final double BN_MOMENTUM = 0.1;
    static final double LEAKY_ALPHA = 0.01;
    /** pixels per conv2d_bp call (see ConvLayer.backward); a field so tests can force chunking */
    static long chunkPixels = 50_000;

    /** kH, kW, sH, sW, pH, pW, dH, dW, same padding, NHWC, weights [kH, kW, iC, oC] */
    private static final int[] CONV_ARGS = {3, 3, 1, 1, 0, 0, 1, 1, 1, 1, 0};
    /** kH, kW, sH, sW, pH, pW, dH, dW, valid padding, extra, NHWC */
    private static final int[] POOL_ARGS = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 1};
    /** factor H, factor W, NCHW = false */
    private static final int[] UPSAMPLE_ARGS = {2, 2, 0};

    private DirectLayers() { }

    /** The buffers of one input shape: created on first use, reused by every later step of that shape. */
    static final class Pass {
        final int count, height, width;
        final boolean training;
        private final Map<String, INDArray> buffers = new HashMap<>();

        Pass(int count, int height, int width, boolean training) {
            this.count = count;
            this.height = height;
            this.width = width;
            this.training = training;
        }

        INDArray buffer(String key, long... shape) {
            INDArray b = buffers.get(key);
            if (b == null || !Arrays.equals(b.shape(), shape)) {
                b = Nd4j.createUninitialized(DataType.FLOAT, shape);
                buffers.put(key, b);
            }
            return b;
        }

        INDArray input(float[] pixels) {
            INDArray in = buffer("input", count, height, width, 1);
            int n = count * height * width;
            DirectModel.floats(in).put(pixels, 0, n);
            return in;
        }

        /**
         * Where a layer out of training writes its [n, h, w, c] output: of two buffers per shape, the
         * one that is not its input. Nothing reads an activation after the next layer has run (no
         * skip connections but the head's, which reads the input pixels), so an 8 x 16 residual
         * network on two A4 tiles holds 2 activations instead of 6 (96 MB instead of 290 MB) and the
         * first tile of a page faults in a third of the memory.
         */
        INDArray inferenceOutput(INDArray input, long... shape) {
            String key = "inference " + Arrays.toString(shape);
            INDArray first = buffer(key + " a", shape);
            return first == input || first.data() == input.data() ? buffer(key + " b", shape) : first;
        }

        INDArray outputGradient() {
            return buffer("dOutput", count, height, width, 1);
        }

        /** A [1, rows] row of ones: column sums of an [rows, C] matrix as one gemm. */
        INDArray ones(long rows) {
            INDArray o = buffers.get("ones" + rows);
            if (o == null) {
                o = Nd4j.ones(DataType.FLOAT, 1, rows);
                buffers.put("ones" + rows, o);
            }
            return o;
        }
    }

    /** The passes of the last few input shapes: training batches, the last partial batch, inference. */
    static final class Passes {
        private static final int KEEP = 3;
        private final LinkedHashMap<String, Pass> passes = new LinkedHashMap<>(8, 0.75f, true);

        Pass get(int count, int height, int width, boolean training) {
            String key = count + "x" + height + "x" + width + (training ? "t" : "i");
            Pass p = passes.get(key);
            if (p == null) {
                if (passes.size() >= KEEP) {
                    String eldest = passes.keySet().iterator().next();
                    passes.remove(eldest);
                }
                p = new Pass(count, height, width, training);
                passes.put(key, p);
            }
            return p;
        }

        void clear() {
            passes.clear();
        }
    }

    interface Layer {
        /** 1-based index of the (last) plan step this layer runs. */
        int step();

        /** 1-based index of the first plan step this layer runs: earlier than {@link #step()} when it runs two. */
        default int firstStep() { return step(); }

        INDArray forward(Pass pass, INDArray x, boolean training);

        /** Takes the gradient of the loss with respect to this layer's output; returns it with respect to its input. */
        INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient);

        /**
         * The output of the last forward pass as images [n, h, w, c]: what {@link #forward} returned,
         * unless it handed the next layer its phases (a run of dilated layers, see {@link Phases}).
         */
        default INDArray imageLayout(Pass pass, INDArray out) { return out; }
    }

    static void exec(String op, INDArray[] in, INDArray[] out, int[] iArgs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(in).addOutputs(out).addIntegerArguments(iArgs).build());
    }

    /** 3x3 convolution, same padding; batch norm (batch statistics when training) and activation optional. */
    static final class ConvLayer implements Layer {
        private final int step;
        private final String id;
        private final NetworkPlan.Conv conv;
        /** 1, or the spacing of the taps: the convolution then runs undilated on the image's phases ({@link Phases}) */
        private final int dilation;
        private final Phases phases = new Phases();
        /** the layer before (after) dilates the same: on pages whose sides d divides, the phases pass between them as they are */
        private final boolean phasesIn, phasesOut;
        /** whether the last forward pass ran on whole phases (its buffers are in that layout) */
        private boolean lastOnPhases;
        private final INDArray w, b, gradW, gradB, gamma, beta, gradGamma, gradBeta, runningMean, runningVar;
        private INDArray lastInput, lastDerivativeInput, lastNormalized, lastInvStd;
        /** the convolution with batch norm folded in, for passes out of training */
        private INDArray foldedW, foldedB;

        ConvLayer(int step, NetworkPlan.Conv conv, boolean phasesIn, boolean phasesOut,
                  Map<String, INDArray> params, Map<String, INDArray> gradients) {
            this.phasesIn = phasesIn && conv.dilation() > 1;
            this.phasesOut = phasesOut && conv.dilation() > 1;
            this.step = step;
            this.id = "conv" + step;
            this.conv = conv;
            this.dilation = conv.dilation();
            this.w = params.get(ParameterNames.weights(step));
            this.gradW = gradients.get(ParameterNames.weights(step));
            this.b = params.get(ParameterNames.bias(step));
            this.gradB = gradients.get(ParameterNames.bias(step));
            this.gamma = row(params.get(ParameterNames.gamma(step)));
            this.beta = row(params.get(ParameterNames.beta(step)));
            this.gradGamma = row(gradients.get(ParameterNames.gamma(step)));
            this.gradBeta = row(gradients.get(ParameterNames.beta(step)));
            this.runningMean = row(params.get(ParameterNames.runningMean(step)));
            this.runningVar = row(params.get(ParameterNames.runningVariance(step)));
        }

        private static INDArray row(INDArray v) {
            return v == null ? null : v.reshape(1, v.length());
        }

        @Override public int step() { return step; }

        /** True when this pass runs on whole phases: the page's sides are multiples of the dilation, so no phase is padded. */
        private boolean onPhases(Pass pass) {
            return dilation > 1 && pass.height % dilation == 0 && pass.width % dilation == 0;
        }

        @Override
        public INDArray forward(Pass pass, INDArray x, boolean training) {
            lastOnPhases = onPhases(pass);
            if (lastOnPhases) return forwardOnPhases(pass, x, training);
            long n = x.size(0), h = x.size(1), wd = x.size(2), c = conv.out();
            INDArray z = training || dilation > 1 ? pass.buffer(id + "z", n, h, wd, c) : pass.inferenceOutput(x, n, h, wd, c);
            INDArray in = dilation == 1 ? x : phases.split(pass, id + "xs", x, dilation);
            INDArray out = dilation == 1 ? z : pass.buffer(id + "zs", in.size(0), in.size(1), in.size(2), c);
            convolve(in, out, training);
            if (dilation > 1) phases.merge(out, dilation, z);
            return normalizeAndActivate(pass, in, z, training);
        }

        /**
         * Batch norm and the activation act pixel by pixel, so they run on the phases as well as on
         * the image: the whole layer stays in phase layout and only the ends of a run of layers of
         * one dilation reshuffle (once each way instead of around every convolution).
         */
        private INDArray forwardOnPhases(Pass pass, INDArray x, boolean training) {
            INDArray in = phasesIn ? x : phases.split(pass, id + "xs", x, dilation);
            INDArray z = pass.buffer(id + "zs", in.size(0), in.size(1), in.size(2), conv.out());
            convolve(in, z, training);
            INDArray a = normalizeAndActivate(pass, in, z, training);
            if (phasesOut) return a;
            INDArray image = pass.buffer(id + "am", pass.count, pass.height, pass.width, conv.out());
            phases.merge(a, dilation, image);
            return image;
        }

        @Override
        public INDArray imageLayout(Pass pass, INDArray out) {
            if (!lastOnPhases || !phasesOut) return out;
            INDArray image = pass.buffer(id + "am", pass.count, pass.height, pass.width, conv.out());
            phases.merge(out, dilation, image);
            return image;
        }

        private void convolve(INDArray in, INDArray out, boolean training) {
            if (conv.batchNorm() && !training) {
                foldNormalization();
                exec("conv2d", new INDArray[] {in, foldedW, foldedB}, new INDArray[] {out}, CONV_ARGS);
            } else if (conv.batchNorm()) {
                exec("conv2d", new INDArray[] {in, w}, new INDArray[] {out}, CONV_ARGS);
            } else {
                exec("conv2d", new INDArray[] {in, w, b}, new INDArray[] {out}, CONV_ARGS);
            }
        }

        private INDArray normalizeAndActivate(Pass pass, INDArray in, INDArray z, boolean training) {
            INDArray y = z;
            if (conv.batchNorm() && training) y = normalizeTraining(pass, z); // out of training it is folded into the convolution
            lastInput = in;
            lastDerivativeInput = y;
            if (conv.activation() == null) return y;
            INDArray a = activate(pass, id + "a", y, conv.activation(), training);
            lastDerivativeInput = derivativeInput(y, a, conv.activation());
            return a;
        }

        /** z becomes the normalized x-hat (kept for backward); returns gamma * x-hat + beta in another buffer. */
        private INDArray normalizeTraining(Pass pass, INDArray z) {
            long rows = z.length() / conv.out();
            INDArray z2 = z.reshape(rows, conv.out());
            INDArray ones = pass.ones(rows);
            INDArray mean = Nd4j.gemm(ones, z2, false, false).divi(rows);
            z2.subiRowVector(mean);
            INDArray squares = pass.buffer("scratch", z.shape());
            z.mul(z, squares);
            INDArray var = Nd4j.gemm(ones, squares.reshape(rows, conv.out()), false, false).divi(rows);
            runningMean.muli(1 - BN_MOMENTUM).addi(mean.mul(BN_MOMENTUM));
            runningVar.muli(1 - BN_MOMENTUM).addi(var.mul(BN_MOMENTUM));
            lastInvStd = Transforms.pow(var.addi(BN_EPS), -0.5, false);
            z2.muliRowVector(lastInvStd);
            lastNormalized = z;
            INDArray y = pass.buffer(id + "y", z.shape()).assign(z);
            y.reshape(rows, conv.out()).muliRowVector(gamma).addiRowVector(beta);
            return y;
        }

        /**
         * Batch norm with running statistics is an affine map per output channel, so out of
         * training it folds into the convolution's weights and bias: gamma / std scales each
         * output channel's filter and beta - mean * gamma / std becomes its bias. The separate
         * normalization cost nearly as much as the convolution on 16-channel pages (0.37 s
         * against 0.42 s for six layers on four 640x640 tiles). Refolded on every pass: the
         * weights change while training, and folding 2,304 weights is nothing.
         */
        private void foldNormalization() {
            if (foldedW == null) {
                foldedW = w.dup();
                foldedB = Nd4j.create(w.dataType(), conv.out());
            }
            INDArray scale = Transforms.pow(runningVar.add(BN_EPS), -0.5, false).muli(gamma);
            foldedW.assign(w);
            foldedW.reshape(w.length() / conv.out(), conv.out()).muliRowVector(scale);
            foldedB.assign(beta.sub(runningMean.mul(scale)).reshape(conv.out()));
        }

        @Override
        public INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient) {
            INDArray grad = gradOut;
            if (lastOnPhases && !phasesOut) grad = phases.split(pass, id + "gs", gradOut, dilation);
            if (conv.activation() != null) activationGradientInPlace(lastDerivativeInput, grad, conv.activation());
            if (conv.batchNorm()) normalizationGradientInPlace(pass, grad);
            if (lastOnPhases) {
                INDArray gradIn = backwardOnImages(pass, grad);
                if (phasesIn) return gradIn;
                INDArray image = pass.buffer(id + "dxm", pass.count, pass.height, pass.width, conv.in());
                phases.merge(gradIn, dilation, image);
                return image;
            }
            if (dilation == 1) return backwardOnImages(pass, grad);
            INDArray gradInPhases = backwardOnImages(pass, phases.split(pass, id + "gs", grad, dilation));
            INDArray gradIn = pass.buffer(id + "dxm", grad.size(0), grad.size(1), grad.size(2), conv.in());
            phases.merge(gradInPhases, dilation, gradIn);
            return gradIn;
        }

        /** The gradients of an undilated convolution of {@code lastInput} (images or phases) given its output's. */
        private INDArray backwardOnImages(Pass pass, INDArray grad) {
            INDArray gradIn = pass.buffer(id + "dx", lastInput.shape());
            long n = lastInput.size(0);
            long perChunk = Math.max(1, chunkPixels / (lastInput.size(1) * lastInput.size(2)));
            if (n <= perChunk) {
                convBackward(lastInput, grad, gradIn, gradW, gradB);
                return gradIn;
            }
            // M2.1's conv2d_bp slows down 10-30x past ~100k pixels a call (32 64x64 patches:
            // 292 ms, 16 of them: 9 ms), so large batches go through in chunks of images
            INDArray chunkW = pass.buffer(id + "dw", gradW.shape());
            INDArray chunkB = gradB == null ? null : pass.buffer(id + "db", gradB.shape());
            gradW.assign(0);
            if (gradB != null) gradB.assign(0);
            for (long i0 = 0; i0 < n; i0 += perChunk) {
                INDArrayIndex rows = NDArrayIndex.interval(i0, Math.min(n, i0 + perChunk));
                convBackward(lastInput.get(rows), grad.get(rows), gradIn.get(rows), chunkW, chunkB);
                gradW.addi(chunkW);
                if (gradB != null) gradB.addi(chunkB);
            }
            return gradIn;
        }

        private void convBackward(INDArray x, INDArray gradOut, INDArray gradIn, INDArray gw, INDArray gb) {
            if (conv.batchNorm()) {
                exec("conv2d_bp", new INDArray[] {x, w, gradOut}, new INDArray[] {gradIn, gw}, CONV_ARGS);
            } else {
                exec("conv2d_bp", new INDArray[] {x, w, b, gradOut}, new INDArray[] {gradIn, gw, gb}, CONV_ARGS);
            }
        }

        /**
         * Batch norm's backward pass with batch statistics, written over the incoming gradient:
         * dz = invStd * (gamma * dy - gamma * dBeta / M - x-hat * gamma * dGamma / M).
         */
        private void normalizationGradientInPlace(Pass pass, INDArray dy) {
            long rows = dy.length() / conv.out();
            INDArray dy2 = dy.reshape(rows, conv.out());
            INDArray xhat2 = lastNormalized.reshape(rows, conv.out());
            INDArray ones = pass.ones(rows);
            INDArray scratch = pass.buffer("scratch", dy.shape());
            INDArray scratch2 = scratch.reshape(rows, conv.out());
            dy.mul(lastNormalized, scratch);
            gradGamma.assign(Nd4j.gemm(ones, scratch2, false, false));
            gradBeta.assign(Nd4j.gemm(ones, dy2, false, false));
            INDArray k = gamma.mul(lastInvStd);
            INDArray k1 = k.mul(gradGamma).divi(rows);
            INDArray k2 = k.mul(gradBeta).divi(rows);
            scratch.assign(lastNormalized);
            scratch2.muliRowVector(k1);
            dy2.muliRowVector(k).subi(scratch2).subiRowVector(k2);
        }
    }

    /**
     * A dilated 3x3 convolution as an ordinary one on the image's phases (TensorFlow's atrous
     * convolution): with taps {@code d} pixels apart, an output pixel only meets input pixels of
     * its own row and column phase (y mod d, x mod d), so the d x d sub-images of every d-th pixel
     * convolve independently, undilated, side by side in the batch. M2.1's oneDNN helper cannot
     * build a dilated convolution (its right padding leaves the dilation out) and libnd4j's own
     * kernel ran 10x slower than oneDNN here. The reshuffles are plain Java copies of each
     * pixel's channels: ND4J's 6-d permuted assign cost more than the convolution.
     */
    static final class Phases {
        private float[] zeros = new float[0];

        private Phases() { }

        /** [n, h, w, c] to [n * d * d, ceil(h / d), ceil(w / d), c], zero-padded at the bottom and right. */
        INDArray split(Pass pass, String key, INDArray x, int d) {
            int n = (int) x.size(0), h = (int) x.size(1), w = (int) x.size(2), c = (int) x.size(3);
            int hp = (h + d - 1) / d, wp = (w + d - 1) / d;
            INDArray phases = pass.buffer(key, (long) n * d * d, hp, wp, c);
            FloatBuffer src = whole(x);
            FloatBuffer dst = DirectModel.floats(phases);
            if (zeros.length < c) zeros = new float[c];
            float[] none = zeros;
            // one task per image and phase row: large pages come as one image
            IntStream.range(0, n * d).parallel().forEach(task -> {
                int img = task / d, py = task % d;
                for (int px = 0; px < d; px++) {
                    int base = ((img * d + py) * d + px) * hp * wp * c;
                    for (int yy = 0; yy < hp; yy++) {
                        int y = yy * d + py;
                        for (int xx = 0; xx < wp; xx++) {
                            int xo = xx * d + px;
                            int at = base + (yy * wp + xx) * c;
                            if (y < h && xo < w) {
                                dst.put(at, src, ((img * h + y) * w + xo) * c, c);
                            } else {
                                dst.put(at, none, 0, c);
                            }
                        }
                    }
                }
            });
            return phases;
        }

        /** The inverse of {@link #split} into {@code out} [n, h, w, c], the padding dropped. */
        void merge(INDArray phases, int d, INDArray out) {
            int n = (int) out.size(0), h = (int) out.size(1), w = (int) out.size(2), c = (int) out.size(3);
            int hp = (int) phases.size(1), wp = (int) phases.size(2);
            FloatBuffer src = whole(phases);
            FloatBuffer dst = DirectModel.floats(out);
            IntStream.range(0, n * h).parallel().forEach(row -> {
                int img = row / h, y = row % h;
                int py = y % d, yy = y / d;
                for (int xo = 0; xo < w; xo++) {
                    int px = xo % d, xx = xo / d;
                    int at = (((img * d + py) * d + px) * hp * wp + yy * wp + xx) * c;
                    dst.put(((img * h + y) * w + xo) * c, src, at, c);
                }
            });
        }

        private static FloatBuffer whole(INDArray a) {
            return DirectModel.floats(a.isView() ? a.dup('c') : a);
        }
    }

    /**
     * A 3x3 convolution with one input channel (the network's first layer) or one output channel
     * (its last) as a matrix product with the nine shifted copies of the one-channel image, built
     * in Java. oneDNN runs these shapes at a tenth of its 32-channel speed; as gemms they cost
     * almost nothing. The first layer also skips the gradient of its input, which nobody needs.
     *
     * <p>A one-output convolution right after a 2x nearest upsampling takes the upsampling in:
     * the nine products per pixel are the same for the four pixels an input pixel becomes, so
     * the gemm runs at the low resolution and the gather reads each input pixel four times.
     * Upsampling 32 channels to 28x28 and convolving them was a quarter of a conv DAE's step.
     */
    static final class OneChannelConvLayer implements Layer {
        private final int step;
        private final NetworkPlan.Conv conv;
        private final boolean input;
        /** 2 when this layer also runs the upsampling before it, else 1 */
        private final int factor;
        /** the weights [3,3,in,out] seen as [9, channels]: k = 3 * ky + kx by the other side's channel */
        private final INDArray w9, gradW9, b, gradB;
        private INDArray lastInput, lastDerivativeInput, lastColumns;

        OneChannelConvLayer(int step, NetworkPlan.Conv conv, boolean afterUpsampling,
                            Map<String, INDArray> params, Map<String, INDArray> gradients) {
            if (!applies(step, conv)) throw new IllegalArgumentException("not a first or one-output convolution");
            this.step = step;
            this.conv = conv;
            this.input = step == 1;
            if (input && afterUpsampling) throw new IllegalArgumentException("the first layer follows no upsampling");
            this.factor = afterUpsampling ? 2 : 1;
            int channels = input ? conv.out() : conv.in();
            this.w9 = params.get(ParameterNames.weights(step)).reshape(9, channels);
            this.gradW9 = gradients.get(ParameterNames.weights(step)).reshape(9, channels);
            this.b = params.get(ParameterNames.bias(step)).reshape(1, conv.out());
            this.gradB = gradients.get(ParameterNames.bias(step)).reshape(1, conv.out());
        }

        /** The first layer (one input channel, no input gradient needed) or any layer with one output channel. */
        static boolean applies(int step, NetworkPlan.Conv conv) {
            return !conv.batchNorm() && conv.dilation() == 1 && ((step == 1 && conv.in() == 1) || conv.out() == 1);
        }

        @Override public int step() { return step; }

        @Override public int firstStep() { return step - factor + 1; }

        @Override
        public INDArray forward(Pass pass, INDArray x, boolean training) {
            int n = (int) x.size(0), h = (int) x.size(1), w = (int) x.size(2);
            long rows = (long) n * h * w;
            INDArray z = pass.buffer("conv" + step + "z", n, h * factor, w * factor, conv.out());
            if (input) {
                // z = columns(x) [rows, 9] x w9 [9, out] + b
                INDArray columns = pass.buffer("conv" + step + "cols", rows, 9);
                float[] pixels = new float[(int) rows];
                DirectModel.floats(x).get(pixels);
                DirectModel.floats(columns).put(shifted(pixels, n, h, w));
                Nd4j.gemm(columns, w9, z.reshape(rows, conv.out()), false, false, 1.0, 0.0);
                z.reshape(rows, conv.out()).addiRowVector(b);
                lastColumns = columns;
            } else {
                // y = x [rows, in] x w9^T [in, 9]; out(p) = sum over k of y(source of p + offset k, k) + b
                INDArray y = pass.buffer("conv" + step + "y", rows, 9);
                Nd4j.gemm(x.reshape(rows, conv.in()), w9, y, false, true, 1.0, 0.0);
                float[] nine = new float[(int) rows * 9];
                DirectModel.floats(y).get(nine);
                DirectModel.floats(z).put(gathered(nine, n, h * factor, w * factor, factor, b.getFloat(0)));
            }
            lastInput = x;
            lastDerivativeInput = z;
            if (conv.activation() == null) return z;
            INDArray a = activate(pass, "conv" + step + "a", z, conv.activation(), training);
            lastDerivativeInput = derivativeInput(z, a, conv.activation());
            return a;
        }

        @Override
        public INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient) {
            if (conv.activation() != null) activationGradientInPlace(lastDerivativeInput, gradOut, conv.activation());
            int n = (int) lastInput.size(0), h = (int) lastInput.size(1), w = (int) lastInput.size(2);
            long rows = (long) n * h * w;
            if (input) {
                INDArray dz = gradOut.reshape(rows, conv.out());
                Nd4j.gemm(lastColumns, dz, gradW9, true, false, 1.0, 0.0);
                Nd4j.gemm(pass.ones(rows), dz, gradB, false, false, 1.0, 0.0);
                return null;
            }
            float[] dOut = new float[(int) gradOut.length()];
            DirectModel.floats(gradOut).get(dOut);
            INDArray dy = pass.buffer("conv" + step + "dy", rows, 9);
            DirectModel.floats(dy).put(gatheredGradient(dOut, n, h * factor, w * factor, factor));
            Nd4j.gemm(dy, lastInput.reshape(rows, conv.in()), gradW9, true, false, 1.0, 0.0);
            double sum = 0;
            for (float v : dOut) sum += v;
            gradB.putScalar(0, sum);
            INDArray gradIn = pass.buffer("conv" + step + "dx", lastInput.shape());
            Nd4j.gemm(dy, w9, gradIn.reshape(rows, conv.in()), false, false, 1.0, 0.0);
            return gradIn;
        }

        /** Row p, column k = 3 * ky + kx: image(p + (ky - 1, kx - 1)); zero outside the image. */
        static float[] shifted(float[] image, int n, int h, int w) {
            float[] out = new float[image.length * 9];
            IntStream.range(0, n).forEach(img -> {
                int base = img * h * w;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int row = (base + y * w + x) * 9;
                        for (int ky = 0; ky < 3; ky++) {
                            int yy = y + ky - 1;
                            if (yy < 0 || yy >= h) continue;
                            for (int kx = 0; kx < 3; kx++) {
                                int xx = x + kx - 1;
                                if (xx >= 0 && xx < w) out[row + 3 * ky + kx] = image[base + yy * w + xx];
                            }
                        }
                    }
                }
            });
            return out;
        }

        /**
         * out(p) = bias + sum over k = 3 * ky + kx of nine(source(p + (ky - 1, kx - 1)), k) on the
         * h x w output grid, where source(q) is the input pixel (qy / factor, qx / factor).
         */
        static float[] gathered(float[] nine, int n, int h, int w, int factor, float bias) {
            float[] out = new float[n * h * w];
            int hs = h / factor, ws = w / factor;
            IntStream.range(0, n).forEach(img -> {
                int base = img * hs * ws;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float sum = bias;
                        for (int ky = 0; ky < 3; ky++) {
                            int yy = y + ky - 1;
                            if (yy < 0 || yy >= h) continue;
                            for (int kx = 0; kx < 3; kx++) {
                                int xx = x + kx - 1;
                                if (xx >= 0 && xx < w) sum += nine[(base + (yy / factor) * ws + xx / factor) * 9 + 3 * ky + kx];
                            }
                        }
                        out[(img * h + y) * w + x] = sum;
                    }
                }
            });
            return out;
        }

        /**
         * The gradient of {@link #gathered} with respect to nine: d nine(s, k) is the sum, over
         * the output pixels q whose shifted position q + (ky - 1, kx - 1) has source s, of d out(q).
         */
        static float[] gatheredGradient(float[] dOut, int n, int h, int w, int factor) {
            int hs = h / factor, ws = w / factor;
            float[] out = new float[n * hs * ws * 9];
            IntStream.range(0, n).forEach(img -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float d = dOut[(img * h + y) * w + x];
                        for (int ky = 0; ky < 3; ky++) {
                            int yy = y + ky - 1;
                            if (yy < 0 || yy >= h) continue;
                            for (int kx = 0; kx < 3; kx++) {
                                int xx = x + kx - 1;
                                if (xx >= 0 && xx < w) out[((img * hs + yy / factor) * ws + xx / factor) * 9 + 3 * ky + kx] += d;
                            }
                        }
                    }
                }
            });
            return out;
        }
    }

    /**
     * A fully connected layer on [count, in] rows: z = x W + b as one gemm and a row-vector add;
     * backward dW = x^T dz, db = column sums of dz (a gemm with a ones row), dx = dz W^T,
     * skipped for the first layer, whose input gradient nobody needs.
     */
    static final class DenseLayer implements Layer {
        private final int step;
        private final String id;
        private final NetworkPlan.Dense dense;
        private final INDArray w, b, gradW, gradB;
        private INDArray lastInput, lastDerivativeInput;

        DenseLayer(int step, NetworkPlan.Dense dense, Map<String, INDArray> params, Map<String, INDArray> gradients) {
            this.step = step;
            this.id = "dense" + step;
            this.dense = dense;
            this.w = params.get(ParameterNames.weights(step));
            this.gradW = gradients.get(ParameterNames.weights(step));
            this.b = params.get(ParameterNames.bias(step)).reshape(1, dense.out());
            this.gradB = gradients.get(ParameterNames.bias(step)).reshape(1, dense.out());
        }

        @Override public int step() { return step; }

        @Override
        public INDArray forward(Pass pass, INDArray x, boolean training) {
            long n = x.size(0);
            INDArray rows = x.rank() == 2 ? x : x.reshape(n, x.length() / n);
            INDArray z = pass.buffer(id + "z", n, dense.out());
            Nd4j.gemm(rows, w, z, false, false, 1.0, 0.0);
            z.addiRowVector(b);
            lastInput = rows;
            lastDerivativeInput = z;
            if (dense.activation() == null) return z;
            INDArray a = activate(pass, id + "a", z, dense.activation(), training);
            lastDerivativeInput = derivativeInput(z, a, dense.activation());
            return a;
        }

        @Override
        public INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient) {
            INDArray dz = gradOut.rank() == 2 ? gradOut : gradOut.reshape(lastDerivativeInput.shape());
            if (dense.activation() != null) activationGradientInPlace(lastDerivativeInput, dz, dense.activation());
            Nd4j.gemm(lastInput, dz, gradW, true, false, 1.0, 0.0);
            Nd4j.gemm(pass.ones(dz.size(0)), dz, gradB, false, false, 1.0, 0.0);
            if (!needInputGradient) return null;
            INDArray gradIn = pass.buffer(id + "dx", lastInput.shape());
            Nd4j.gemm(dz, w, gradIn, false, true, 1.0, 0.0);
            return gradIn;
        }
    }

    /**
     * Applies the activation to z and returns the output. The backward pass needs z, except for
     * ReLU and leaky ReLU, whose derivative the output gives as well (same sign as z): those
     * run in place and keep no copy (a 128 x 28 x 28 x 32 copy was ~3 ms of a conv step).
     */
    static INDArray activate(Pass pass, String key, INDArray z, Activation act, boolean training) {
        if (!training || derivativeFromOutput(act)) {
            activateInPlace(z, act);
            return z;
        }
        INDArray a = pass.buffer(key, z.shape()).assign(z);
        activateInPlace(a, act);
        return a;
    }

    /** What {@link #activationGradientInPlace} needs: the output for ReLU-like activations, else z. */
    static INDArray derivativeInput(INDArray z, INDArray output, Activation act) {
        return derivativeFromOutput(act) ? output : z;
    }

    private static boolean derivativeFromOutput(Activation act) {
        return act == Activation.RELU || act == Activation.LEAKY_RELU;
    }

    static void activateInPlace(INDArray a, Activation act) {
        switch (act) {
            case RELU -> Transforms.relu(a, false);
            case LEAKY_RELU -> Transforms.leakyRelu(a, LEAKY_ALPHA, false);
            case ELU -> Transforms.elu(a, false);
            case TANH -> Transforms.tanh(a, false);
            case SIGMOID -> Transforms.sigmoid(a, false);
        }
    }

    /** grad <- grad * act'(preActivation). */
    static void activationGradientInPlace(INDArray pre, INDArray grad, Activation act) {
        switch (act) {
            case RELU -> Nd4j.exec(new RectifiedLinearDerivative(pre, grad, grad, 0.0));
            case LEAKY_RELU -> Nd4j.exec(new LeakyReLUBp(pre, grad, grad, LEAKY_ALPHA));
            case ELU -> Nd4j.exec(new EluBp(pre, grad, grad));
            case TANH -> Nd4j.exec(new TanhDerivative(pre, grad, grad));
            case SIGMOID -> Nd4j.exec(new SigmoidDerivative(pre, grad, grad));
        }
    }

    static final class PoolLayer implements Layer {
        private final int step;
        private INDArray lastInput;

        PoolLayer(int step) { this.step = step; }

        @Override public int step() { return step; }

        @Override
        public INDArray forward(Pass pass, INDArray x, boolean training) {
            INDArray out = pass.buffer("pool" + step, x.size(0), x.size(1) / 2, x.size(2) / 2, x.size(3));
            exec("maxpool2d", new INDArray[] {x}, new INDArray[] {out}, POOL_ARGS);
            lastInput = x;
            return out;
        }

        @Override
        public INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient) {
            INDArray gradIn = pass.buffer("pool" + step + "dx", lastInput.shape());
            exec("maxpool2d_bp", new INDArray[] {lastInput, gradOut}, new INDArray[] {gradIn}, POOL_ARGS);
            return gradIn;
        }
    }

    /** Nearest-neighbour 2x; its gradient is the sum over each 2x2 block (M2.1's NHWC upsampling_bp is wrong). */
    static final class UpsampleLayer implements Layer {
        private final int step;
        private long[] inputShape;

        UpsampleLayer(int step) { this.step = step; }

        @Override public int step() { return step; }

        @Override
        public INDArray forward(Pass pass, INDArray x, boolean training) {
            INDArray out = pass.buffer("up" + step, x.size(0), 2 * x.size(1), 2 * x.size(2), x.size(3));
            exec("upsampling2d", new INDArray[] {x}, new INDArray[] {out}, UPSAMPLE_ARGS);
            inputShape = x.shape();
            return out;
        }

        @Override
        public INDArray backward(Pass pass, INDArray gradOut, boolean needInputGradient) {
            // the sum over each 2x2 block, as 4 x its average: NHWC average pooling is one fast
            // pass, a reduction over the block axes of a 6-d view was 3-5x slower
            INDArray gradIn = pass.buffer("up" + step + "dx", inputShape);
            exec("avgpool2d", new INDArray[] {gradOut}, new INDArray[] {gradIn}, POOL_ARGS);
            return gradIn.muli(4);
        }
    }

    /**
     * The end of the network and the loss, on one channel, as SameDiff's loss ops define them:
     * BCE on a sigmoid output (the dense and conv default) in native vectorised ops, the rest
     * in Java in double precision.
     */
    static final class Head {
        private final boolean residual;
        private final ArchitectureSpec.Loss loss;

        Head(boolean residual, ArchitectureSpec.Loss loss) {
            this.residual = residual;
            this.loss = loss;
        }

        float[] output(INDArray last, float[] input) {
            int n = (int) last.length();
            float[] z = new float[n];
            DirectModel.floats(last).get(z);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) out[i] = residual ? clamp(input[i] - z[i]) : sigmoid(z[i]);
            return out;
        }

        /**
         * The loss summed over the pass's n pixels and divided by {@code mean} (the batch's pixel
         * count: a replica's share of the batch mean); writes its gradient into the pass's output gradient.
         */
        double lossAndGradient(Pass pass, INDArray last, float[] input, float[] label, int n, double mean) {
            if (!residual && loss == ArchitectureSpec.Loss.BCE) return sigmoidCrossEntropy(pass, last, label, n, mean);
            float[] z = new float[n];
            DirectModel.floats(last).get(z);
            float[] g = new float[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double y = label[i];
                if (residual) {
                    // float arithmetic, as the graph's: saturated outputs sit at log(1e-7) and rounding shows
                    float raw = input[i] - z[i];
                    float out = clamp(raw);
                    double dOut;
                    if (loss == ArchitectureSpec.Loss.MSE) {
                        sum += (out - y) * (out - y);
                        dOut = 2 * (out - y);
                    } else {
                        float p = out + 1e-7f, q = 1 - out + 1e-7f;
                        sum -= y * Math.log(p) + (1 - y) * Math.log(q);
                        dOut = -(y / p - (1 - y) / q);
                    }
                    g[i] = raw > 0 && raw < 1 ? (float) (-dOut / mean) : 0f;
                } else {
                    // one exp per pixel: e = exp(-|z|) gives both the sigmoid and BCE's log term
                    // (log1p and a second exp were a third of a dense model's step)
                    double zi = z[i];
                    double e = Math.exp(-Math.abs(zi));
                    double s = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
                    if (loss == ArchitectureSpec.Loss.BCE) {
                        sum += Math.max(zi, 0) - zi * y + Math.log(1 + e);
                        g[i] = (float) ((s - y) / mean);
                    } else {
                        sum += (s - y) * (s - y);
                        g[i] = (float) (2 * (s - y) * s * (1 - s) / mean);
                    }
                }
            }
            FloatBuffer grad = DirectModel.floats(pass.outputGradient());
            grad.put(g, 0, n);
            return sum / mean;
        }

        /**
         * BCE on the logits z with native vectorised ops: the same pixel-by-pixel loop in Java
         * (an exp and a log per pixel, in double) took 6 of a dense step's 15 ms. Stable form:
         * loss = max(z, 0) - z y + log(1 + exp(-|z|)), summed as (sum z + sum |z|) / 2
         * + sum softplus(-|z|) - z . y; gradient (sigmoid(z) - y) / mean.
         */
        private double sigmoidCrossEntropy(Pass pass, INDArray last, float[] label, int n, double mean) {
            INDArray z = last.reshape(1, n);
            INDArray y = pass.buffer("label", 1, n);
            DirectModel.floats(y).put(label, 0, n);
            INDArray scratch = pass.buffer("headScratch", 1, n);
            Nd4j.exec(new Abs(z, scratch));
            double sumAbs = scratch.sumNumber().doubleValue();
            Nd4j.exec(new SoftPlus(scratch.negi(), scratch));
            double sum = (z.sumNumber().doubleValue() + sumAbs) / 2 + scratch.sumNumber().doubleValue()
                    - Nd4j.getBlasWrapper().dot(z, y);
            INDArray g = pass.outputGradient().reshape(1, n);
            Nd4j.exec(new Sigmoid(z, g));
            g.subi(y).muli(1.0 / mean);
            return sum / mean;
        }

        private static float sigmoid(float z) {
            return (float) (1 / (1 + Math.exp(-z)));
        }

        private static float clamp(float v) {
            return Math.min(1f, Math.max(0f, v));
        }
    }
}
