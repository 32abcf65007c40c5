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
        float[] out = PaperBackground.keepOutsidePaper(new float[] {0.15f, 0.5f}, new float[] {1f, 1f}, new float[] {0.15f, 0.9f});
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
}
