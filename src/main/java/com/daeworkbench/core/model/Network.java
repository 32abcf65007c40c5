package com.daeworkbench.core.model;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.PageInput;

/**
 * The network half of an {@link ArchitectureSpec}: what its weights mean. Two models with the same
 * network can exchange weights (fine-tuning, {@code train --init}) whatever they were trained with.
 * The loss belongs here, not to the training settings, because it picks the output layer
 * (cross-entropy trains a sigmoid output, mean squared error a linear one clamped to [0,1]); the
 * page input belongs here because the weights only make sense on pages prepared that way.
 *
 * <p>{@code dilation} (residual networks only, 1 = none) spreads the 3x3 kernels of the middle
 * layers that many pixels apart (the first and last stay undilated): the network sees farther
 * (8 layers: 14 pixels each way at dilation 2, 8 undilated) with the same weights.
 */
public record Network(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck, Activation activation,
                      Loss loss, PageInput pageInput, int dilation) {
    public static final int MAX_DILATION = 8;
    public static final int MAX_LAYERS = 30;

    public Network {
        if (pageInput == null) pageInput = PageInput.RAW;
        if (dilation == 0) dilation = 1;
        require(kind != null, "kind is required");
        require(inputHeight >= 1 && inputWidth >= 1, "input size must be positive, got " + inputHeight + "x" + inputWidth);
        require(layers >= 1 && layers <= MAX_LAYERS, "layers must be in 1.." + MAX_LAYERS + ", got " + layers);
        require(width >= 1 && width <= 4096, "width must be in 1..4096, got " + width);
        require(bottleneck >= 1 && bottleneck <= 4096, "bottleneck must be in 1..4096, got " + bottleneck);
        require(kind != Kind.RESIDUAL || layers >= 2, "a residual network needs at least 2 layers, got " + layers);
        require(activation != null && loss != null, "activation and loss are required");
        require(dilation >= 1 && dilation <= MAX_DILATION, "dilation must be in 1.." + MAX_DILATION + ", got " + dilation);
        require(dilation == 1 || kind == Kind.RESIDUAL, "only a residual network takes a dilation, got " + dilation);
    }

    /** Without dilation: every network before dilation existed. */
    public Network(Kind kind, int inputHeight, int inputWidth, int layers, int width, int bottleneck, Activation activation,
                   Loss loss, PageInput pageInput) {
        this(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, pageInput, 1);
    }

    /** The same network on images of another size (only a fully convolutional one runs on them). */
    public Network withInputSize(int height, int width) {
        return new Network(kind, height, width, layers, this.width, bottleneck, activation, loss, pageInput, dilation);
    }

    public Network withLayers(int n) {
        return new Network(kind, inputHeight, inputWidth, n, width, bottleneck, activation, loss, pageInput, dilation);
    }

    public Network withWidth(int n) {
        return new Network(kind, inputHeight, inputWidth, layers, n, bottleneck, activation, loss, pageInput, dilation);
    }

    public Network withBottleneck(int n) {
        return new Network(kind, inputHeight, inputWidth, layers, width, n, activation, loss, pageInput, dilation);
    }

    public Network withActivation(Activation a) {
        return new Network(kind, inputHeight, inputWidth, layers, width, bottleneck, a, loss, pageInput, dilation);
    }

    public Network withLoss(Loss l) {
        return new Network(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, l, pageInput, dilation);
    }

    public Network withPageInput(PageInput p) {
        return new Network(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, p, dilation);
    }

    public Network withDilation(int d) {
        return new Network(kind, inputHeight, inputWidth, layers, width, bottleneck, activation, loss, pageInput, d);
    }

    static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
