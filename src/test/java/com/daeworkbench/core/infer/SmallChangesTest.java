package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SmallChangesTest {

    @Test
    void changesBelowTheThresholdAreDroppedAndLargeOnesMadeInFull() {
        float t = SmallChanges.THRESHOLD;
        float[] in = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        float[] out = SmallChanges.dropFrom(in, new float[] {0.5f + 0.9f * t, 0.5f - 0.9f * t, 0.5f + 1.5f * t, 0.5f - 1.5f * t, 0.5f + 2 * t, 0.1f});
        assertThat(out[0]).isEqualTo(0.5f);
        assertThat(out[1]).isEqualTo(0.5f);
        assertThat(out[2]).isCloseTo(0.5f + 0.75f * t, offset(1e-6f));   // half of 1.5 t kept
        assertThat(out[3]).isCloseTo(0.5f - 0.75f * t, offset(1e-6f));
        assertThat(out[4]).isCloseTo(0.5f + 2 * t, offset(1e-6f));
        assertThat(out[5]).isCloseTo(0.1f, offset(1e-6f));
    }

    /** No step where changes start to be made: what is kept grows steadily with the change. */
    @Test
    void whatIsKeptGrowsSteadilyWithTheChange() {
        float previous = 0;
        for (int k = 0; k <= 200; k++) {
            float change = k * 0.0005f;
            float kept = SmallChanges.dropFrom(new float[] {0.3f}, new float[] {0.3f + change})[0] - 0.3f;
            assertThat(kept).isBetween(previous - 1e-6f, change + 1e-6f);
            assertThat(kept - previous).isLessThanOrEqualTo(0.0005f * 3 + 1e-6f);
            previous = kept;
        }
    }

    /**
     * Through the document pipeline: a paper-divided model that nudges every pixel of a clean
     * page by one gray level gives the page back as it was; one that darkens it by a tenth
     * darkens it by a tenth.
     */
    @Test
    void aDocumentModelLeavesACleanPageAsItWasUnlessItsChangeIsLarge() {
        int h = 120, w = 160;
        float[] page = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) page[y * w + x] = (y % 20 < 12 && x % 9 < 2) ? 0.1f : 1f;
        }
        float[] nudged = new TiledDenoiser(new Shift(-0.004f)).denoise(page, h, w);
        assertThat(nudged).containsExactly(page);
        float[] darkened = new TiledDenoiser(new Shift(-0.1f)).denoise(page, h, w);
        for (int i = 0; i < page.length; i++) assertThat(darkened[i]).isCloseTo(page[i] - 0.1f, offset(2e-3f));
    }

    /** A paper-divided model that shifts every pixel it sees by {@code delta}. */
    record Shift(float delta) implements FakePageModel {
        public float[] denoise(float[] noisy, int count, int h, int w) {
            float[] out = noisy.clone();
            for (int i = 0; i < out.length; i++) out[i] += delta;
            return out;
        }
    }
}
