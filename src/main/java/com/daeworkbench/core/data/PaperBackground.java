package com.daeworkbench.core.data;

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

    /** The paper's brightness at every pixel, in (0, 1]. */
    public static float[] estimate(float[] img, int h, int w) {
        int sh = (h + BLOCK - 1) / BLOCK, sw = (w + BLOCK - 1) / BLOCK;
        float[] small = new float[sh * sw];
        for (int by = 0; by < sh; by++) {
            for (int bx = 0; bx < sw; bx++) {
                float m = 0;
                for (int y = by * BLOCK; y < Math.min(h, by * BLOCK + BLOCK); y++) {
                    for (int x = bx * BLOCK; x < Math.min(w, bx * BLOCK + BLOCK); x++) m = Math.max(m, img[y * w + x]);
                }
                small[by * sw + bx] = m;
            }
        }
        float[] opened = max3(small, sh, sw);
        float[] paperSmall = median7(opened, sh, sw);
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, Math.min(sh - 1, (y + 0.5f) / BLOCK - 0.5f));
            int y0 = (int) fy, y1 = Math.min(sh - 1, y0 + 1);
            float ty = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, Math.min(sw - 1, (x + 0.5f) / BLOCK - 0.5f));
                int x0 = (int) fx, x1 = Math.min(sw - 1, x0 + 1);
                float tx = fx - x0;
                float top = paperSmall[y0 * sw + x0] * (1 - tx) + paperSmall[y0 * sw + x1] * tx;
                float bottom = paperSmall[y1 * sw + x0] * (1 - tx) + paperSmall[y1 * sw + x1] * tx;
                out[y * w + x] = Math.max(FLOOR, top * (1 - ty) + bottom * ty);
            }
        }
        return out;
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

    /** The cleaned page on paper, the input itself where there is no paper (a dark table stays smooth and dark). */
    public static float[] keepOutsidePaper(float[] input, float[] cleaned, float[] paper) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            float a = paperWeight(paper[i]);
            out[i] = a == 1f ? cleaned[i] : a * cleaned[i] + (1 - a) * input[i];
        }
        return out;
    }

    /**
     * {@code ClassicFilters.median(img, h, w, 7)} (borders reflected as scipy does), the same
     * values, by selection instead of sorting and rows in parallel: an A4 page's estimate is
     * part of its time.
     */
    static float[] median7(float[] img, int h, int w) {
        float[] out = new float[h * w];
        IntStream.range(0, h).parallel().forEach(y -> {
            float[] window = new float[49];
            for (int x = 0; x < w; x++) {
                int k = 0;
                for (int dy = -3; dy <= 3; dy++) {
                    int yy = reflect(y + dy, h);
                    for (int dx = -3; dx <= 3; dx++) window[k++] = img[yy * w + reflect(x + dx, w)];
                }
                out[y * w + x] = select(window, 24);
            }
        });
        return out;
    }

    /** scipy's 'reflect': (d c b a | a b c d | d c b a). */
    private static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** The k-th smallest value (0-based) of a, reordering a: Hoare's selection. */
    static float select(float[] a, int k) {
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
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
