package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorPassesTest {

    @Test
    void eachMirrorMovesPixelsWhereItSaysAndUndoesItself() {
        float[] img = {1, 2, 3, 4, 5, 6};   // 2 rows x 3
        assertThat(MirrorPasses.mirror(img, 2, 3, 0)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(MirrorPasses.mirror(img, 2, 3, 1)).containsExactly(3, 2, 1, 6, 5, 4);
        assertThat(MirrorPasses.mirror(img, 2, 3, 2)).containsExactly(4, 5, 6, 1, 2, 3);
        assertThat(MirrorPasses.mirror(img, 2, 3, 3)).containsExactly(6, 5, 4, 3, 2, 1);
        for (int pass = 0; pass < 4; pass++) {
            assertThat(MirrorPasses.mirror(MirrorPasses.mirror(img, 2, 3, pass), 2, 3, pass)).containsExactly(img);
        }
    }

    @Test
    void aPageGetsAsManyPassesAsOnePassOverA4At300DpiTakes() {
        assertThat(MirrorPasses.forPage(420, 540)).isEqualTo(4);      // a Kaggle-sized page
        assertThat(MirrorPasses.forPage(1754, 1240)).isEqualTo(4);    // A4 at 150 dpi
        assertThat(MirrorPasses.forPage(2339, 1654)).isEqualTo(2);    // A4 at 200 dpi
        assertThat(MirrorPasses.forPage(3508, 2480)).isEqualTo(1);    // A4 at 300 dpi: no slower than before
        for (int side = 100; side < 6000; side += 37) {
            long pixels = (long) side * side;
            assertThat(pixels * MirrorPasses.forPage(side, side)).as("side %d", side)
                    .isLessThanOrEqualTo(Math.max(pixels, MirrorPasses.PIXEL_BUDGET));
        }
    }

    /**
     * A model that darkens the top-left quarter of whatever it sees by 0.4: one pass darkens the
     * page's top-left quarter; mirrored passes, averaged, spread it over the quarters they move it
     * to, so two (as it is and left-right) darken the top half by 0.2 and four the whole page by 0.1.
     */
    @Test
    void passesAreMirroredBackAndAveraged() {
        int h = 60, w = 80;
        float[] white = new float[h * w];
        java.util.Arrays.fill(white, 1f);
        float[] one = new TiledDenoiser(new DarkCorner(), 1).denoise(white, h, w);
        float[] two = new TiledDenoiser(new DarkCorner(), 2).denoise(white, h, w);
        float[] four = new TiledDenoiser(new DarkCorner(), 4).denoise(white, h, w);
        float[] auto = new TiledDenoiser(new DarkCorner()).denoise(white, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean top = y < h / 2, left = x < w / 2;
                assertThat(one[i]).isCloseTo(top && left ? 0.6f : 1f, offset(1e-5f));
                assertThat(two[i]).isCloseTo(top ? 0.8f : 1f, offset(1e-5f));
                assertThat(four[i]).isCloseTo(0.9f, offset(1e-5f));
            }
        }
        assertThat(auto).containsExactly(four);
    }

    @Test
    void progressCountsTheTilesOfEveryPassToTheEnd() {
        List<int[]> calls = new ArrayList<>();
        new TiledDenoiser(new DarkCorner(), 4).denoise(new float[40 * 50], 40, 50, (done, total) -> calls.add(new int[] {done, total}));
        assertThat(calls).isNotEmpty();
        for (int k = 1; k < calls.size(); k++) assertThat(calls.get(k)[0]).isGreaterThan(calls.get(k - 1)[0]);
        assertThat(calls.get(calls.size() - 1)).containsExactly(4, 4);
    }

    @Test
    void onlyOneTwoOrFourPassesCanBeAskedFor() {
        assertThatThrownBy(() -> new TiledDenoiser(new DarkCorner(), 3)).hasMessageContaining("1, 2 or 4");
        assertThat(MirrorPasses.isValid(MirrorPasses.AUTO)).isTrue();
        assertThat(MirrorPasses.isValid(8)).isFalse();
    }

    /** A paper-divided model that darkens the top-left quarter of what it sees by 0.4. */
    record DarkCorner() implements FakePageModel {
        public float[] denoise(float[] noisy, int count, int h, int w) {
            float[] out = noisy.clone();
            for (int t = 0; t < count; t++) {
                for (int y = 0; y < h / 2; y++) for (int x = 0; x < w / 2; x++) out[t * h * w + y * w + x] -= 0.4f;
            }
            return out;
        }
    }
}
