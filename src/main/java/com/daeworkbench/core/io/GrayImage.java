package com.daeworkbench.core.io;

/** A grayscale image, values in [0,1], row-major. */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("bad image: " + width + "x" + height + " with " + pixels.length + " pixels");
        }
    }
}
