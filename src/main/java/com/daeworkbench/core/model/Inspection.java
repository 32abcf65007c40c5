package com.daeworkbench.core.model;

import java.util.List;

/**
 * What one inspected training step saw inside the network: per learned layer its statistics, the
 * chosen probe image (one channel) and its feature maps for each conv layer, and for dense image models the
 * first layer's weights as filters over the input image (null otherwise).
 */
public record Inspection(double loss, List<LayerInspection> layers, FeatureMaps probeImage, List<FeatureMaps> featureMaps,
                         FeatureMaps firstLayerFilters) {
    public Inspection {
        layers = List.copyOf(layers);
        featureMaps = List.copyOf(featureMaps);
    }

    /** A step of an engine that cannot look inside: the loss only. */
    public static Inspection lossOnly(double loss) {
        return new Inspection(loss, List.of(), null, List.of(), null);
    }

    public boolean isEmpty() { return layers.isEmpty(); }
}
