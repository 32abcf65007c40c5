package com.daeworkbench.core.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Typesets one page of filler text into an ink-coverage map (0 = paper, 1 = full ink):
 * headings, paragraphs (indented or spaced, ragged or justified), bullet and numbered
 * lists, one or two columns, a page number on full pages. The whole text layer is drawn
 * through one small rotation so that the clean and dirty pages built from it stay aligned.
 *
 * <p>Rendering hints are fixed (grayscale antialiasing, fractional metrics, pure strokes)
 * so that the same seed gives the same pixels on a given machine and font set.
 */
final class PageLayout {

    private record Tok(String text, Font font, float width) { }

    private final int w;
    private final int h;
    private final SplittableRandom rng;
    private final TextSource text;
    private final Graphics2D g;
    private final FontRenderContext frc;

    private final Font body;
    private final Font bold;
    private final Font italic;
    private final Font heading;
    private final float bodyPx;
    private final float leading;
    private final float space;
    private final boolean justify;
    private final boolean indentParagraphs;
    private final float paragraphGap;
    private final float[] colX;
    private final float colW;
    private final float top;
    private final float bottom;

    private int col;
    private float y;           // top of the next line
    private boolean full;      // no room left on the page

    private PageLayout(Graphics2D g, int w, int h, float dpi, float minPt, float maxPt, SplittableRandom rng) {
        this.w = w;
        this.h = h;
        this.g = g;
        this.rng = rng;
        this.text = new TextSource(rng);
        this.frc = g.getFontRenderContext();

        PageFonts.Family fam = PageFonts.pick(rng);
        float pt = (float) (minPt + rng.nextDouble() * (maxPt - minPt));
        bodyPx = pt * dpi / 72f;
        body = fam.regular().deriveFont(bodyPx);
        bold = fam.bold().deriveFont(bodyPx);
        italic = fam.italic().deriveFont(bodyPx);
        double hs = rng.nextDouble() < 0.2 ? 1.0 : 1.2 + rng.nextDouble() * 0.6;
        heading = fam.bold().deriveFont((float) (bodyPx * hs));
        leading = (float) (bodyPx * (1.12 + rng.nextDouble() * 0.33));
        space = width(" ", body);
        justify = !fam.monospaced() && rng.nextDouble() < 0.5;
        indentParagraphs = rng.nextDouble() < 0.5;
        paragraphGap = indentParagraphs ? (rng.nextDouble() < 0.7 ? 0 : leading * 0.3f)
                : (float) (leading * (0.4 + rng.nextDouble() * 0.6));

        double inches = w / dpi;
        boolean fullPage = inches > 6;
        float side = fullPage ? (float) ((0.6 + rng.nextDouble() * 0.6) * dpi)
                : (float) ((0.02 + rng.nextDouble() * 0.1) * w);
        float right = fullPage ? side : (float) ((0.02 + rng.nextDouble() * 0.1) * w);
        top = fullPage ? (float) ((0.6 + rng.nextDouble() * 0.5) * dpi)
                : rng.nextDouble() < 0.3 ? (float) (-rng.nextDouble() * leading) : (float) (rng.nextDouble() * 0.12 * h);
        bottom = fullPage ? h - (float) ((0.7 + rng.nextDouble() * 0.5) * dpi)
                : rng.nextDouble() < 0.5 ? h + leading * 0.5f : h - (float) (rng.nextDouble() * 0.08 * h);
        float textW = w - side - right;
        int cols = rng.nextDouble() < 0.3 && textW > 2 * 16 * bodyPx + 2 * bodyPx ? 2 : 1;
        float gutter = (float) (bodyPx * (1.5 + rng.nextDouble() * 1.5));
        colW = cols == 1 ? textW : (textW - gutter) / 2;
        colX = new float[cols];
        for (int c = 0; c < cols; c++) colX[c] = side + c * (colW + gutter);
        y = top;

        if (fullPage) {
            String pageNo = Integer.toString(1 + rng.nextInt(300));
            float pw = width(pageNo, body);
            g.setFont(body);
            g.drawString(pageNo, (w - pw) / 2, bottom + (h - bottom) * 0.5f);
        }
    }

