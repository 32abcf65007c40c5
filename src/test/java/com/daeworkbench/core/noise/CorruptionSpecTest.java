package com.daeworkbench.core.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorruptionSpecTest {
    static final int N = 200_000;

    static float[] gray(float v) {
        float[] x = new float[N];
        Arrays.fill(x, v);
        return x;
    }

    static float[] apply(String spec, float[] src, long seed) {
        float[] out = new float[src.length];
        CorruptionSpec.parse(spec).apply(src, 0, out, 0, src.length, new SplittableRandom(seed));
        return out;
    }

    @Test
    void gaussianNoiseHasTheRequestedSpreadAndStaysInRange() {
        float[] out = apply("gaussian:0.1", gray(0.5f), 1);
        double mean = 0, var = 0;
        for (float v : out) mean += v;
        mean /= N;
        for (float v : out) var += (v - mean) * (v - mean);
        assertThat(mean).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.002));
        assertThat(Math.sqrt(var / N)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.002));
        float[] strong = apply("gaussian:2", gray(0.5f), 1);
        for (float v : strong) assertThat(v).isBetween(0f, 1f);
    }

    @Test
    void saltAndPepperAndMaskingHitTheRequestedFractions() {
        float[] sp = apply("saltpepper:0.2", gray(0.5f), 2);
        long salt = 0, pepper = 0;
        for (float v : sp) { if (v == 1f) salt++; if (v == 0f) pepper++; }
        assertThat(salt / (double) N).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
        assertThat(pepper / (double) N).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
        float[] masked = apply("masking:0.3", gray(0.7f), 3);
        long zeros = 0;
        for (float v : masked) { if (v == 0f) zeros++; else assertThat(v).isEqualTo(0.7f); }
        assertThat(zeros / (double) N).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void speckleScalesWithTheSignal() {
        float[] dark = apply("speckle:0.2", gray(0.05f), 4);
        float[] bright = apply("speckle:0.2", gray(0.5f), 4);
        assertThat(spread(bright)).isGreaterThan(5 * spread(dark));
    }

    static double spread(float[] x) {
        double m = 0, v = 0;
        for (float f : x) m += f;
        m /= x.length;
        for (float f : x) v += (f - m) * (f - m);
        return Math.sqrt(v / x.length);
    }

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        assertThat(apply("gaussian:0.3+saltpepper:0.1", gray(0.4f), 9)).containsExactly(apply("gaussian:0.3+saltpepper:0.1", gray(0.4f), 9));
        assertThat(apply("gaussian:0.3", gray(0.4f), 9)).isNotEqualTo(apply("gaussian:0.3", gray(0.4f), 10));
        assertThat(apply("gaussian:0", gray(0.4f), 9)).containsExactly(gray(0.4f));
    }

    @Test
    void specsRoundTripAndBadOnesSayWhatIsValid() {
        assertThat(CorruptionSpec.parse("Gaussian:0.50 + saltpepper:0.2").spec()).isEqualTo("gaussian:0.5+saltpepper:0.2");
        assertThat(CorruptionSpec.parse(CorruptionSpec.parse("masking:0.3+speckle:0.25").spec()).spec()).isEqualTo("masking:0.3+speckle:0.25");
        assertThatThrownBy(() -> CorruptionSpec.parse("saltpepper:5.0")).hasMessageContaining("out of range").hasMessageContaining("0..1");
        assertThatThrownBy(() -> CorruptionSpec.parse("blur:0.1")).hasMessageContaining("unknown corruption").hasMessageContaining("gaussian");
        assertThatThrownBy(() -> CorruptionSpec.parse("gaussian")).hasMessageContaining("needs a level");
        assertThatThrownBy(() -> CorruptionSpec.parse("gaussian:abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CorruptionSpec.parse("gaussian:-0.1")).hasMessageContaining("out of range");
    }
}
