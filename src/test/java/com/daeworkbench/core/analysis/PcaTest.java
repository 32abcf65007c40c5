package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsAlongALineHaveOneDominantComponentAlongIt() throws Exception {
        int n = 200, d = 50;
        SplittableRandom r = new SplittableRandom(1);
        double[] direction = new double[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            direction[j] = r.nextGaussian();
            norm += direction[j] * direction[j];
        }
        norm = Math.sqrt(norm);
        float[] rows = new float[n * d];
        for (int i = 0; i < n; i++) {
            double t = r.nextGaussian() * 3;
            for (int j = 0; j < d; j++) rows[i * d + j] = (float) (5 + t * direction[j] / norm + r.nextGaussian() * 0.01);
        }
        Pca pca = Pca.fit(rows, n, d, 3, 7);
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(0.99);
        assertThat(pca.variances()[1]).isLessThan(pca.variances()[0] * 0.01);
        double dot = 0;
        double[] c = pca.component(0);
        for (int j = 0; j < d; j++) dot += c[j] * direction[j] / norm;
        assertThat(Math.abs(dot)).isCloseTo(1.0, within(1e-4));
        // components are orthonormal
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += pca.component(a)[j] * pca.component(b)[j];
                assertThat(s).isCloseTo(a == b ? 1 : 0, within(1e-6));
            }
        }
    }

    @Test
    void aRotatedGaussianGivesBackItsAxesUpToSign() throws Exception {
        int n = 4000;
        double angle = Math.toRadians(30);
        double[] major = {Math.cos(angle), Math.sin(angle)};
        double[] minor = {-Math.sin(angle), Math.cos(angle)};
        SplittableRandom r = new SplittableRandom(2);
        float[] rows = new float[n * 2];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian() * 3, b = r.nextGaussian() * 1;
            rows[2 * i] = (float) (1 + a * major[0] + b * minor[0]);
            rows[2 * i + 1] = (float) (-2 + a * major[1] + b * minor[1]);
        }
        Pca pca = Pca.fit(rows, n, 2, 2, 11);
        assertThat(Math.abs(pca.component(0)[0] * major[0] + pca.component(0)[1] * major[1])).isCloseTo(1, within(1e-3));
        assertThat(Math.abs(pca.component(1)[0] * minor[0] + pca.component(1)[1] * minor[1])).isCloseTo(1, within(1e-3));
        assertThat(pca.variances()[0]).isCloseTo(9, within(0.6));
        assertThat(pca.variances()[1]).isCloseTo(1, within(0.1));
        assertThat(pca.mean()[0]).isCloseTo(1, within(0.15));
        // projections: centred, uncorrelated, with the component variances
        float[] p = pca.project(rows, n);
        double sx = 0, sy = 0, sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sx += p[2 * i];
            sy += p[2 * i + 1];
            sxy += p[2 * i] * p[2 * i + 1];
            sxx += p[2 * i] * p[2 * i];
        }
        assertThat(sx / n).isCloseTo(0, within(1e-3));
        assertThat(sy / n).isCloseTo(0, within(1e-3));
        assertThat(sxy / n).isCloseTo(0, within(1e-2));
        assertThat(sxx / (n - 1)).isCloseTo(pca.variances()[0], within(1e-3));
    }

    @Test
    void theSameSeedGivesTheSameComponents() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        float[] rows = new float[100 * 20];
        for (int i = 0; i < rows.length; i++) rows[i] = (float) r.nextGaussian();
        assertThat(Pca.fit(rows, 100, 20, 2, 5).component(1)).containsExactly(Pca.fit(rows, 100, 20, 2, 5).component(1));
    }

    @Test
    void anInterruptedThreadStopsTheFit() {
        float[] rows = new float[100 * 20];
        new SplittableRandom(4).doubles(rows.length).forEach(v -> { });
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pca.fit(rows, 100, 20, 2, 5))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
