package com.daeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.ui.common.Curves;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurvesTest {

    @Test
    void theSmoothedValueAtAPointDoesNotDependOnHowManyPointsAreDrawn() {
        double[] loss = new double[5000];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < loss.length; i++) loss[i] = Math.exp(-i / 1000.0) + 0.1 * r.nextDouble();
        double[] smooth = Curves.smooth(loss, 0.9);
        for (int max : new int[] {100, 700, 2000}) {
            for (int i : Curves.decimate(loss.length, max)) {
                // drawn points are real, full-resolution smoothed values
                assertThat(smooth[i]).isEqualTo(Curves.smooth(loss, 0.9)[i]);
            }
            assertThat(Curves.decimate(loss.length, max).length).isLessThanOrEqualTo(max);
        }
        int[] few = Curves.decimate(5000, 50);
        assertThat(few[0]).isZero();
        assertThat(few[few.length - 1]).isEqualTo(4999);
    }

    @Test
    void smoothingIsDebiasedAndZeroWeightIsIdentity() {
        double[] flat = {2, 2, 2, 2};
        assertThat(Curves.smooth(flat, 0.95)).containsExactly(2, 2, 2, 2); // no pull towards 0 at the start
        double[] x = {1, 5, 3};
        assertThat(Curves.smooth(x, 0)).containsExactly(1, 5, 3);
        double[] s = Curves.smooth(new double[] {0, 10}, 0.5);
        assertThat(s[1]).isBetween(0.0, 10.0);
    }
}
