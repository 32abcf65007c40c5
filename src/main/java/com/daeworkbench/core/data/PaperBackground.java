package com.daeworkbench.core.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The paper under the ink, estimated from a page, and the page divided by it: what a model
 * with {@link com.daeworkbench.core.model.ArchitectureSpec.PageInput#PAPER_DIVIDED} input sees.
 * Dividing by the paper flattens stains, tinted paper, folds and uneven light (they multiply
 * the page), so such a model starts where classic background removal ends and only has to
 * learn what that cannot do: dark stain rims, ink tone, noise, JPEG blocks.
 *
 * <p>Estimate: the brightest pixel of each 4x4 block (thin strokes vanish), a 3x3 maximum
 * (strokes up to ~12 px vanish), a 7x7 median on that quarter-size copy (a 28 px window:
 * what is left of text, specks and fold cores), bilinearly back to full size. Fixed pixel
 * sizes, so a page gives the same estimate whole or cut into crops, and training crops see
 * what whole pages see.
 */
public final class PaperBackground {
    static final int BLOCK = 4;
    /** Darker "paper" than this is not paper (a table around a photographed page): left as it was. */
    public static final float NOT_PAPER = 0.2f;
    /** From here up the estimate counts fully as paper; between the two the output is blended. */
    public static final float SURELY_PAPER = 0.35f;
    private static final float FLOOR = 0.02f;

    private PaperBackground() { }

    /**
     * The paper's brightness at every pixel, in (0, 1]. Rows run in parallel and the bilinear
     * weights are worked out once per row and column: on an A4 page at 300 dpi the plain loops
     * took 0.45 s of the page's ~5 s (the same values, {@code PaperBackgroundTest}).
     */
    public static float[] estimate(float[] img, int h, int w) {
        int sh = (h + BLOCK - 1) / BLOCK, sw = (w + BLOCK - 1) / BLOCK;
        float[] small = blockMaxima(img, h, w, sh, sw);
        float[] paperSmall = median7(max3(small, sh, sw), sh, sw);
        float[] out = bilinear(paperSmall, sh, sw, h, w);
        for (int i = 0; i < out.length; i++) out[i] = Math.max(FLOOR, out[i]);
        return out;
    }

    /** A quarter-size grid of block values back to full size, bilinearly from the blocks' centres. */
    static float[] bilinear(float[] small, int sh, int sw, int h, int w) {
        int[] x0s = new int[w], x1s = new int[w];
        float[] txs = new float[w];
        for (int x = 0; x < w; x++) {
            float fx = Math.max(0, Math.min(sw - 1, (x + 0.5f) / BLOCK - 0.5f));
            x0s[x] = (int) fx;
            x1s[x] = Math.min(sw - 1, x0s[x] + 1);
            txs[x] = fx - x0s[x];
        }
        float[] out = new float[h * w];
        IntStream.range(0, h).parallel().forEach(y -> {
            float fy = Math.max(0, Math.min(sh - 1, (y + 0.5f) / BLOCK - 0.5f));
            int y0 = (int) fy, y1 = Math.min(sh - 1, y0 + 1);
            float ty = fy - y0;
            int top0 = y0 * sw, bottom0 = y1 * sw, row = y * w;
            for (int x = 0; x < w; x++) {
                float tx = txs[x];
                float top = small[top0 + x0s[x]] * (1 - tx) + small[top0 + x1s[x]] * tx;
                float bottom = small[bottom0 + x0s[x]] * (1 - tx) + small[bottom0 + x1s[x]] * tx;
                out[row + x] = top * (1 - ty) + bottom * ty;
            }
        });
        return out;
    }

    /** The brightest pixel of each BLOCK x BLOCK block (the last row and column of blocks may be partial). */
    private static float[] blockMaxima(float[] img, int h, int w, int sh, int sw) {
        float[] small = new float[sh * sw];
        IntStream.range(0, sh).parallel().forEach(by -> {
            int base = by * sw;
            for (int y = by * BLOCK; y < Math.min(h, by * BLOCK + BLOCK); y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    int i = base + x / BLOCK;
                    small[i] = Math.max(small[i], img[row + x]);
                }
            }
        });
        return small;
    }

    /** The page divided by its paper, capped at white. */
    public static float[] divide(float[] img, float[] paper) {
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) out[i] = Math.min(1f, img[i] / paper[i]);
        return out;
    }

    /** {@link #divide(float[], float[])} with the page's own estimate. */
    public static float[] divide(float[] img, int h, int w) {
        return divide(img, estimate(img, h, w));
    }

    /**
     * How much of a pixel is on paper, from its paper estimate: 0 on surfaces too dark to be
     * paper (left untouched), 1 on paper, a smooth ramp between.
     */
    public static float paperWeight(float paper) {
        if (paper <= NOT_PAPER) return 0f;
        if (paper >= SURELY_PAPER) return 1f;
        float t = (paper - NOT_PAPER) / (SURELY_PAPER - NOT_PAPER);
        return t * t * (3 - 2 * t);
    }

    /**
     * The cleaned page on paper, the input itself where there is no paper (a dark table stays
     * smooth and dark); {@code shadowedText} ({@link ShadowedText#weights}) marks dark paper
     * that holds text, which is cleaned as paper is (null: none does).
     */
    public static float[] keepOutsidePaper(float[] input, float[] cleaned, float[] paper, float[] shadowedText) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            float a = shadowedText == null ? paperWeight(paper[i]) : Math.max(paperWeight(paper[i]), shadowedText[i]);
            out[i] = a == 1f ? cleaned[i] : a * cleaned[i] + (1 - a) * input[i];
        }
        return out;
    }

    /**
     * {@code ClassicFilters.median(img, h, w, 7)} (borders reflected as scipy does), the same
     * values, rows in parallel: each row keeps its window's 49 values sorted and, one pixel to
     * the right, swaps the 7 that leave for the 7 that come in (a few places' shift each, as
     * neighbouring values are close) instead of selecting anew: on the A4 bench page 0.15-0.17 s
     * against 0.26-0.32 s for a selection per pixel, and an A4 page's estimate is part of its time.
     */
    static float[] median7(float[] img, int h, int w) {
        float[] out = new float[h * w];
        int[] columns = new int[w + 6];
        for (int i = 0; i < columns.length; i++) columns[i] = reflect(i - 3, w);
        IntStream.range(0, h).parallel().forEach(y -> {
            int[] rows = new int[7];
            for (int dy = -3; dy <= 3; dy++) rows[dy + 3] = reflect(y + dy, h) * w;
            float[] window = new float[49];
            int k = 0;
            for (int row : rows) {
                for (int dx = 0; dx < 7; dx++) window[k++] = img[row + columns[dx]];
            }
            Arrays.sort(window);
            out[y * w] = window[24];
            for (int x = 1; x < w; x++) {
                for (int row : rows) replace(window, img[row + columns[x - 1]], img[row + columns[x + 6]]);
                out[y * w + x] = window[24];
            }
        });
        return out;
    }

    /** Replaces one {@code gone} in the sorted array by {@code come}, keeping it sorted. */
    private static void replace(float[] sorted, float gone, float come) {
        int i = Arrays.binarySearch(sorted, gone);
        if (come >= gone) {
            while (i + 1 < sorted.length && sorted[i + 1] < come) {
                sorted[i] = sorted[i + 1];
                i++;
            }
        } else {
            while (i > 0 && sorted[i - 1] > come) {
                sorted[i] = sorted[i - 1];
                i--;
            }
        }
        sorted[i] = come;
    }

    /** scipy's 'reflect': (d c b a | a b c d | d c b a). */
    private static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    private static float[] max3(float[] img, int h, int w) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) m = Math.max(m, img[yy * w + xx]);
                }
                out[y * w + x] = m;
            }
        }
        return out;
    }
}
