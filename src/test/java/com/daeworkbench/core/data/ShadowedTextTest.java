package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dark paper with text on it is paper; a dark table, a dark photograph and bright pages are not
 * touched by the rule. "cleaned" is what a network that changes nothing gives for a
 * paper-divided page: the page divided by its paper.
 */
class ShadowedTextTest {
    static final int H = 240, W = 360;

    /** Text about as sparse as a printed page's (7 % ink): 2-px strokes every 12 px, lines of 10 px every 24. */
    static boolean ink(int y, int x) {
        return y % 24 < 10 && x % 12 < 2;
    }

    static float[] divided(float[] img) {
        return PaperBackground.divide(img, H, W);
    }

    static float mean(float[] weights, int y0, int y1, int x0, int x1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) sum += weights[y * W + x];
        }
        return (float) (sum / ((y1 - y0) * (x1 - x0)));
    }

    @Test
    void textUnderAShadowIsPaperToo() {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float shade = x < 150 ? 0.15f : Math.min(1f, 0.15f + 0.85f * (x - 150) / 80f);   // a shadow fading out to the right
                img[y * W + x] = 0.9f * shade * (ink(y, x) ? 0.15f : 1f);
            }
        }
        float[] paper = PaperBackground.estimate(img, H, W);
        assertThat(PaperBackground.paperWeight(paper[(H / 2) * W + 70])).as("the shadow alone reads as no paper").isZero();
        float[] weights = ShadowedText.weights(img, divided(img), paper, H, W);
        assertThat(mean(weights, 20, H - 20, 20, 130)).as("inside the shadow").isGreaterThan(0.99f);

        float[] out = PaperBackground.keepOutsidePaper(img, divided(img), paper, weights);
        int paperPixels = 0, white = 0;
        for (int y = 20; y < H - 20; y++) {
            for (int x = 20; x < 130; x++) {
                if (ink(y, x) || ink(y, x - 1) || ink(y, x + 1)) continue;
                paperPixels++;
                if (out[y * W + x] > 0.95f) white++;
            }
        }
        assertThat((double) white / paperPixels).as("shadowed paper comes out white").isGreaterThan(0.95);
    }

    @Test
    void aDarkTableWithSensorNoiseStaysATable() {
        SplittableRandom r = new SplittableRandom(3);
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float v = x < W / 3 ? 0.12f + 0.03f * (float) gaussian(r) : (ink(y, x) ? 0.12f : 0.85f);   // a table with sensor noise of 8/255, then a page
                img[y * W + x] = Math.max(0f, Math.min(1f, v));
            }
        }
        float[] weights = ShadowedText.weights(img, divided(img), PaperBackground.estimate(img, H, W), H, W);
        assertThat(mean(weights, 0, H, 0, W / 3 - 16)).as("the table beside the page's text").isZero();
    }

    @Test
    void aDarkPhotographOnAPageIsNotText() {
        SplittableRandom r = new SplittableRandom(4);
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean photo = y > 40 && y < 200 && x > 60 && x < 300;
                float v = photo ? (r.nextDouble() < 0.4 ? 0.02f : 0.25f) : (ink(y, x) ? 0.1f : 0.9f);   // a dark halftone on a text page
                img[y * W + x] = v;
            }
        }
        float[] weights = ShadowedText.weights(img, divided(img), PaperBackground.estimate(img, H, W), H, W);
        assertThat(mean(weights, 60, 180, 80, 280)).as("inside the photograph").isZero();
    }

    /** The same text on a grey box printed on the page: dark, but with an edge, not a shadow's fade. */
    @Test
    void aGreyBoxWithTextOnItIsNotAShadow() {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean box = y > 40 && y < 200 && x > 40 && x < 200;
                img[y * W + x] = (box ? 0.25f : 0.9f) * (ink(y, x) ? 0.15f : 1f);
            }
        }
        float[] paper = PaperBackground.estimate(img, H, W);
        float[] weights = ShadowedText.weights(img, divided(img), paper, H, W);
        assertThat(mean(weights, 60, 180, 60, 180)).as("inside the box").isZero();
    }

    @Test
    void aPageWithBrightPaperEverywhereNeedsNoWork() {
        float[] img = new float[H * W];
        for (int i = 0; i < img.length; i++) img[i] = ink(i / W, i % W) ? 0.1f : 0.8f;
        assertThat(ShadowedText.weights(img, divided(img), PaperBackground.estimate(img, H, W), H, W)).isNull();
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
