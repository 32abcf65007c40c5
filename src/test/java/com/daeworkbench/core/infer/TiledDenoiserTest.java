package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import org.junit.jupiter.api.Test;

class TiledDenoiserTest {

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

    record Identity(ArchitectureSpec spec) implements DenoisingModel {
        public long parameterCount() { return 0; }
        public double fit(float[] n, float[] c, int k) { return 0; }
        public double loss(float[] n, float[] c, int k) { return 0; }
        public float[] denoise(float[] noisy, int count, int h, int w) { return noisy.clone(); }
        public float[] encode(float[] in, int count, int h, int w) { return new float[0]; }
        public int codeSize(int h, int w) { return 0; }
        public byte[] toBytes() { return new byte[0]; }
        public void close() { }
    }
}
