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
 */
public record ArchitectureSpec(
        Kind kind,
        int inputHeight,
        int inputWidth,
        int layers,
        int width,
        int bottleneck,
        Activation activation,
        Loss loss,
        Optimizer optimizer,
        double learningRate,
        int batchSize,
        double weightDecay,
        long seed,
        PageInput pageInput) {

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

    /** Without page preprocessing ({@link PageInput#RAW}): every model before page inputs existed. */
    public ArchitectureSpec(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck,
                            Activation activation, Loss loss, Optimizer optimizer, double learningRate, int batchSize,
                            double weightDecay, long seed) {
        this(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, optimizer, learningRate,
                batchSize, weightDecay, seed, PageInput.RAW);
    }

    public ArchitectureSpec {
        if (pageInput == null) pageInput = PageInput.RAW;
        require(kind != null, "kind is required");
        require(inputHeight >= 1 && inputWidth >= 1, "input size must be positive, got " + inputHeight + "x" + inputWidth);
        require(layers >= 1 && layers <= 30, "layers must be in 1..30, got " + layers);
        require(width >= 1 && width <= 4096, "width must be in 1..4096, got " + width);
        require(bottleneck >= 1 && bottleneck <= 4096, "bottleneck must be in 1..4096, got " + bottleneck);
        require(kind != Kind.RESIDUAL || layers >= 2, "a residual network needs at least 2 layers, got " + layers);
        require(activation != null && loss != null && optimizer != null, "activation, loss and optimizer are required");
        require(learningRate > 0 && learningRate <= 1, "learning rate must be in (0, 1], got " + learningRate);
        require(batchSize >= 1 && batchSize <= 4096, "batch size must be in 1..4096, got " + batchSize);
        require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1), got " + weightDecay);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

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
    public boolean fullyConvolutional() { return kind != Kind.DENSE; }

    public ArchitectureSpec withSeed(long newSeed) {
        return new ArchitectureSpec(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss,
                optimizer, learningRate, batchSize, weightDecay, newSeed, pageInput);
    }

    public ArchitectureSpec withPageInput(PageInput input) {
        return new ArchitectureSpec(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss,
                optimizer, learningRate, batchSize, weightDecay, seed, input);
    }
}
