package com.daeworkbench.core.io;

import java.util.Map;

/**
 * What a model file says besides its architecture: how it was trained and how well it did.
 * {@code corruption} is a spec such as "gaussian:0.5", or "pairs" for data with real noisy images.
 */
public record ModelInfo(int formatVersion, String corruption, String dataset, int epochs,
                        Map<String, Double> metrics, String createdAt) {

    public ModelInfo {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static ModelInfo of(String corruption, String dataset, int epochs, Map<String, Double> metrics) {
        return new ModelInfo(ModelStore.FORMAT_VERSION, corruption, dataset, epochs, metrics,
                java.time.Instant.now().toString());
    }

    ModelInfo withFormatVersion(int version) {
        return new ModelInfo(version, corruption, dataset, epochs, metrics, createdAt);
    }
}
