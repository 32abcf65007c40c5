package com.daeworkbench.core.data;

import java.util.Arrays;

/**
 * N grayscale images of one size, pixels in [0,1], row-major and contiguous in one array
 * so that batches can be copied into the engine without per-image allocation.
 */
public final class ImageSet {
    private final int count;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final int[] labels;

    /** @param labels one label per image, or null when the data set has none */
    public ImageSet(int count, int height, int width, float[] pixels, int[] labels) {
        if (count < 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad shape " + count + "x" + height + "x" + width);
        }
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException("pixels: " + pixels.length + " values for "
                    + count + " images of " + height + "x" + width);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    public int count() { return count; }
    public int height() { return height; }
    public int width() { return width; }
    public int pixelsPerImage() { return height * width; }
    /** The backing array (not a copy): image i starts at {@code i * pixelsPerImage()}. */
    public float[] pixels() { return pixels; }
    public boolean hasLabels() { return labels != null; }

    /** This set followed by {@code other} (same image size; labels kept when both have them). */
    public ImageSet followedBy(ImageSet other) {
        if (other.height != height || other.width != width) {
            throw new IllegalArgumentException("images of " + width + "x" + height + " and " + other.width + "x" + other.height);
        }
        float[] all = java.util.Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, all, pixels.length, other.pixels.length);
        int[] both = null;
        if (labels != null && other.labels != null) {
            both = java.util.Arrays.copyOf(labels, labels.length + other.labels.length);
            System.arraycopy(other.labels, 0, both, labels.length, other.labels.length);
        }
        return new ImageSet(count + other.count, height, width, all, both);
    }
    public int label(int i) { return labels == null ? -1 : labels[i]; }

    public float[] image(int i) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** The images at the given indices, in that order. */
    public ImageSet select(int[] indices) {
        int n = pixelsPerImage();
        float[] out = new float[indices.length * n];
        int[] outLabels = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, out, k * n, n);
            if (outLabels != null) outLabels[k] = labels[indices[k]];
        }
        return new ImageSet(indices.length, height, width, out, outLabels);
    }

    /** Images [from, to). */
    public ImageSet slice(int from, int to) {
        int n = pixelsPerImage();
        return new ImageSet(to - from, height, width, Arrays.copyOfRange(pixels, from * n, to * n),
                labels == null ? null : Arrays.copyOfRange(labels, from, to));
    }
}
