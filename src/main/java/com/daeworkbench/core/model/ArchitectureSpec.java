package com.daeworkbench.core.model;

/**
 * Everything that defines a denoising autoencoder and how it is trained: saved with the
 * model as JSON, so a model file says how it was made.
 *
 * <ul>
 *   <li>{@code DENSE}: input - width - width/2 ... (layers-1 hidden layers) - bottleneck - mirror - input.
 *       layers=2, width=256, bottleneck=64 is 784-256-64-256-784.</li>
 *   <li>{@code CONV}: the Keras-blog denoiser: {@code layers} times [conv(width) 3x3, maxpool 2x2],
 *       conv(bottleneck), then (layers-1) times [upsample 2x, conv(width)], upsample 2x, conv(1), sigmoid.
 *       layers=2, width=32, bottleneck=32 is conv32-pool-conv32-pool-conv32-up-conv32-up-conv1.</li>
 *   <li>{@code RESIDUAL}: DnCNN: conv(width)+act, (layers-2) times [conv(width), batch norm, act], conv(1);
 *       the output is clamp(input - that, 0, 1): it predicts the noise and subtracts it.
 *       {@code bottleneck} is unused.</li>
 * </ul>
 *
 * <p>{@code pageInput} says what a page goes through before the network sees it (see
 * {@link PageInput}); files written before it existed read as {@link PageInput#RAW}.
 *
 * <p>Two halves: the {@link Network} (what the weights mean) and the {@link TrainingConfig} (how
 * they are fitted); starting from another model's weights takes its network and keeps the run's
 * training. Model files and run records store the spec as one flat JSON object ({@link FileForm}),
 * the same as before the split, so every file written since 0.1.0 reads unchanged.
 */
public record ArchitectureSpec(Network network, TrainingConfig training) {
    public enum Kind { DENSE, CONV, RESIDUAL }

    public enum Activation { RELU, LEAKY_RELU, ELU, TANH, SIGMOID }

    public enum Loss {
        /** binary cross-entropy on a sigmoid output: the classic choice for pixels in [0,1] */
        BCE,
        MSE
    }

    public enum Optimizer { ADAM, SGD_MOMENTUM, RMSPROP }

    /** What a page goes through before the network sees it, on whole pages (training and inference alike). */
    public enum PageInput {
        /** the page as it is */
        RAW,
        /**
         * divided by its estimated paper ({@code core.data.PaperBackground}), capped at white; where
         * the estimate is too dark to be paper the input is returned unchanged
         */
        PAPER_DIVIDED
    }

    /** The flat form, field by field (tests and code that build one whole spec). */
    public ArchitectureSpec(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck,
                            Activation activation, Loss loss, Optimizer optimizer, double learningRate, int batchSize,
                            double weightDecay, long seed, PageInput pageInput) {
        this(new Network(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, pageInput),
                new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, seed));
    }

    /** Without page preprocessing ({@link PageInput#RAW}): every model before page inputs existed. */
    public ArchitectureSpec(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck,
                            Activation activation, Loss loss, Optimizer optimizer, double learningRate, int batchSize,
                            double weightDecay, long seed) {
        this(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, optimizer, learningRate,
                batchSize, weightDecay, seed, PageInput.RAW);
    }

    public ArchitectureSpec {
        Network.require(network != null && training != null, "a network and its training settings are required");
    }

    /**
     * How model files ({@code spec.json}) and run records keep a spec: one flat object, as every file since
     * 0.1.0 has it. Fields missing from an older file read as defaults ({@code pageInput}: RAW).
     */
    public record FileForm(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck, Activation activation,
                           Loss loss, Optimizer optimizer, double learningRate, int batchSize, double weightDecay, long seed,
                           PageInput pageInput,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           Integer dilation) { }

    /** Written only when set, so the spec.json of every network without dilation reads as before. */
    @com.fasterxml.jackson.annotation.JsonValue
    public FileForm fileForm() {
        return new FileForm(kind(), inputHeight(), inputWidth(), layers(), width(), bottleneck(), activation(), loss(), optimizer(),
                learningRate(), batchSize(), weightDecay(), seed(), pageInput(), dilation() == 1 ? null : dilation());
    }

    @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
    public static ArchitectureSpec of(FileForm f) {
        Network n = new Network(f.kind(), f.inputHeight(), f.inputWidth(), f.layers(), f.width(), f.bottleneck(), f.activation(),
                f.loss(), f.pageInput(), f.dilation() == null ? 1 : f.dilation());
        return new ArchitectureSpec(n, new TrainingConfig(f.optimizer(), f.learningRate(), f.batchSize(), f.weightDecay(), f.seed()));
    }

    // the network's fields
    public Kind kind() { return network.kind(); }
    public int inputHeight() { return network.inputHeight(); }
    public int inputWidth() { return network.inputWidth(); }
    public int layers() { return network.layers(); }
    public int width() { return network.width(); }
    public int bottleneck() { return network.bottleneck(); }
    public Activation activation() { return network.activation(); }
    public Loss loss() { return network.loss(); }
    public PageInput pageInput() { return network.pageInput(); }
    public int dilation() { return network.dilation(); }
    // the training's fields
    public Optimizer optimizer() { return training.optimizer(); }
    public double learningRate() { return training.learningRate(); }
    public int batchSize() { return training.batchSize(); }
    public double weightDecay() { return training.weightDecay(); }
    public long seed() { return training.seed(); }

    public ArchitectureSpec withNetwork(Network n) { return new ArchitectureSpec(n, training); }

    public ArchitectureSpec withTraining(TrainingConfig t) { return new ArchitectureSpec(network, t); }

    /** The defaults the GUI and CLI start from, for images of the given size. */
    public static ArchitectureSpec defaults(Kind kind, int height, int width) {
        return switch (kind) {
            case DENSE -> new ArchitectureSpec(kind, height, width, 2, 256, 64, Activation.RELU, Loss.BCE,
                    Optimizer.ADAM, 1e-3, 128, 0, 1);
            case CONV -> new ArchitectureSpec(kind, height, width, 2, 32, 32, Activation.RELU, Loss.BCE,
                    Optimizer.ADAM, 1e-3, 128, 0, 1);
            case RESIDUAL -> new ArchitectureSpec(kind, height, width, 8, 32, 32, Activation.RELU, Loss.MSE,
                    Optimizer.ADAM, 1e-3, 128, 0, 1);
        };
    }

    /** True when the network has no dense layer and so runs on any image size. */
    public boolean fullyConvolutional() { return kind() != Kind.DENSE; }

    public ArchitectureSpec withSeed(long newSeed) {
        return withTraining(training.withSeed(newSeed));
    }

    public ArchitectureSpec withPageInput(PageInput input) {
        return withNetwork(network.withPageInput(input));
    }
}
