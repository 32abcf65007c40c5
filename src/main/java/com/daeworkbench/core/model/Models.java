package com.daeworkbench.core.model;

import java.io.IOException;
import java.util.List;

/** Creates and restores {@link DenoisingModel}s; the only place that knows which engine runs them. */
public final class Models {
    private Models() { }

    /** A fresh network with seeded initial weights: the same spec gives the same network. */
    public static DenoisingModel create(ArchitectureSpec spec) {
        Engine.initialize();
        return new DirectModel(spec, null);
    }

    /** Restores a model from the bytes of {@link DenoisingModel#toBytes()}. */
    public static DenoisingModel fromBytes(ArchitectureSpec spec, byte[] weights) throws IOException {
        Engine.initialize();
        return DirectModel.fromBytes(spec, weights);
    }

    /**
     * Per-layer forward and backward milliseconds of one training step of a conv or residual
     * model (the direct engine), for the bench command's profile; empty for dense models.
     */
    public static List<LayerTiming> profileLayers(DenoisingModel model, float[] noisy, float[] clean, int count, int repeats) {
        return model instanceof DirectModel d ? d.profile(noisy, clean, count, repeats) : List.of();
    }

    /** Parameter count without building the network (no natives needed). */
    public static long parameterCount(ArchitectureSpec spec) {
        return NetworkPlan.of(spec).parameterCount();
    }
}
