package com.daeworkbench.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** 8-bit gray PNGs, written atomically. */
public final class ImageWriter {
    private ImageWriter() { }

    public static void writePng(Path target, GrayImage image) throws IOException {
        BufferedImage out = toBufferedImage(image);
        AtomicFiles.write(target, stream -> {
            if (!ImageIO.write(out, "png", stream)) throw new IOException("no PNG writer available");
        });
    }

    public static BufferedImage toBufferedImage(GrayImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = out.getRaster();
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) row[x] = level(image.pixels()[y * image.width() + x]);
            raster.setSamples(0, y, image.width(), 1, 0, row);
        }
        return out;
    }

    /** A value in [0,1] as a level of 0..255 (NaN as black, out of range clamped). */
    static int level(float v) {
        return Math.round(Math.min(1f, Math.max(0f, Float.isNaN(v) ? 0f : v)) * 255f);
    }
}
