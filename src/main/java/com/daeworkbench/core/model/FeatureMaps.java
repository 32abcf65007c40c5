package com.daeworkbench.core.model;

/**
 * {@code channels} gray images of {@code height x width}, channel after channel, row-major:
 * what one conv layer makes of one image, or a dense first layer's weights seen as filters
 * over the input image. Raw values: the viewer scales each tile to its own range.
 */
public record FeatureMaps(String layer, int channels, int height, int width, float[] values) {
    /** Drawing more than this many tiles per layer tells nothing more and costs the event's size. */
    public static final int MAX_CHANNELS = 64;

    public FeatureMaps {
        if (values.length != channels * height * width) {
            throw new IllegalArgumentException(channels + " maps of " + height + "x" + width + " need "
                    + channels * height * width + " values, got " + values.length);
        }
    }

    /** Channel {@code c} as its own array. */
    public float[] channel(int c) {
        return java.util.Arrays.copyOfRange(values, c * height * width, (c + 1) * height * width);
    }
}
