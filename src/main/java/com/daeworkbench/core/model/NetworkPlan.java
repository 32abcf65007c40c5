package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers an {@link ArchitectureSpec} stands for, as plain data: what the engine builds,
 * what the GUI draws as a layer diagram and counts parameters of, with no natives loaded.
 */
public record NetworkPlan(ArchitectureSpec spec, List<Step> steps) {

    public sealed interface Step {
        long parameters();
        String describe();

        /** Dispatch by kind of step: a new kind breaks the build of every {@link Visitor} until it handles it. */
        <R> R accept(Visitor<R> visitor);

        /** True for the steps with weights (the layers a diagram draws). */
        default boolean learned() { return false; }
    }

    /** One method per kind of {@link Step}; implement it wherever steps are turned into something. */
    public interface Visitor<R> {
        R dense(Dense dense);
        R conv(Conv conv);
        R maxPool(MaxPool pool);
        R upsample(Upsample upsample);
        R output(Output output);
    }

    /** A fully connected layer; {@code activation} null means linear (logits). */
    public record Dense(int in, int out, Activation activation) implements Step {
        public long parameters() { return (long) in * out + out; }
        public String describe() { return "dense " + in + " -> " + out + suffix(activation); }
        public <R> R accept(Visitor<R> v) { return v.dense(this); }
        @Override public boolean learned() { return true; }
    }

    /** 3x3 convolution, same padding, its taps {@code dilation} pixels apart; optional batch norm before the activation. */
    public record Conv(int in, int out, boolean batchNorm, Activation activation, int dilation) implements Step {
        public Conv {
            if (dilation < 1) throw new IllegalArgumentException("dilation must be at least 1, got " + dilation);
        }

        public Conv(int in, int out, boolean batchNorm, Activation activation) {
            this(in, out, batchNorm, activation, 1);
        }

        public long parameters() { return 9L * in * out + (batchNorm ? 2L * out : out); }
        public String describe() {
            return "conv 3x3" + (dilation > 1 ? " dilated " + dilation : "") + " " + in + " -> " + out
                    + (batchNorm ? " + batch norm" : "") + suffix(activation);
        }
        public <R> R accept(Visitor<R> v) { return v.conv(this); }
        @Override public boolean learned() { return true; }
    }

    public record MaxPool() implements Step {
        public long parameters() { return 0; }
        public String describe() { return "max pool 2x2"; }
        public <R> R accept(Visitor<R> v) { return v.maxPool(this); }
    }

    public record Upsample() implements Step {
        public long parameters() { return 0; }
        public String describe() { return "upsample x2 (nearest)"; }
        public <R> R accept(Visitor<R> v) { return v.upsample(this); }
    }

    /** The end of the network: sigmoid of the logits, or input minus predicted noise clamped to [0,1]. */
    public record Output(boolean residual) implements Step {
        public long parameters() { return 0; }
        public String describe() { return residual ? "output = clamp(input - predicted noise, 0, 1)" : "sigmoid"; }
        public <R> R accept(Visitor<R> v) { return v.output(this); }
    }

    private static String suffix(Activation a) {
        return a == null ? "" : ", " + a.name().toLowerCase().replace('_', ' ');
    }

    public static NetworkPlan of(ArchitectureSpec s) {
        List<Step> steps = new ArrayList<>();
        Activation act = s.activation();
        switch (s.kind()) {
            case DENSE -> {
                int inputs = s.inputHeight() * s.inputWidth();
                List<Integer> widths = new ArrayList<>();
                for (int i = 0, w = s.width(); i < s.layers() - 1; i++, w = Math.max(1, w / 2)) widths.add(w);
                widths.add(s.bottleneck());
                int prev = inputs;
                for (int w : widths) { steps.add(new Dense(prev, w, act)); prev = w; }
                for (int i = widths.size() - 2; i >= 0; i--) { steps.add(new Dense(prev, widths.get(i), act)); prev = widths.get(i); }
                steps.add(new Dense(prev, inputs, null));
                steps.add(new Output(false));
            }
            case CONV -> {
                int prev = 1;
                for (int i = 0; i < s.layers(); i++) {
                    steps.add(new Conv(prev, s.width(), false, act));
                    steps.add(new MaxPool());
                    prev = s.width();
                }
                steps.add(new Conv(prev, s.bottleneck(), false, act));
                prev = s.bottleneck();
                for (int i = 0; i < s.layers() - 1; i++) {
                    steps.add(new Upsample());
                    steps.add(new Conv(prev, s.width(), false, act));
                    prev = s.width();
                }
                steps.add(new Upsample());
                steps.add(new Conv(prev, 1, false, null));
                steps.add(new Output(false));
            }
            case RESIDUAL -> {
                steps.add(new Conv(1, s.width(), false, act));
                // every middle layer takes the dilation; the undilated first and last mix neighbouring pixels, so
                // the view has no holes, and the middle runs as one stretch on the image's phases
                // (DirectLayers.Phases: one reshuffle each way, not one per layer; IRCNN's rising and falling
                // schedule, 1, 2, 3, 3, 2, 1, took 1.6-1.8x an undilated page that way)
                for (int i = 0; i < s.layers() - 2; i++) steps.add(new Conv(s.width(), s.width(), true, act, s.dilation()));
                steps.add(new Conv(s.width(), 1, false, null));
                steps.add(new Output(true));
            }
        }
        return new NetworkPlan(s, List.copyOf(steps));
    }

