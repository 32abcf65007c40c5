package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.analysis.SyntheticDefects.Defect;
import com.daeworkbench.core.data.ImageSet;
import org.junit.jupiter.api.Test;

class SyntheticDefectsTest {

    /** A vertical bar in the middle of each 28x28 image: a "1". */
    static ImageSet ones(int count) {
        float[] px = new float[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = 1;
            for (int y = 5; y < 23; y++) {
                for (int x = 13; x < 16; x++) px[i * 784 + y * 28 + x] = 1f;
            }
        }
        return new ImageSet(count, 28, 28, px, labels);
    }

    @Test
    void rotationTurnsAVerticalBarHorizontalAndFourTurnsAreTheIdentity() {
        ImageSet one = ones(1);
        ImageSet turned = SyntheticDefects.apply(one, Defect.ROTATED, 1);
        // the bar covered columns 13..15, rows 5..22; turned clockwise it covers rows 13..15, columns 5..22
        assertThat(turned.pixels()[14 * 28 + 10]).isEqualTo(1f);
        assertThat(turned.pixels()[10 * 28 + 14]).isEqualTo(0f);
        ImageSet back = one;
        for (int k = 0; k < 4; k++) back = SyntheticDefects.apply(back, Defect.ROTATED, 1);
        assertThat(back.pixels()).containsExactly(one.pixels());
        assertThat(turned.label(0)).isEqualTo(1);
        assertThatThrownBy(() -> SyntheticDefects.apply(new ImageSet(1, 4, 8, new float[32], null), Defect.ROTATED, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
    }

    @Test
    void blotchesChangeEveryImageLocallyAndAreReproducible() {
        ImageSet ones = ones(50);
        ImageSet a = SyntheticDefects.apply(ones, Defect.BLOTCH, 7);
        ImageSet b = SyntheticDefects.apply(ones, Defect.BLOTCH, 7);
        assertThat(a.pixels()).containsExactly(b.pixels());
        for (int i = 0; i < 50; i++) {
            int changed = 0;
            for (int k = 0; k < 784; k++) {
                float v = a.pixels()[i * 784 + k];
                assertThat(v).isBetween(0f, 1f);
                if (Math.abs(v - ones.pixels()[i * 784 + k]) > 0.1f) changed++;
            }
            // radius 3..6: at least a few pixels, never most of the image
            assertThat(changed).isBetween(5, 200);
        }
        assertThat(SyntheticDefects.apply(ones, Defect.BLOTCH, 8).pixels()).isNotEqualTo(a.pixels());
    }

    @Test
    void foreignGlyphsAreStrokesUnlikeTheInput() {
        ImageSet g = SyntheticDefects.apply(ones(20), Defect.FOREIGN_GLYPH, 3);
        for (int i = 0; i < 20; i++) {
            int ink = 0;
            for (int k = 0; k < 784; k++) {
                float v = g.pixels()[i * 784 + k];
                assertThat(v).isBetween(0f, 1f);
                if (v > 0.5f) ink++;
            }
            assertThat(ink).isBetween(60, 500);
        }
        assertThat(g.pixels()).isNotEqualTo(ones(20).pixels());
    }
}
