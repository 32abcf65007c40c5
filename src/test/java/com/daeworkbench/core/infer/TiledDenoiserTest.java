package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import org.junit.jupiter.api.Test;

class TiledDenoiserTest {

    /** Tiles as small as still cover the page in as few tiles as the largest side needs, on the model's multiple. */
    @Test
    void tileSidesShrinkToThePageWithoutMoreTiles() {
        assertThat(TiledDenoiser.tileSide(3508, 640, 16, 1)).isEqualTo(598);
        assertThat(TiledDenoiser.tileSide(300, 640, 16, 4)).isEqualTo(300);
        assertThat(TiledDenoiser.tileSide(301, 640, 16, 4)).isEqualTo(304);
        for (int multiple : new int[] {1, 4}) {
            for (int size = 1; size < 3000; size += 7) {
                int side = TiledDenoiser.tileSide(size, 640, 32, multiple);
                assertThat(side % multiple).isZero();
                assertThat(side).isLessThanOrEqualTo(640);
                int[] starts = TiledDenoiser.starts(Math.max(size, side), side, 32);
                assertThat(starts.length).as("size %d", size).isEqualTo(TiledDenoiser.starts(Math.max(size, 640), 640, 32).length);
                assertThat(starts[starts.length - 1] + side).isEqualTo(Math.max(size, side));
            }
        }
    }

    @Test
    void tilesCoverTheImageWithOverlapAndEndAtTheEdge() {
        assertThat(TiledDenoiser.starts(100, 256, 32)).containsExactly(0);
        int[] s = TiledDenoiser.starts(600, 256, 32);
        assertThat(s[0]).isZero();
        assertThat(s[s.length - 1]).isEqualTo(600 - 256);
        for (int i = 1; i < s.length; i++) assertThat(s[i - 1] + 256 - s[i]).isGreaterThanOrEqualTo(32);
    }

    /** A model that gives back its input: tiling must then reproduce the image exactly, seams included. */
    @Test
    void anIdentityModelGivesBackTheImageWithNoSeams() {
        DenoisingModel identity = new Identity(ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64));
        int h = 300, w = 530;
        float[] img = new float[h * w];
        for (int i = 0; i < img.length; i++) img[i] = (float) ((Math.sin(i * 0.37) + 1) / 2);
        float[] out = new TiledDenoiser(identity).denoise(img, h, w);
        for (int i = 0; i < img.length; i++) assertThat(out[i]).isCloseTo(img[i], offset(1e-5f));
        float[] small = new TiledDenoiser(identity).denoise(new float[] {0.2f, 0.4f, 0.6f, 0.8f}, 2, 2);
        assertThat(small).containsExactly(0.2f, 0.4f, 0.6f, 0.8f);
    }

    /**
     * A fully convolutional network's tiles keep only pixels that saw their whole receptive
     * field: a page larger than a tile, in any tiling, comes out as the network run on it whole.
     */
    @Test
    void tilesOfAConvolutionalNetworkGiveWhatTheWholePageGives() {
        try (DenoisingModel m = Models.create(ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64)
                .withNetwork(ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64).network().withLayers(4).withWidth(8)))) {
            int h = 700, w = 1350;
            float[] img = new float[h * w];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
            for (int i = 0; i < img.length; i++) img[i] = (float) rng.nextDouble();
            float[] tiled = new TiledDenoiser(m).denoise(img, h, w);
            float[] whole = m.denoise(img, 1, h, w);
            double worst = 0;
            for (int i = 0; i < img.length; i++) worst = Math.max(worst, Math.abs(tiled[i] - whole[i]));
            assertThat(worst).isLessThan(1e-4);
        }
    }

    @Test
    void aRealModelDenoisesAPageLargerThanATile() {
        try (DenoisingModel m = Models.create(ArchitectureSpec.defaults(ArchitectureSpec.Kind.CONV, 28, 28))) {
            float[] out = new TiledDenoiser(m).denoise(new float[300 * 280], 300, 280);
            assertThat(out).hasSize(300 * 280);
            for (float v : out) assertThat(v).isBetween(0f, 1f);
        }
        try (DenoisingModel m = Models.create(ArchitectureSpec.defaults(ArchitectureSpec.Kind.DENSE, 28, 28))) {
            assertThat(new TiledDenoiser(m).denoise(new float[50 * 61], 50, 61)).hasSize(50 * 61);
        }
    }

    /**
     * A paper-divided model sees the page divided by its paper: an identity model then gives
     * back a stained page flattened, and a surface too dark to be paper (the table around a
     * photographed page) exactly as it was.
     */
    @Test
    void aPaperDividedModelSeesFlattenedPaperAndLeavesADarkTableAlone() {
        DenoisingModel identity = new Identity(ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64)
                .withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED));
        int h = 240, w = 320;
        float[] img = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = x < 80 ? 0.1f + 0.02f * (float) Math.sin(x * 0.3 + y * 0.2) : 0.6f + 0.3f * x / w; // table, then lit paper
                if (x >= 100 && y % 20 < 12 && x % 9 < 2) v *= 0.15f;                                 // text
                img[y * w + x] = v;
            }
        }
        float[] out = new TiledDenoiser(identity).denoise(img, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < 60; x++) assertThat(out[y * w + x]).isCloseTo(img[y * w + x], offset(1e-6f));
        }
        int paper = 0, white = 0;
        for (int y = 40; y < 200; y++) {
            for (int x = 140; x < 300; x++) {
                if (y % 20 < 12 && x % 9 < 2) continue;
                paper++;
                if (out[y * w + x] > 0.97f) white++;
            }
        }
        assertThat((double) white / paper).isGreaterThan(0.95);
    }

    record Identity(ArchitectureSpec spec) implements FakePageModel {
        public float[] denoise(float[] noisy, int count, int h, int w) { return noisy.clone(); }
    }
}
