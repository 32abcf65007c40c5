package com.daeworkbench.core.model;

/**
 * Starting a run from another model's weights (the CLI's {@code train --init}, the Train tab's
 * "fine-tune the document model"): one rule for both. The {@link Network} (kind, depth,
 * width, bottleneck, activation, the loss and so the output layer, the page input) is the
 * source's, since its weights only make sense in that network on such pages; the
 * {@link TrainingConfig} (optimizer, learning rate, batch, weight decay, seed) and the input size
 * are the new run's.
 */
public final class WarmStart {
    private WarmStart() { }

    /** A new model holding a copy of {@code source}'s weights, set up to train as {@code training} says. */
    public static DenoisingModel from(DenoisingModel source, ArchitectureSpec training) throws java.io.IOException {
        ArchitectureSpec f = source.spec();
        if (!f.fullyConvolutional() && (f.inputHeight() != training.inputHeight() || f.inputWidth() != training.inputWidth())) {
            throw new IllegalArgumentException("the model takes " + f.inputWidth() + "x" + f.inputHeight()
                    + " images but the data set has " + training.inputWidth() + "x" + training.inputHeight());
        }
        Network n = f.network().withInputSize(training.inputHeight(), training.inputWidth());
        return Models.fromBytes(new ArchitectureSpec(n, training.training()), source.toBytes());
    }

    /** As {@link #from}, the source first grown by {@code extraLayers} identity layers ({@link Deepening}; 0: as it is). */
    public static DenoisingModel from(DenoisingModel source, int extraLayers, ArchitectureSpec training) throws java.io.IOException {
        if (extraLayers == 0) return from(source, training);
        try (DenoisingModel deeper = Deepening.deepened(source, extraLayers)) {
            return from(deeper, training);
        }
    }
}
