package com.daeworkbench.core.data;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A generated document page: the clean typeset page (the target) and its scanned-looking
 * dirty copy (the input), pixel-aligned, gray values in [0,1] (1 = white), row-major.
 * Values are multiples of 1/255, so writing them as 8-bit PNGs and reading back is exact.
 */
public record DocumentPair(int width, int height, float[] clean, float[] dirty) {

    public DocumentPair {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("bad size " + width + "x" + height);
        long n = (long) width * height;
        if (clean.length != n || dirty.length != n) {
            throw new IllegalArgumentException("expected " + n + " pixels, got clean " + clean.length
                    + " and dirty " + dirty.length);
        }
    }

    /** Root mean square error of the dirty page against the clean one: the "do nothing" score on Kaggle. */
    public double rmse() {
        double s = 0;
        for (int i = 0; i < clean.length; i++) {
            double e = dirty[i] - clean[i];
            s += e * e;
        }
        return Math.sqrt(s / clean.length);
    }

    public BufferedImage cleanImage() {
        return toGray(clean, width, height);
    }

    public BufferedImage dirtyImage() {
        return toGray(dirty, width, height);
    }

    /** An 8-bit gray image of {@code [0,1]} values (clamped, rounded). */
    public static BufferedImage toGray(float[] px, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            float v = px[i];
            v = v < 0 ? 0 : v > 1 ? 1 : v;
            data[i] = (byte) Math.round(v * 255f);
        }
        return img;
    }

    /** Gray values in [0,1] of any image (converted to 8-bit gray first when it is not). */
    public static float[] fromGray(BufferedImage img) {
        BufferedImage gray = img;
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = gray.createGraphics();
            g.drawImage(img, 0, 0, null);
            g.dispose();
        }
        int w = gray.getWidth();
        int h = gray.getHeight();
        float[] out = new float[w * h];
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        if (data.length == out.length) {
            for (int i = 0; i < out.length; i++) out[i] = (data[i] & 0xFF) / 255f;
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                gray.getRaster().getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) out[y * w + x] = row[x] / 255f;
            }
        }
        return out;
    }
}
