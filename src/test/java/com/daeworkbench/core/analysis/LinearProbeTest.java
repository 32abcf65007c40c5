package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /** Three well separated Gaussian clusters in 5-D, plus a constant feature. */
    static float[] clusters(int n, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = {{4, 0, 0, 0, 0}, {0, 4, 0, 0, 0}, {0, 0, 4, 0, 0}};
        float[] x = new float[n * 6];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = c;
            for (int j = 0; j < 5; j++) x[i * 6 + j] = (float) (centres[c][j] + r.nextGaussian() * 0.5);
            x[i * 6 + 5] = 7;
        }
        return x;
    }

    @Test
    void aLinearlySeparableSetIsLearntToAboutOneHundredPercent() throws Exception {
        int[] y = new int[300], yTest = new int[300];
        float[] x = clusters(300, y, 1), xTest = clusters(300, yTest, 2);
        LinearProbe probe = LinearProbe.fit(x, 300, 6, y, 3, LinearProbe.Options.defaults());
        assertThat(probe.accuracy(x, 300, y)).isEqualTo(1.0);
        assertThat(probe.accuracy(xTest, 300, yTest)).isGreaterThan(0.99);
    }

    @Test
    void theSameDataGiveTheSameProbe() throws Exception {
        int[] y = new int[90];
        float[] x = clusters(90, y, 3);
        LinearProbe.Options o = new LinearProbe.Options(0.01, 50, 0.05);
        int[] a = LinearProbe.fit(x, 90, 6, y, 3, o).predict(x, 90);
        int[] b = LinearProbe.fit(x, 90, 6, y, 3, o).predict(x, 90);
        assertThat(a).containsExactly(b);
    }

    @Test
    void xorIsNotLinearlySeparable() throws Exception {
        float[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        int[] y = {0, 1, 1, 0};
        LinearProbe probe = LinearProbe.fit(x, 4, 2, y, 2, LinearProbe.Options.defaults());
        assertThat(probe.accuracy(x, 4, y)).isLessThanOrEqualTo(0.75);
    }

    @Test
    void refusesBadLabels() {
        assertThatThrownBy(() -> LinearProbe.fit(new float[] {1, 2}, 2, 1, new int[] {0, 3}, 2, LinearProbe.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3");
    }
}
