package com.daeworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.InlineTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Train tab tells the learner while a run goes on: fed trainer events directly. */
class TrainingFeedbackTest {
    @TempDir Path dir;
    final List<String> notices = new ArrayList<>();

    TrainViewModel vm() {
        return new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
    }

    static TrainingEvent.Started started() {
        return new TrainingEvent.Started(ArchitectureSpec.defaults(ArchitectureSpec.Kind.CONV, 28, 28), 1000, 3, 70, 9000, 1000);
    }

    static TrainingEvent.IterationDone iteration(int i, double loss) {
        return new TrainingEvent.IterationDone(1, i, loss, 480, i / 210.0, 18_000);
    }

    /** Two rows of 4x4: clean images with structure; reconstructions either as good as them or one flat gray. */
    static TrainingEvent.Samples samples(boolean flat) {
        float[] clean = new float[32], noisy = new float[32], rec = new float[32];
        for (int i = 0; i < 32; i++) {
            clean[i] = (i % 3 == 0) ? 1f : 0f;
            noisy[i] = clean[i] * 0.5f + 0.25f;
            rec[i] = flat ? 0.33f : clean[i];
        }
        return new TrainingEvent.Samples(2, 4, 4, noisy, rec, clean, new double[] {6, 6}, new double[] {9, 9});
    }

    @Test
    void pausingReplacesSpeedAndTimeLeftWithPaused() {
        TrainViewModel vm = vm();
        vm.run().apply(List.of(started(), iteration(1, 0.3), iteration(2, 0.29)));
        assertThat(vm.run().speedProperty().get()).contains("480 samples/s", "18 s left");

        vm.run().apply(List.of(new TrainingEvent.Paused(1, 2)));
        assertThat(vm.run().speedProperty().get()).contains("paused").doesNotContain("samples/s").doesNotContain("left");

        vm.run().apply(List.of(new TrainingEvent.Resumed(1, 2)));
        assertThat(vm.run().speedProperty().get()).doesNotContain("paused");
        vm.run().apply(List.of(iteration(3, 0.28)));
        assertThat(vm.run().speedProperty().get()).contains("samples/s");
    }

    @Test
    void aLossTenTimesTheStartIsAnExplosionWarnedOnce() {
        TrainViewModel vm = vm();
        vm.run().apply(List.of(started(), iteration(1, 0.25), iteration(2, 0.9)));
        assertThat(vm.run().trainingWarningProperty().get()).isEmpty();

        vm.run().apply(List.of(iteration(3, 1600), iteration(4, 1700)));
        assertThat(vm.run().trainingWarningProperty().get()).contains("exploded", "1,600", "learning rate");
        assertThat(notices).hasSize(1);
    }

    @Test
    void aNanLossIsWarned() {
        TrainViewModel vm = vm();
        vm.run().apply(List.of(started(), iteration(1, 0.25), iteration(2, Double.NaN)));
        assertThat(vm.run().trainingWarningProperty().get()).contains("NaN");
    }

    static TrainingEvent.EpochDone epochDone(TrainingEvent.Samples s) {
        return new TrainingEvent.EpochDone(1, 70, 0.2, 0.2, 12, 0.5, s);
    }

    @Test
    void aFlatOutputAtAnEpochsEndIsWarnedAndAHealthyOneIsNot() {
        TrainViewModel healthy = vm();
        healthy.run().apply(List.of(started(), iteration(1, 0.2), epochDone(samples(false))));
        assertThat(healthy.run().trainingWarningProperty().get()).isEmpty();

        TrainViewModel collapsed = vm();
        // in the first batches every network's output is nearly flat: no warning from a preview
        collapsed.run().apply(List.of(started(), iteration(1, 0.2), new TrainingEvent.Preview(1, 10, samples(true))));
        assertThat(collapsed.run().trainingWarningProperty().get()).isEmpty();
        collapsed.run().apply(List.of(epochDone(samples(true))));
        assertThat(collapsed.run().trainingWarningProperty().get()).contains("collapsed to a flat image");
    }

    @Test
    void aFlatRowIsNeverColouredAsBeatingTheMedianFilter() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        SampleGrid grid = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            SampleGrid g = new SampleGrid();
            // the median filter scores 5 dB, the network 9: a win by the numbers
            g.show(samples(true), new double[] {5, 5});
            return g;
        }).get();
        List<javafx.scene.control.Label> scores = grid.lookupAll(".psnr-label").stream().map(javafx.scene.control.Label.class::cast).toList();
        assertThat(scores).hasSize(2).allSatisfy(l -> {
            assertThat(l.getStyleClass()).contains("below-baseline").doesNotContain("beats-baseline");
            assertThat(l.getText()).contains("median 3x3", "flat output");
        });
        SampleGrid good = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            SampleGrid g = new SampleGrid();
            g.show(samples(false), new double[] {5, 5});
            return g;
        }).get();
        assertThat(good.lookupAll(".psnr-label")).allSatisfy(l -> assertThat(l.getStyleClass()).contains("beats-baseline"));
    }
}
