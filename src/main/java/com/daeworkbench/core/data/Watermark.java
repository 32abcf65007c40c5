package com.daeworkbench.core.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A watermark or stamp on the paper: one big bold word, at any angle, in a gray that darkens
 * what lies under it. The bundled model of b0985a6 printed such words black, as it prints ink,
 * and lost to background removal on the one judge whose dirt has them
 * (docs/bench/2026-12-05-augraphy.txt). The strokes here are many times wider than any text's
 * on the page and the clean page has none of it, so a network trained on it learns that a
 * stroke that wide and that pale is paper. Outlined words and stamp frames, whose lines are as
 * thin as a letter's, taught it to erase faded letters as well (run 40,
 * docs/bench/2026-12-05-watermarks.txt): they are left out.
 */
final class Watermark {

    private static final List<String> WORDS = List.of(
            "COPY", "DRAFT", "CONFIDENTIAL", "SAMPLE", "VOID", "ORIGINAL", "APPROVED", "PAID", "RECEIVED",
            "URGENT", "FILE COPY", "DO NOT COPY", "DUPLICATE", "COPIE", "ENTWURF", "Specimen", "Archive", "Private");

    /** Letter height (cap height, roughly) in millimetres of paper. */
    private static final double MIN_HEIGHT_MM = 15;
    private static final double MAX_HEIGHT_MM = 55;

    /**
     * The most a watermark darkens the page (to 0.5 of its paper). Darker words (to 0.3 or 0.4 of
     * the paper, runs 43 and 45 in docs/bench/2026-12-05-watermarks.txt) taught the network to
     * lighten any large dark area, a magazine's photographs too: 1 % better on real text, 3-25 %
     * worse on the UNLV pages with photographs.
     */
    private static final float MAX_DARKENING = 0.5f;

    private Watermark() { }

    /**
     * A factor for every pixel (1 = untouched, down to 0.5 inside the letters) to multiply the
     * dirty page by.
     */
    static float[] factors(int w, int h, double pxPerMm, SplittableRandom rng) {
        String word = WORDS.get(rng.nextInt(WORDS.size()));
        PageFonts.Family family = PageFonts.pick(rng);
        // a font's size is about 1.4 times its capitals' height
        Font font = family.bold().deriveFont((float) (rng.nextDouble(MIN_HEIGHT_MM, MAX_HEIGHT_MM) * pxPerMm * 1.4));
        double angle = rng.nextDouble() < 0.4 ? rng.nextDouble(-50, -30) : rng.nextDouble(0, 360);
        double cx = rng.nextDouble(0.15, 0.85) * w;
        double cy = rng.nextDouble(0.15, 0.85) * h;
        float darkening = (float) rng.nextDouble(0.1, MAX_DARKENING);
        double smudgeMm = rng.nextDouble() < 0.5 ? rng.nextDouble(0.1, 0.8) : 0;

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.rotate(Math.toRadians(angle), cx, cy);
            GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), word);
            Rectangle2D box = glyphs.getVisualBounds();
            float x = (float) (cx - box.getCenterX());
            float y = (float) (cy - box.getCenterY());
            g.fill(glyphs.getOutline(x, y));
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] cover = new float[w * h];
        for (int i = 0; i < cover.length; i++) cover[i] = (px[i] & 0xFF) / 255f;
        double sigma = smudgeMm * pxPerMm;
        if (sigma >= 0.3) cover = ScanDegrader.blur(cover, w, h, sigma);
        float[] factors = new float[w * h];
        for (int i = 0; i < factors.length; i++) factors[i] = 1f - darkening * cover[i];
        return factors;
    }
}