    /**
     * How many pixels away, on each side, an input pixel can still change an output pixel:
     * a 3x3 convolution reaches its dilation further at the resolution it runs at.
     */
    public int reach() {
        int[] scale = {1};
        int[] reach = {0};
        Visitor<Void> add = new Visitor<>() {
            public Void dense(Dense d) { return null; }
            public Void conv(Conv c) { reach[0] += c.dilation() * scale[0]; return null; }
            public Void maxPool(MaxPool p) { scale[0] *= 2; return null; }
            public Void upsample(Upsample u) { scale[0] /= 2; return null; }
            public Void output(Output o) { return null; }
        };
        for (Step step : steps) step.accept(add);
        return reach[0];
    }

    public long parameterCount() {
        return steps.stream().mapToLong(Step::parameters).sum();
    }

    public List<String> describe() {
        return steps.stream().map(Step::describe).toList();
    }

    /**
     * Index in {@link #steps()} of the step whose activation is the code: the bottleneck layer
     * of dense and conv models, the middle layer of a residual one (which has no bottleneck).
     */
    public int codeStep() {
        return switch (spec.kind()) {
            case DENSE -> spec.layers() - 1;
            case CONV -> 2 * spec.layers();
            case RESIDUAL -> (steps.size() - 2) / 2;
        };
    }

    /** Values in the code of one image of the given size (residual: one per channel, averaged over the image). */
    public int codeSize(int height, int width) {
        return switch (spec.kind()) {
            case DENSE -> spec.bottleneck();
            case CONV -> (height >> spec.layers()) * (width >> spec.layers()) * spec.bottleneck();
            case RESIDUAL -> spec.width();
        };
    }

    /** The size of the data between two layers for one image: height x width x channels (dense: 1 x 1 x units). */
    public record Shape(int height, int width, int channels) {
        public long values() { return (long) height * width * channels; }

        @Override
        public String toString() {
            return height == 1 && width == 1 ? Integer.toString(channels) : channels + " @ " + height + "x" + width;
        }
    }

    /**
     * The data's shape at the input and after each learned layer of one {@code height x width}
     * image (pooling and upsampling fold into the next layer's shape): what the window's layer
     * diagram draws, the narrowest one being the code.
     */
    public List<Shape> shapes(int height, int width) {
        List<Shape> out = new ArrayList<>();
        boolean dense = spec.kind() == ArchitectureSpec.Kind.DENSE;
        out.add(dense ? new Shape(1, 1, height * width) : new Shape(height, width, 1));
        int[] hw = {height, width};
        Visitor<Void> shape = new Visitor<>() {
            public Void dense(Dense d) { out.add(new Shape(1, 1, d.out())); return null; }
            public Void conv(Conv c) { out.add(new Shape(hw[0], hw[1], c.out())); return null; }
            public Void maxPool(MaxPool p) { hw[0] /= 2; hw[1] /= 2; return null; }
            public Void upsample(Upsample u) { hw[0] *= 2; hw[1] *= 2; return null; }
            public Void output(Output o) { return null; }
        };
        for (Step step : steps) step.accept(shape);
        return List.copyOf(out);
    }

    /** Index in {@link #shapes} of the code: the output of {@link #codeStep()}. */
    public int codeShapeIndex() {
        int learned = 0;
        for (int i = 0; i <= codeStep(); i++) if (steps.get(i).learned()) learned++;
        return learned;
    }

    /** Image sides must be multiples of this for the network to give back the same size. */
    public int sizeMultiple() {
        return spec.kind() == ArchitectureSpec.Kind.CONV ? 1 << spec.layers() : 1;
    }
}
