package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The paper estimate behind paper-divided model inputs. */
class PaperBackgroundTest {

    /** Text-like strokes: 2 px wide vertical bars every 7 px, rows of 14 px with 6 px of line gap. */
    private static float[] textOn(float[] paper, int h, int w) {
        float[] img = paper.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean ink = y % 20 < 14 && x % 7 < 2;
                if (ink) img[y * w + x] *= 0.1f;
            }
        }
        return img;
    }

    @Test
    void aCleanWhitePageIsItsOwnPaperAndDividingChangesNothing() {
        int h = 97, w = 131;
        float[] white = new float[h * w];
        java.util.Arrays.fill(white, 1f);
        float[] page = textOn(white, h, w);
        float[] divided = PaperBackground.divide(page, h, w);
        for (int i = 0; i < page.length; i++) assertThat(divided[i]).isCloseTo(page[i], offset(1e-6f));
    }

    @Test
    void aMultiplicativeStainAndAGradientAreDividedOutUnderTheText() {
        int h = 200, w = 240;
        float[] paper = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(x - 120, y - 100) / 60;
                paper[y * w + x] = (float) ((0.95 - 0.25 * x / w) * (r < 1 ? 0.8 : 1)); // a gradient and a flat stain
            }
        }
        float[] page = textOn(paper, h, w);
        float[] divided = PaperBackground.divide(page, h, w);
        // paper pixels away from the stain's edge come out white, ink stays dark
        int paperPx = 0, white = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(x - 120, y - 100) / 60;
                if (Math.abs(r - 1) < 0.25) continue;
                boolean ink = y % 20 < 14 && x % 7 < 2;
                float v = divided[y * w + x];
                if (ink) {
                    assertThat(v).isLessThan(0.2f);
                } else {
                    paperPx++;
                    if (v > 0.97f) white++;
                }
            }
        }
        assertThat((double) white / paperPx).isGreaterThan(0.95);
    }

    @Test
    void surfacesTooDarkToBePaperKeepTheirInput() {
        assertThat(PaperBackground.paperWeight(0.1f)).isZero();
        assertThat(PaperBackground.paperWeight(0.9f)).isEqualTo(1f);
        float mid = PaperBackground.paperWeight((PaperBackground.NOT_PAPER + PaperBackground.SURELY_PAPER) / 2);
        assertThat(mid).isBetween(0.3f, 0.7f);
        float[] out = PaperBackground.keepOutsidePaper(new float[] {0.15f, 0.5f}, new float[] {1f, 1f}, new float[] {0.15f, 0.9f}, null);
        assertThat(out).containsExactly(0.15f, 1f);
    }

    /** The fast median gives exactly the reference filter's values. */
    @Test
    void theFastMedianIsTheReferenceMedian() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int[] hw : new int[][] {{1, 1}, {2, 9}, {5, 4}, {40, 33}}) {
            float[] img = new float[hw[0] * hw[1]];
            for (int i = 0; i < img.length; i++) img[i] = r.nextInt(8) / 7f;
            assertThat(PaperBackground.median7(img, hw[0], hw[1]))
                    .containsExactly(com.daeworkbench.core.metrics.ClassicFilters.median(img, hw[0], hw[1], 7));
        }
    }

    @Test
    void anyPageSizeIncludingOnePixelAndOddSizes() {
        for (int[] hw : new int[][] {{1, 1}, {1, 9}, {7, 1}, {3, 5}, {33, 17}}) {
            float[] img = new float[hw[0] * hw[1]];
            java.util.Arrays.fill(img, 0.6f);
            float[] paper = PaperBackground.estimate(img, hw[0], hw[1]);
            assertThat(paper).hasSize(img.length);
            for (float p : paper) assertThat(p).isCloseTo(0.6f, offset(1e-5f));
        }
    }

    /** The parallel estimate gives exactly what the plain loops give, on pages whose sides the block does and does not divide. */
    @Test
    void theFastEstimateIsThePlainOne() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int[] hw : new int[][] {{1, 1}, {3, 7}, {16, 12}, {41, 58}}) {
            float[] img = new float[hw[0] * hw[1]];
            for (int i = 0; i < img.length; i++) img[i] = (float) r.nextDouble();
            assertThat(PaperBackground.estimate(img, hw[0], hw[1])).containsExactly(plainEstimate(img, hw[0], hw[1]));
        }
    }

    /** The estimate as first written: block maxima, 3x3 maximum, 7x7 median, bilinear back, pixel by pixel. */
    private static float[] plainEstimate(float[] img, int h, int w) {
        int b = PaperBackground.BLOCK;
        int sh = (h + b - 1) / b, sw = (w + b - 1) / b;
        float[] small = new float[sh * sw];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            small[(y / b) * sw + x / b] = Math.max(small[(y / b) * sw + x / b], img[y * w + x]);
        }
        float[] opened = new float[sh * sw];
        for (int y = 0; y < sh; y++) for (int x = 0; x < sw; x++) {
            float m = 0;
            for (int yy = Math.max(0, y - 1); yy <= Math.min(sh - 1, y + 1); yy++) {
                for (int xx = Math.max(0, x - 1); xx <= Math.min(sw - 1, x + 1); xx++) m = Math.max(m, small[yy * sw + xx]);
            }
            opened[y * sw + x] = m;
        }
        float[] p = com.daeworkbench.core.metrics.ClassicFilters.median(opened, sh, sw, 7);
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, Math.min(sh - 1, (y + 0.5f) / b - 0.5f));
            int y0 = (int) fy, y1 = Math.min(sh - 1, y0 + 1);
            float ty = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, Math.min(sw - 1, (x + 0.5f) / b - 0.5f));
                int x0 = (int) fx, x1 = Math.min(sw - 1, x0 + 1);
                float tx = fx - x0;
                float top = p[y0 * sw + x0] * (1 - tx) + p[y0 * sw + x1] * tx;
                float bottom = p[y1 * sw + x0] * (1 - tx) + p[y1 * sw + x1] * tx;
                out[y * w + x] = Math.max(0.02f, top * (1 - ty) + bottom * ty);
            }
        }
        return out;
    }
}