    /** Ink coverage in [0,1] of a freshly typeset page. */
    static float[] render(int w, int h, float dpi, float minPt, float maxPt, double rotationDeg, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.BLACK);
            if (rotationDeg != 0) g.rotate(Math.toRadians(rotationDeg), w / 2.0, h / 2.0);
            new PageLayout(g, w, h, dpi, minPt, maxPt, rng).fill();
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] cov = new float[w * h];
        for (int i = 0; i < cov.length; i++) cov[i] = 1f - (px[i] & 0xFF) / 255f;
        return cov;
    }

    private void fill() {
        boolean first = true;
        while (!full) {
            double r = rng.nextDouble();
            if (first && r < 0.45 || !first && r < 0.12) headingBlock(first);
            else if (r < 0.22) listBlock();
            else paragraphBlock();
            first = false;
        }
    }

    private void headingBlock(boolean first) {
        if (!first && y > top) y += leading * 0.7f;
        List<Tok> toks = tokens(text.heading(), heading);
        boolean center = rng.nextDouble() < 0.3;
        float lead = heading.getSize2D() * 1.25f;
        flow(toks, 0, 0, false, center, lead, heading, null);
        y += leading * 0.35f;
    }

    private void paragraphBlock() {
        int sentences = 2 + rng.nextInt(6);
        List<Tok> toks = new ArrayList<>();
        String[] words = text.paragraph(sentences).split(" ");
        int italicFrom = rng.nextDouble() < 0.25 ? rng.nextInt(words.length) : -1;
        int italicTo = italicFrom + 1 + rng.nextInt(4);
        int boldTo = rng.nextDouble() < 0.08 ? 2 + rng.nextInt(3) : 0;
        for (int i = 0; i < words.length; i++) {
            Font f = i < boldTo ? bold : i >= italicFrom && i < italicTo && italicFrom >= 0 ? italic : body;
            toks.add(new Tok(words[i], f, width(words[i], f)));
        }
        float indent = indentParagraphs ? bodyPx * (1.5f + (float) rng.nextDouble() * 1.5f) : 0;
        flow(toks, indent, 0, justify, false, leading, body, null);
        y += paragraphGap;
    }

    private void listBlock() {
        int items = 2 + rng.nextInt(4);
        boolean numbered = rng.nextDouble() < 0.35;
        String bullet = body.canDisplay('\u2022') ? "\u2022" : "-";
        float listIndent = bodyPx * (0.5f + (float) rng.nextDouble() * 1.5f);
        float hang = listIndent + bodyPx * 1.6f;
        y += leading * 0.3f;
        for (int k = 0; k < items && !full; k++) {
            String marker = numbered ? (k + 1) + "." : bullet;
            int sentences = 1 + (rng.nextDouble() < 0.3 ? 1 : 0);
            String s = rng.nextDouble() < 0.4 ? text.heading(false) : text.paragraph(sentences);
            flow(tokens(s, body), hang, hang, justify, false, leading, body, new Tok(marker, body, listIndent));
        }
        y += leading * 0.3f + paragraphGap;
    }

    private List<Tok> tokens(String s, Font f) {
        List<Tok> out = new ArrayList<>();
        for (String t : s.split(" ")) {
            if (!t.isEmpty()) out.add(new Tok(t, f, width(t, f)));
        }
        return out;
    }

    /**
     * Breaks the tokens into lines of the column width and draws them. {@code marker}, when
     * given, is drawn at {@code marker.width()} from the column's left edge on the first line.
     */
    private void flow(List<Tok> toks, float firstIndent, float indent, boolean justifyLines, boolean center,
                      float lineHeight, Font base, Tok marker) {
        List<Tok> line = new ArrayList<>();
        float lineW = 0;
        boolean firstLine = true;
        for (Tok t : toks) {
            float avail = colW - (firstLine ? firstIndent : indent);
            if (!line.isEmpty() && lineW + space + t.width() > avail) {
                if (!emit(line, lineW, avail, firstLine ? firstIndent : indent, justifyLines, center, lineHeight, base,
                        firstLine ? marker : null)) return;
                firstLine = false;
                line.clear();
                lineW = 0;
            }
            lineW += (line.isEmpty() ? 0 : space) + t.width();
            line.add(t);
        }
        if (!line.isEmpty()) {
            emit(line, lineW, colW - (firstLine ? firstIndent : indent), firstLine ? firstIndent : indent, false, center,
                    lineHeight, base, firstLine ? marker : null);
        }
    }

    /** Draws one line; false once the page is full. */
    private boolean emit(List<Tok> line, float lineW, float avail, float indent, boolean justifyLine, boolean center,
                         float lineHeight, Font base, Tok marker) {
        if (y + lineHeight > bottom) {
            col++;
            y = top;
            if (col >= colX.length) {
                full = true;
                return false;
            }
        }
        float baseline = y + base.getSize2D() * 0.95f + (lineHeight - base.getSize2D() * 1.2f) * 0.5f;
        float x = colX[col] + indent;
        float gap = space;
        if (justifyLine && line.size() > 1) {
            float g2 = space + (avail - lineW) / (line.size() - 1);
            if (g2 < space * 3) gap = g2;
        }
        if (center) x += Math.max(0, (avail - lineW) / 2);
        if (marker != null) {
            g.setFont(marker.font());
            g.drawString(marker.text(), colX[col] + marker.width(), baseline);
        }
        for (Tok t : line) {
            g.setFont(t.font());
            g.drawString(t.text(), x, baseline);
            x += t.width() + gap;
        }
        y += lineHeight;
        return true;
    }

    private float width(String s, Font f) {
        return (float) f.getStringBounds(s, frc).getWidth();
    }
}
