package com.daeworkbench.core.data;

/**
 * Text in a shadow: paper darker than {@link PaperBackground#SURELY_PAPER} that still carries
 * letters. {@link PaperBackground#keepOutsidePaper} leaves surfaces that dark as they were, so
 * that the table around a photographed page stays smooth; but a shadow cast over a page (a
 * hand, a phone, the spine of a book) can be just as dark, and there that rule kept the shadow
 * and its grey text while plain background removal cleaned them (Augraphy's cast shadows,
 * {@code src/bench/augraphy_dirt.py}: a page at 0.34 RMSE against 0.08).
 *
 * <p>What tells them apart is ink: a table has none, shadowed paper has letters much darker
 * than itself. A 4x4 block of dark paper holds ink when its darkest three pixels in a line are
 * under {@link #INK_RATIO} of its paper and at least {@link #INK_CONTRAST} below it (lines of
 * three and the contrast keep sensor noise on a dark table from passing for ink). A block looks
 * like text where such blocks are at least {@link #DENSITY} of the dark blocks around it and the
 * network's output there is mostly paper (at most {@link #COVERAGE} ink: a dark halftone
 * photograph or a black box on a magazine page has ink-like spots too, but mostly comes out
 * black). A connected dark
 * region is shadowed paper as a whole when at least {@link #REGION_SHARE} of its blocks look
 * like text and it fades into the paper around it ({@link #softEdged}): a shadow's edge is
 * soft, while a photograph, a grey box printed on the page and the table around a page end at
 * an edge. Ink on bright paper does not count, so a table beside a page's text stays a table.
 * Measured (docs/bench/2026-12-05-augraphy.txt, section 2): Augraphy's generated pages 0.137 ->
 * 0.107 (background removal 0.117); every other held-out set unchanged. Without the edge test a
 * night photograph on a magazine page passed for shadowed text and came out black.
 */
public final class ShadowedText {
    static final float INK_RATIO = 0.45f;
    static final float INK_CONTRAST = 0.06f;
    static final float DENSITY = 0.08f;
    /** At most this share of the network's output there is ink: text; more is a dark photograph or a black box. */
    static final float COVERAGE = 0.12f;
    /** Half the side of the window counted in, in blocks (17 blocks: 68 px, a line of 12 pt text at 300 dpi). */
    static final int WINDOW = 8;
    /** Rings of blocks around a dark region compared by {@link #softEdged}: near from NEAR, far from FAR. */
    static final int NEAR = 4, FAR = 12;
    /** Near paper darker than this share of the far paper: a shadow's soft edge. */
    static final float SOFT = 0.9f;
    /** The share of a dark region's blocks that must look like text for all of it to be paper. */
    static final float REGION_SHARE = 0.5f;
    /** Paper darker than this is black (a bar, a photo's shadow): no ink can show on it. */
    static final float BLACK = 0.04f;
    private static final int BLOCK = PaperBackground.BLOCK;

    private ShadowedText() { }

