package com.daeworkbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.ui.common.Curves;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curves the runs overlay draws. */
class RunsViewModelTest {

    static RunRecord run(int iterations, int perEpoch) {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < iterations; i++) losses.add(1.0 / (1 + i) + (i % 2 == 0 ? 0.05 : -0.05));
        List<RunRecord.EpochPoint> epochs = new ArrayList<>();
        for (int e = 1; e * perEpoch <= iterations; e++) {
            epochs.add(new RunRecord.EpochPoint(e, e * perEpoch, losses.get(e * perEpoch - 1), 0.5 / e, 10 + e, 0.1 * e));
        }
        return new RunRecord("r", "run", "2026-12-01T00:00:00Z", "digits", "gaussian:0.5",
                ArchitectureSpec.defaults(ArchitectureSpec.Kind.DENSE, 28, 28), 3, RunRecord.Status.COMPLETED, "", losses, epochs);
    }

    @Test
    void validationCurvesHaveOnePointPerEpoch() {
        RunRecord r = run(30, 10);
        assertThat(RunsViewModel.curve(r, RunsViewModel.Metric.VALIDATION_PSNR)).extracting(p -> p[0] + ":" + p[1])
                .containsExactly("1.0:11.0", "2.0:12.0", "3.0:13.0");
        assertThat(RunsViewModel.curve(r, RunsViewModel.Metric.VALIDATION_LOSS)).extracting(p -> p[1])
                .containsExactly(0.5, 0.25, 0.5 / 3);
    }

    @Test
    void trainingLossIsSmoothedAtFullResolutionAndPlacedInFractionalEpochs() {
        // two runs with different batch sizes: 10 and 40 iterations per epoch end their epochs at the same x
        List<double[]> small = RunsViewModel.curve(run(30, 10), RunsViewModel.Metric.TRAIN_LOSS);
        List<double[]> large = RunsViewModel.curve(run(120, 40), RunsViewModel.Metric.TRAIN_LOSS);
        assertThat(small.get(small.size() - 1)[0]).isEqualTo(3.0);
        assertThat(large.get(large.size() - 1)[0]).isEqualTo(3.0);
        RunRecord longRun = run(4000, 1000);
        List<double[]> thinned = RunsViewModel.curve(longRun, RunsViewModel.Metric.TRAIN_LOSS);
        assertThat(thinned).hasSizeLessThanOrEqualTo(RunsViewModel.CURVE_POINTS);
        double[] full = Curves.smooth(longRun.iterationLoss().stream().mapToDouble(Double::doubleValue).toArray(),
                RunsViewModel.TRAIN_SMOOTHING);
        double[] last = thinned.get(thinned.size() - 1);
        assertThat(last[1]).isCloseTo(full[full.length - 1], within(1e-12));   // thinning keeps real smoothed points
    }
}
