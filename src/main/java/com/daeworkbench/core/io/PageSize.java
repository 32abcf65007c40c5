package com.daeworkbench.core.io;

/** A page's printed size in PDF points (1/72 inch). */
public record PageSize(float widthPoints, float heightPoints) {
    /** Scanners that write no resolution are almost always set to this. */
    public static final double DEFAULT_DPI = 300;

    public PageSize {
        if (!(widthPoints > 0) || !(heightPoints > 0)) {
            throw new IllegalArgumentException("bad page size: " + widthPoints + " x " + heightPoints + " pt");
        }
    }

    public static PageSize ofPixels(int width, int height, double dpi) {
        return new PageSize((float) (width * 72 / dpi), (float) (height * 72 / dpi));
    }
}
