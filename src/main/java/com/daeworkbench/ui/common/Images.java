package com.daeworkbench.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Gray float pixels to JavaFX images, in one setPixels call. */
public final class Images {
    private Images() { }

    public static WritableImage gray(float[] pixels, int offset, int width, int height) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            float f = pixels[offset + i];
            int v = Math.round(Math.max(0f, Math.min(1f, Float.isNaN(f) ? 0f : f)) * 255f);
            argb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
