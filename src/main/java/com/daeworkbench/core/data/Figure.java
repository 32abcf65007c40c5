package com.daeworkbench.core.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A printed figure on the page, drawn into its ink coverage so that the clean page has it as the
 * dirty one does: a photograph (continuous tone, or a halftone screen where the scan resolves
 * one), a tinted box with the text showing through, or a solid black bar. Real pages have them
 * (the UNLV pages' photographs), our typeset pages had none, and a network taught that every big
 * dark or gray area is a watermark to remove lightened the UNLV photographs (run 43,
 * docs/bench/2026-12-05-watermarks.txt): a figure is content, kept. Trained on a quarter of
 * the typeset pages with one (run 44, the same note) the bundled model got 3-13 % worse on most
 * held-out sets: {@code generate-documents --figures SHARE} is there to try, the bundled model
 * never saw a figure.
 */
final class Figure {

    private enum Kind { PHOTO, TINT, BAR }

    private Figure() { }

    /** Draws one figure, chosen from the stream, into the coverage (1 = full ink) of a w x h page. */
    static void draw(float[] coverage, int w, int h, double pxPerMm, SplittableRandom rng) {
        double pick = rng.nextDouble();
        Kind kind = pick < 0.5 ? Kind.PHOTO : pick < 0.8 ? Kind.TINT : Kind.BAR;
        int fw = (int) Math.max(8, w * rng.nextDouble(0.2, 0.6));
        int fh = switch (kind) {
            case PHOTO, TINT -> (int) Math.max(8, h * rng.nextDouble(0.15, 0.45));
            case BAR -> (int) Math.max(2, rng.nextDouble(2, 15) * pxPerMm);
        };
        fw = Math.min(fw, w);
        fh = Math.min(fh, h);
        int x0 = rng.nextInt(w - fw + 1);
        int y0 = rng.nextInt(h - fh + 1);
        switch (kind) {
            case PHOTO -> {
                float[] photo = photo(fw, fh, pxPerMm, rng);
                for (int y = 0; y < fh; y++) System.arraycopy(photo, y * fw, coverage, (y0 + y) * w + x0, fw);
            }
            case TINT -> {
                // a shaded box of a report or form: the text on it shows through the tint
                float tint = (float) rng.nextDouble(0.08, 0.45);
                for (int y = y0; y < y0 + fh; y++) {
                    for (int x = x0; x < x0 + fw; x++) coverage[y * w + x] = 1 - (1 - coverage[y * w + x]) * (1 - tint);
                }
            }
            case BAR -> {
                for (int y = y0; y < y0 + fh; y++) Arrays.fill(coverage, y * w + x0, y * w + x0 + fw, 1f);
            }
        }
    }

    /**
     * A photograph's coverage: smooth random shapes at three scales and a light gradient,
     * mostly dark as print photographs on these pages are, screened at 85-150 lines an inch
     * where a screen cell spans at least 2.5 pixels (300 dpi scans resolve the dots; at 110 dpi
     * the scan averages them into a continuous tone).
     */
    static float[] photo(int fw, int fh, double pxPerMm, SplittableRandom rng) {
        float[] field = new float[fw * fh];
        int side = Math.min(fw, fh);
        for (double scale : new double[] {0.03, 0.1, 0.3}) {
            float[] noise = new float[fw * fh];
            for (int i = 0; i < noise.length; i++) noise[i] = (float) rng.nextGaussian();
            noise = ScanDegrader.blur(noise, fw, fh, Math.max(0.5, scale * side));
            normalise(noise);
            double weight = rng.nextDouble(0.3, 1.0);
            for (int i = 0; i < field.length; i++) field[i] += (float) (weight * noise[i]);
        }
        double gx = rng.nextDouble(-1, 1);
        double gy = rng.nextDouble(-1, 1);
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) field[y * fw + x] += (float) (gx * x / fw + gy * y / fh);
        }
        normalise(field);
        double low = rng.nextDouble(0, 0.3);
        double high = rng.nextDouble(0.75, 1.0);
        double gamma = rng.nextDouble(0.4, 1.2);
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) (low + (high - low) * Math.pow(field[i], gamma));
        }
        double cellPx = 25.4 * pxPerMm / rng.nextDouble(85, 150);
        if (cellPx >= 2.5) screen(field, fw, fh, cellPx);
        return field;
    }

    /** A clustered-dot halftone screen at 45 degrees: each cell prints a dot as large as its tone. */
    static void screen(float[] tone, int fw, int fh, double cellPx) {
        double k = Math.PI * Math.sqrt(2) / cellPx;
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                // 0 at a cell's centre, 1 at its corners: a dot of coverage c covers about the
                // share c of the cell
                double u = (x + y) * k;
                double v = (x - y) * k;
                double threshold = (2 - Math.cos(u) - Math.cos(v)) / 4;
                tone[y * fw + x] = tone[y * fw + x] > threshold ? 1f : 0f;
            }
        }
    }

    /** Stretches the values to 0..1. */
    private static void normalise(float[] v) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float range = Math.max(1e-6f, max - min);
        for (int i = 0; i < v.length; i++) v[i] = (v[i] - min) / range;
    }
}
