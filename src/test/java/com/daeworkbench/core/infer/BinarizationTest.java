package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.GrayImage;
import org.junit.jupiter.api.Test;

class BinarizationTest {
    /** Ink (a 4-pixel-wide stroke every 16 columns) on paper, both dimmed from left to right by {@code shade}. */
    static GrayImage page(int w, int h, float ink, float paper, float shade) {
        float[] px = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float light = 1 - shade * x / (w - 1);
                px[y * w + x] = (x % 16 < 4 ? ink : paper) * light;
            }
        }
        return new GrayImage(w, h, px);
    }

    static boolean isInk(int x) {
        return x % 16 < 4;
    }

    @Test
    void otsuSplitsTwoLevelsBetweenThem() {
        GrayImage p = page(64, 8, 0.2f, 0.8f, 0);
        int t = Otsu.threshold(p);
        assertThat(t).isBetween(Otsu.level(0.2f), Otsu.level(0.8f) - 1);
        GrayImage bw = Binarization.OTSU.apply(p);
        for (int x = 0; x < 64; x++) assertThat(bw.pixels()[x]).as("column %d", x).isEqualTo(isInk(x) ? 0f : 1f);
    }

    @Test
    void otsuFindsTheValleyOfAnUnevenHistogram() {
        // 90% paper around 0.9, 10% ink around 0.1, with spread: the split falls between the modes
        float[] px = new float[1000];
        for (int i = 0; i < px.length; i++) px[i] = i % 10 == 0 ? 0.05f + (i % 7) * 0.02f : 0.85f + (i % 11) * 0.01f;
        int t = Otsu.threshold(new GrayImage(100, 10, px));
        assertThat(t).isBetween(Otsu.level(0.17f), Otsu.level(0.85f) - 1);
    }

    @Test
    void sauvolaKeepsTextThatOneGlobalThresholdLosesInTheShade() {
        // paper goes from 0.95 to 0.95 * 0.3 across the page: the right side's paper is darker
        // than the left side's ink, so no single threshold can be right everywhere
        GrayImage p = page(256, 32, 0.15f, 0.95f, 0.7f);
        GrayImage sauvola = Binarization.SAUVOLA.apply(p);
        GrayImage otsu = Binarization.OTSU.apply(p);
        int y = 16;
        assertThat(wrongColumns(sauvola, y)).as("Sauvola").isZero();
        assertThat(wrongColumns(otsu, y)).as("Otsu").isGreaterThan(20);
    }

    @Test
    void theOutputHoldsOnlyInkAndPaper() {
        GrayImage p = page(40, 30, 0.3f, 0.7f, 0.2f);
        for (Binarization b : Binarization.values()) {
            GrayImage out = b.apply(p);
            assertThat(out.width()).isEqualTo(40);
            assertThat(out.height()).isEqualTo(30);
            for (float v : out.pixels()) assertThat(v).as(b.name()).isIn(0f, 1f);
        }
    }

    private static int wrongColumns(GrayImage bw, int y) {
        int wrong = 0;
        for (int x = 0; x < bw.width(); x++) {
            if (bw.pixels()[y * bw.width() + x] != (isInk(x) ? 0f : 1f)) wrong++;
        }
        return wrong;
    }
}
