package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void aHalftoneScreenPrintsDotsAsLargeAsTheirTone() {
        for (float tone : new float[] {0.2f, 0.5f, 0.8f}) {
            float[] cells = new float[120 * 120];
            java.util.Arrays.fill(cells, tone);
            Figure.screen(cells, 120, 120, 3.0);
            double inked = 0;
            for (float c : cells) {
                assertThat(c).as("a screen prints ink or leaves paper").isIn(0f, 1f);
                inked += c;
            }
            assertThat(inked / cells.length).as("ink share of a %.1f tone", tone).isCloseTo(tone, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void photographsAreScreenedOnlyWhereTheScanResolvesTheDots() {
        double pxPerMmAt300 = 300 / 25.4;
        double pxPerMmAt110 = 110 / 25.4;
        int screened = 0;
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(isBlackAndWhite(Figure.photo(90, 70, pxPerMmAt110, new SplittableRandom(seed))))
                    .as("at 110 dpi a screen's cells are under a pixel: continuous tone, seed %d", seed).isFalse();
            if (isBlackAndWhite(Figure.photo(90, 70, pxPerMmAt300, new SplittableRandom(seed)))) screened++;
        }
        // screens of 85-150 lines an inch: at 300 dpi those under 120 span 2.5 pixels a cell
        assertThat(screened).as("screened photographs at 300 dpi, of 20").isBetween(5, 16);
    }

    @Test
    void aFigureDarkensItsPartOfThePageAndNothingElse() {
        int w = 200;
        int h = 160;
        for (long seed = 1; seed <= 20; seed++) {
            float[] coverage = new float[w * h];
            Figure.draw(coverage, w, h, 110 / 25.4, new SplittableRandom(seed));
            int minX = w, maxX = -1, minY = h, maxY = -1, inked = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (coverage[y * w + x] <= 0) continue;
                    inked++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            assertThat(inked).as("inked pixels, seed %d", seed).isPositive();
            int box = (maxX - minX + 1) * (maxY - minY + 1);
            assertThat(box).as("one rectangle, not the page, seed %d", seed).isLessThan(w * h * 6 / 10);
        }
    }

    private static boolean isBlackAndWhite(float[] v) {
        for (float f : v) if (f != 0f && f != 1f) return false;
        return true;
    }
}
