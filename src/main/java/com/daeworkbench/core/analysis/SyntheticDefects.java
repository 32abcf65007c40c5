package com.daeworkbench.core.analysis;

import com.daeworkbench.core.data.ImageSet;
import java.util.SplittableRandom;

/**
 * Anomalies made from normal images, for a test split when no second data set is at hand.
 * Each image gets its own random stream derived from the seed and its index, so a defect
 * set is reproducible image by image. Labels are kept.
 */
public final class SyntheticDefects {

    public enum Defect {
        /** a soft round blob, dark over the ink (a hole) or bright (a stain), radius 3..6 px (scaled to the image) */
        BLOTCH,
        /** the image turned 90 degrees clockwise (square images only) */
        ROTATED,
        /** the image replaced by a glyph of straight strokes (boxes, grids, crosses) that no digit is made of */
        FOREIGN_GLYPH
    }

    private SyntheticDefects() { }

    public static ImageSet apply(ImageSet images, Defect defect, long seed) {
        int h = images.height(), w = images.width(), px = images.pixelsPerImage();
        if (defect == Defect.ROTATED && h != w) {
            throw new IllegalArgumentException("a 90 degree rotation needs square images, got " + h + "x" + w);
        }
        float[] out = new float[images.count() * px];
        int[] labels = null;
        if (images.hasLabels()) {
            labels = new int[images.count()];
            for (int i = 0; i < labels.length; i++) labels[i] = images.label(i);
        }
        for (int i = 0; i < images.count(); i++) {
            SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
            int at = i * px;
            switch (defect) {
                case BLOTCH -> blotch(images.pixels(), at, out, h, w, random);
                case ROTATED -> rotate(images.pixels(), at, out, h);
                case FOREIGN_GLYPH -> glyph(out, at, h, w, random);
            }
        }
        return new ImageSet(images.count(), h, w, out, labels);
    }

    private static void blotch(float[] src, int at, float[] dst, int h, int w, SplittableRandom random) {
        int px = h * w;
        System.arraycopy(src, at, dst, at, px);
        double scale = Math.min(h, w) / 28.0;
        double radius = (3 + random.nextDouble() * 3) * scale;
        boolean dark = random.nextBoolean();
        double cy, cx;
        int inked = 0;
        for (int k = 0; k < px; k++) if (src[at + k] > 0.5f) inked++;
        if (dark && inked > 0) {
            // a hole only shows on the ink: centre it on a random inked pixel
            int pick = random.nextInt(inked);
            int k = 0;
            while (true) {
                if (src[at + k] > 0.5f && pick-- == 0) break;
                k++;
            }
            cy = k / w;
            cx = k % w;
        } else {
            dark = false;
            cy = h * (0.25 + 0.5 * random.nextDouble());
            cx = w * (0.25 + 0.5 * random.nextDouble());
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(y - cy, x - cx);
                // 1 inside, a one-pixel soft edge, 0 outside
                double mask = Math.max(0, Math.min(1, radius + 0.5 - r));
                if (mask == 0) continue;
                int k = at + y * w + x;
                dst[k] = dark ? (float) (dst[k] * (1 - mask)) : (float) Math.max(dst[k], mask);
            }
        }
    }

    private static void rotate(float[] src, int at, float[] dst, int side) {
        // clockwise: destination (y, x) takes source (side-1-x, y)
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                dst[at + y * side + x] = src[at + (side - 1 - x) * side + y];
            }
        }
    }

    private static void glyph(float[] dst, int at, int h, int w, SplittableRandom random) {
        double scale = Math.min(h, w) / 28.0;
        double thickness = (1.2 + random.nextDouble() * 0.8) * scale;
        double top = h * (0.15 + 0.1 * random.nextDouble()), bottom = h * (0.75 + 0.1 * random.nextDouble());
        double left = w * (0.2 + 0.1 * random.nextDouble()), right = w * (0.7 + 0.1 * random.nextDouble());
        double midY = (top + bottom) / 2, midX = (left + right) / 2;
        double[][] strokes = switch (random.nextInt(4)) {
            // a box with a cross inside
            case 0 -> new double[][] {{top, left, top, right}, {bottom, left, bottom, right}, {top, left, bottom, left},
                    {top, right, bottom, right}, {top, left, bottom, right}, {top, right, bottom, left}};
            // a hash: two horizontal and two vertical bars
            case 1 -> new double[][] {{top + (bottom - top) / 3, left, top + (bottom - top) / 3, right},
                    {bottom - (bottom - top) / 3, left, bottom - (bottom - top) / 3, right},
                    {top, left + (right - left) / 3, bottom, left + (right - left) / 3},
                    {top, right - (right - left) / 3, bottom, right - (right - left) / 3}};
            // a ladder: two rails and three rungs
            case 2 -> new double[][] {{top, left, bottom, left}, {top, right, bottom, right}, {top, left, top, right},
                    {midY, left, midY, right}, {bottom, left, bottom, right}};
            // an eight-pointed star
            default -> new double[][] {{top, midX, bottom, midX}, {midY, left, midY, right}, {top, left, bottom, right},
                    {top, right, bottom, left}};
        };
        for (double[] s : strokes) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = distanceToSegment(y, x, s[0], s[1], s[2], s[3]);
                    double ink = Math.max(0, Math.min(1, thickness - d + 0.5));
                    int k = at + y * w + x;
                    if (ink > dst[k]) dst[k] = (float) ink;
                }
            }
        }
    }

    private static double distanceToSegment(double py, double px, double ay, double ax, double by, double bx) {
        double dy = by - ay, dx = bx - ax;
        double len2 = dy * dy + dx * dx;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((py - ay) * dy + (px - ax) * dx) / len2));
        return Math.hypot(py - (ay + t * dy), px - (ax + t * dx));
    }
}
