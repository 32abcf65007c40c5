package com.daeworkbench.core.model;

/**
 * Starting a run from another model's weights (the CLI's {@code train --init}, the Train tab's
 * "fine-tune the document model"): one rule for both. The network (kind, depth, width,
 * bottleneck, activation) and the page input are the source's, since its weights only make sense
 * in that network on such pages; how it is trained (loss, optimizer, learning rate, batch, weight
 * decay, seed) and the input size are the new run's.
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
        ArchitectureSpec merged = new ArchitectureSpec(f.kind(), training.inputHeight(), training.inputWidth(), f.layers(), f.width(),
                f.bottleneck(), f.activation(), training.loss(), training.optimizer(), training.learningRate(), training.batchSize(),
                training.weightDecay(), training.seed(), f.pageInput());
        return Models.fromBytes(merged, source.toBytes());
    }
}
