package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ModelsTest {

    /** Smooth blobs: learnable structure, unlike white noise. */
    static float[] images(int count, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[count * h * w];
        for (int n = 0; n < count; n++) {
            double cy = r.nextDouble() * h, cx = r.nextDouble() * w, s = 2 + r.nextDouble() * 4;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
                    out[(n * h + y) * w + x] = (float) Math.exp(-d2 / (2 * s * s));
                }
            }
        }
        return out;
    }

    static float[] noisy(float[] clean, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = clean.clone();
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.min(1, Math.max(0, out[i] + (r.nextDouble() - 0.5)));
        return out;
    }

    static ArchitectureSpec small(Kind kind) {
        ArchitectureSpec d = ArchitectureSpec.defaults(kind, 16, 16);
        return new ArchitectureSpec(kind, 16, 16, kind == Kind.RESIDUAL ? 3 : 2, 8, 8, d.activation(), d.loss(),
                d.optimizer(), 1e-2, 16, 0, 7);
    }

    @Test
    void defaultConvModelHasTheReferenceParameterCount() {
        // PyTorch's conv32-pool-conv32-pool-conv32-up-conv32-up-conv1: 28,353 parameters
        assertThat(Models.parameterCount(ArchitectureSpec.defaults(Kind.CONV, 28, 28))).isEqualTo(28_353);
        // 784-256-64-256-784
        assertThat(Models.parameterCount(ArchitectureSpec.defaults(Kind.DENSE, 28, 28)))
                .isEqualTo(784 * 256 + 256 + 256 * 64 + 64 + 64 * 256 + 256 + 256 * 784 + 784);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void trainingLowersTheLoss(Kind kind) {
        float[] clean = images(16, 16, 16, 1);
        float[] noisy = noisy(clean, 2);
        try (DenoisingModel model = Models.create(small(kind))) {
            double before = model.loss(noisy, clean, 16);
            double first = model.fit(noisy, clean, 16);
            for (int i = 0; i < 60; i++) model.fit(noisy, clean, 16);
            double after = model.loss(noisy, clean, 16);
            assertThat(first).isFinite();
            assertThat(after).isLessThan(before * 0.9);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sameSeedSameNetwork_andSaveLoadGivesIdenticalOutputs(Kind kind) throws Exception {
        float[] clean = images(4, 16, 16, 3);
        float[] noisy = noisy(clean, 4);
        try (DenoisingModel a = Models.create(small(kind)); DenoisingModel b = Models.create(small(kind))) {
            assertThat(a.denoise(noisy, 4, 16, 16)).containsExactly(b.denoise(noisy, 4, 16, 16));
            for (int i = 0; i < 3; i++) a.fit(noisy, clean, 4);
            float[] trained = a.denoise(noisy, 4, 16, 16);
            try (DenoisingModel restored = Models.fromBytes(a.spec(), a.toBytes())) {
                assertThat(restored.denoise(noisy, 4, 16, 16)).containsExactly(trained);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCodeHasTheBottleneckSize(Kind kind) {
        try (DenoisingModel m = Models.create(small(kind))) {
            float[] code = m.encode(noisy(images(3, 16, 16, 1), 2), 3, 16, 16);
            int expected = switch (kind) { case DENSE -> 8; case CONV -> 4 * 4 * 8; case RESIDUAL -> 8; };
            assertThat(m.codeSize(16, 16)).isEqualTo(expected);
            assertThat(code).hasSize(3 * expected);
        }
    }

    @Test
    void differentSeedsGiveDifferentNetworks() {
        float[] noisy = noisy(images(2, 16, 16, 5), 6);
        try (DenoisingModel a = Models.create(small(Kind.CONV)); DenoisingModel b = Models.create(small(Kind.CONV).withSeed(8))) {
            assertThat(a.denoise(noisy, 2, 16, 16)).isNotEqualTo(b.denoise(noisy, 2, 16, 16));
        }
    }

    @Test
    void fullyConvolutionalModelsRunOnOtherSizes() {
        try (DenoisingModel m = Models.create(small(Kind.RESIDUAL))) {
            float[] out = m.denoise(noisy(images(1, 20, 36, 1), 2), 1, 20, 36);
            assertThat(out).hasSize(20 * 36);
        }
        try (DenoisingModel m = Models.create(small(Kind.DENSE))) {
            assertThatThrownBy(() -> m.denoise(new float[400], 1, 20, 20)).hasMessageContaining("16x16");
        }
    }

    @Test
    void weightsOfAnotherArchitectureAreRefused() {
        try (DenoisingModel m = Models.create(small(Kind.CONV))) {
            ArchitectureSpec wider = new ArchitectureSpec(Kind.CONV, 16, 16, 2, 12, 8, m.spec().activation(),
                    m.spec().loss(), m.spec().optimizer(), 1e-3, 16, 0, 7);
            assertThatThrownBy(() -> Models.fromBytes(wider, m.toBytes())).hasMessageContaining("shape");
            assertThatThrownBy(() -> Models.fromBytes(m.spec(), new byte[] {1, 2, 3})).isInstanceOf(java.io.IOException.class);
        }
    }
}
