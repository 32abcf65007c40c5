package com.daeworkbench.core.model;

/**
 * The images an inspected training step runs forward to summarise each layer's activations:
 * {@code count} images of the model's input size, row-major; image {@code chosen} (0-based) is
 * the one whose feature maps are kept. Validation images, so the same ones are seen at every step.
 */
public record Probe(float[] images, int count, int chosen) {
    public Probe {
        if (count < 1) throw new IllegalArgumentException("a probe needs at least one image, got " + count);
        if (images.length % count != 0) throw new IllegalArgumentException(images.length + " values are not " + count + " images");
        if (chosen < 0 || chosen >= count) throw new IllegalArgumentException("image " + chosen + " is not among the " + count + " probe images");
    }

    public int pixelsPerImage() { return images.length / count; }
}
