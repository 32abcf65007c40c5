package com.daeworkbench.cli;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import picocli.CommandLine.Option;

/** Architecture and optimiser options shared by train and bench; unset ones take the architecture's defaults. */
final class ModelOptions {
    @Option(names = "--arch", defaultValue = "conv", converter = Converters.KindConverter.class,
            description = "dense, conv or residual (default: ${DEFAULT-VALUE})")
    Kind kind;

    @Option(names = "--layers", description = "dense: hidden layers per side; conv: pooling levels; residual: depth")
    Integer layers;

    @Option(names = "--width", description = "neurons (dense) or filters (conv, residual)")
    Integer width;

    @Option(names = "--bottleneck", description = "size of the code layer (dense) or filters at the bottleneck (conv)")
    Integer bottleneck;

    @Option(names = "--dilation", description = "residual: spread the middle layers' 3x3 taps this many pixels apart (the first and last "
            + "stay undilated): a wider view with the same weights; 1 = none (default: 1)")
    Integer dilation;

    @Option(names = "--activation", converter = Converters.ActivationConverter.class,
            description = "relu, leaky_relu, elu, tanh, sigmoid")
    Activation activation;

    @Option(names = "--loss", converter = Converters.LossConverter.class, description = "bce or mse")
    Loss loss;

    @Option(names = "--optimizer", converter = Converters.OptimizerConverter.class, description = "adam, sgd_momentum, rmsprop")
    Optimizer optimizer;

    @Option(names = "--lr", description = "learning rate, in (0, 1]")
    Double learningRate;

    @Option(names = "--batch", description = "batch size, 1..4096")
    Integer batch;

    @Option(names = "--weight-decay", description = "decoupled weight decay, in [0, 1)")
    Double weightDecay;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the initial weights, the data order and the noise (default: ${DEFAULT-VALUE})")
    long seed;

    ArchitectureSpec toSpec(int height, int width) {
        return toSpec(ArchitectureSpec.defaults(kind, height, width));
    }

    /** The options set, the rest from {@code d} (its kind and input size included). */
    ArchitectureSpec toSpec(ArchitectureSpec d) {
        ArchitectureSpec spec = new ArchitectureSpec(d.kind(), d.inputHeight(), d.inputWidth(),
                layers != null ? layers : d.layers(),
                this.width != null ? this.width : d.width(),
                bottleneck != null ? bottleneck : d.bottleneck(),
                activation != null ? activation : d.activation(),
                loss != null ? loss : d.loss(),
                optimizer != null ? optimizer : d.optimizer(),
                learningRate != null ? learningRate : d.learningRate(),
                batch != null ? batch : d.batchSize(),
                weightDecay != null ? weightDecay : d.weightDecay(),
                seed);
        return dilation == null ? spec : spec.withNetwork(spec.network().withDilation(dilation));
    }
}