    /**
     * Per pixel, 1 where dark paper holds text, 0 where it holds none, smooth between; null on a
     * page whose paper is bright everywhere (every scan we hold: nothing more is computed then).
     * {@code cleaned} is the network's output for the page.
     */
    public static float[] weights(float[] img, float[] cleaned, float[] paper, int h, int w) {
        int sh = (h + BLOCK - 1) / BLOCK, sw = (w + BLOCK - 1) / BLOCK;
        boolean anyDark = false;
        for (float p : paper) {
            if (p < PaperBackground.SURELY_PAPER) {
                anyDark = true;
                break;
            }
        }
        if (!anyDark) return null;
        float[] darkest = new float[sh * sw], blockPaper = new float[sh * sw];
        int[] cleanedInk = new int[sh * sw];
        java.util.Arrays.fill(darkest, 1f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int b = (y / BLOCK) * sw + x / BLOCK;
                darkest[b] = Math.min(darkest[b], strokeDarkness(img, h, w, y, x));
                blockPaper[b] = Math.max(blockPaper[b], paper[y * w + x]);
                if (cleaned[y * w + x] < 0.5f) cleanedInk[b]++;
            }
        }
        int[] dark = new int[sh * sw], ink = new int[sh * sw], outInk = new int[sh * sw];
        for (int b = 0; b < dark.length; b++) {
            float p = blockPaper[b];
            if (p >= PaperBackground.SURELY_PAPER || p <= BLACK) continue;
            dark[b] = 1;
            outInk[b] = cleanedInk[b];
            if (darkest[b] <= INK_RATIO * p && p - darkest[b] >= INK_CONTRAST) ink[b] = 1;
        }
        float[] text = new float[sh * sw];
        int[] darkSum = integral(dark, sh, sw), inkSum = integral(ink, sh, sw), outInkSum = integral(outInk, sh, sw);
        for (int by = 0; by < sh; by++) {
            for (int bx = 0; bx < sw; bx++) {
                if (dark[by * sw + bx] == 0) continue;
                int darkCount = boxSum(darkSum, sh, sw, by, bx, WINDOW);
                boolean inky = boxSum(inkSum, sh, sw, by, bx, WINDOW) >= DENSITY * darkCount;
                boolean mostlyPaper = boxSum(outInkSum, sh, sw, by, bx, WINDOW) <= COVERAGE * darkCount * BLOCK * BLOCK;
                if (inky && mostlyPaper) text[by * sw + bx] = 1f;
            }
        }
        return PaperBackground.bilinear(boxMean(wholeRegions(text, dark, blockPaper, sh, sw), sh, sw, 2), sh, sw, h, w);
    }

    /**
     * The darker of the means of three pixels in a row and three in a column centred on (y, x):
     * a stroke is at least three pixels long one way or the other, while noise averaged over
     * three drops a sensor's tail that a single dark pixel would pass (on a table at 0.12 with
     * noise of 0.02, a quarter of the blocks have one pixel dark enough to pass for ink).
     */
    private static float strokeDarkness(float[] img, int h, int w, int y, int x) {
        int row = y * w, left = Math.max(0, x - 1), right = Math.min(w - 1, x + 1);
        int up = Math.max(0, y - 1) * w, down = Math.min(h - 1, y + 1) * w;
        float across = (img[row + left] + img[row + x] + img[row + right]) / 3;
        float down3 = (img[up + x] + img[row + x] + img[down + x]) / 3;
        return Math.min(across, down3);
    }

    /** Sums over (y0, x0)-(y, x) inclusive, with a zero row and column in front. */
    private static int[] integral(int[] v, int h, int w) {
        int[] s = new int[(h + 1) * (w + 1)];
        for (int y = 0; y < h; y++) {
            int row = 0;
            for (int x = 0; x < w; x++) {
                row += v[y * w + x];
                s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + row;
            }
        }
        return s;
    }

    private static int boxSum(int[] s, int h, int w, int y, int x, int r) {
        int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1), x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
        return s[y1 * (w + 1) + x1] - s[y0 * (w + 1) + x1] - s[y1 * (w + 1) + x0] + s[y0 * (w + 1) + x0];
    }

    /**
     * Each connected region of dark blocks as one: all of it is text where at least
     * {@link #REGION_SHARE} of its blocks look like text (the gaps between lines and paragraphs
     * are shadowed paper too), none of it elsewhere (a dark photograph has a few text-like spots).
     */
    private static float[] wholeRegions(float[] text, int[] dark, float[] paper, int h, int w) {
        float[] out = new float[h * w];
        int[] region = new int[h * w];
        int[] queue = new int[h * w];
        int label = 0;
        for (int start = 0; start < region.length; start++) {
            if (dark[start] == 0 || region[start] != 0) continue;
            label++;
            int head = 0, tail = 0, textBlocks = 0;
            queue[tail++] = start;
            region[start] = label;
            while (head < tail) {
                int b = queue[head++];
                if (text[b] > 0) textBlocks++;
                for (int n : neighbours(b, h, w)) {
                    if (n >= 0 && dark[n] != 0 && region[n] == 0) {
                        region[n] = label;
                        queue[tail++] = n;
                    }
                }
            }
            if (textBlocks >= REGION_SHARE * tail && softEdged(queue, tail, region, label, paper, h, w)) {
                for (int i = 0; i < tail; i++) out[queue[i]] = 1f;
            }
        }
        return out;
    }

    /**
     * Whether a dark region fades into the paper around it, as a shadow does, rather than
     * ending at an edge, as a photograph or a table does. The paper estimate smears any edge
     * over about {@link #NEAR} blocks (its 3x3 maximum and 7x7 median); so beyond an edge the
     * paper NEAR to 2 NEAR blocks out is as bright as the paper FAR out, while beside a shadow
     * it is still darker. Blocks are measured in rings by their distance from the region.
     */
    private static boolean softEdged(int[] members, int count, int[] region, int label, float[] paper, int h, int w) {
        int[] distance = new int[h * w];
        java.util.Arrays.fill(distance, -1);
        int[] queue = new int[h * w];
        int head = 0, tail = 0;
        for (int i = 0; i < count; i++) {
            distance[members[i]] = 0;
            queue[tail++] = members[i];
        }
        double near = 0, far = 0;
        int nearCount = 0, farCount = 0;
        while (head < tail) {
            int b = queue[head++];
            int d = distance[b];
            if (d >= NEAR && d < 2 * NEAR) {
                near += paper[b];
                nearCount++;
            } else if (d >= FAR && d < FAR + NEAR) {
                far += paper[b];
                farCount++;
            }
            if (d == FAR + NEAR - 1) continue;
            for (int n : neighbours(b, h, w)) {
                if (n >= 0 && distance[n] < 0 && region[n] != label) {
                    distance[n] = d + 1;
                    queue[tail++] = n;
                }
            }
        }
        if (nearCount == 0 || farCount == 0) return false;
        return near / nearCount < SOFT * (far / farCount);
    }

    /** The four blocks beside block b (up, down, left, right); -1 past the grid's edge. */
    private static int[] neighbours(int b, int h, int w) {
        int y = b / w, x = b % w;
        return new int[] {y > 0 ? b - w : -1, y < h - 1 ? b + w : -1, x > 0 ? b - 1 : -1, x < w - 1 ? b + 1 : -1};
    }

    /** Mean over a (2r+1)-square, clipped at the borders: softens the mark's edge over a few blocks. */
    private static float[] boxMean(float[] v, int h, int w, int r) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        sum += v[yy * w + xx];
                        n++;
                    }
                }
                out[y * w + x] = sum / n;
            }
        }
        return out;
    }
}
