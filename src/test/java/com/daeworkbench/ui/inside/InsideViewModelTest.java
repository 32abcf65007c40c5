package com.daeworkbench.ui.inside;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.FeatureMaps;
import com.daeworkbench.core.model.Histogram;
import com.daeworkbench.core.model.Inspection;
import com.daeworkbench.core.model.LayerInspection;
import com.daeworkbench.core.train.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Inside view-model turns inspection events into per-layer histories and asks for inspections only while watched. */
class InsideViewModelTest {

    static TrainingEvent.Started started() {
        return new TrainingEvent.Started(ArchitectureSpec.defaults(ArchitectureSpec.Kind.CONV, 28, 28), 1000, 3, 70, 9000, 1000);
    }

    static TrainingEvent.LayerStats stats(int iteration, double ratio) {
        Histogram h = Histogram.of(new float[] {-1, 0, 1});
        List<LayerInspection> layers = List.of(
                new LayerInspection(1, "layer 1: conv", 288, ratio, 0.1, h, h, h),
                new LayerInspection(3, "layer 3: conv", 9216, ratio / 10, 0.1, h, h, h));
        FeatureMaps maps = new FeatureMaps("layer 1: conv", 2, 2, 2, new float[8]);
        FeatureMaps image = new FeatureMaps("validation image 1", 1, 2, 2, new float[4]);
        return new TrainingEvent.LayerStats(1, iteration, new Inspection(0.3, layers, image, List.of(maps), null));
    }

    @Test
    void layerStatsBecomeOneHistoryPerLayerInIterationOrder() {
        InsideViewModel vm = new InsideViewModel();
        vm.apply(List.of(started(), stats(10, 1e-3), new TrainingEvent.IterationDone(1, 11, 0.3, 100, 0.1, 1000), stats(20, 1e-2)));
        List<LayerHistory> layers = vm.layersProperty().get();
        assertThat(layers).extracting(LayerHistory::name).containsExactly("layer 1: conv", "layer 3: conv");
        assertThat(layers.get(0).samples()).extracting(LayerHistory.Sample::iteration).containsExactly(10, 20);
        assertThat(layers.get(0).latest().log10Ratio()).isCloseTo(-2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(layers.get(1).latest().log10Ratio()).isCloseTo(-3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.featureMapsProperty().get()).singleElement().extracting(FeatureMaps::channels).isEqualTo(2);
        assertThat(vm.probeImageProperty().get().layer()).isEqualTo("validation image 1");
        assertThat(vm.statusProperty().get()).contains("iteration 20").contains("2 layers");
    }

    @Test
    void aNewRunStartsAfreshAndTheHistoryIsCapped() {
        InsideViewModel vm = new InsideViewModel();
        List<TrainingEvent> many = new ArrayList<>();
        many.add(started());
        for (int i = 1; i <= InsideViewModel.HISTORY + 30; i++) many.add(stats(10 * i, 1e-3));
        vm.apply(many);
        List<LayerHistory.Sample> samples = vm.layersProperty().get().get(0).samples();
        assertThat(samples).hasSize(InsideViewModel.HISTORY);
        assertThat(samples.get(0).iteration()).isEqualTo(10 * 31);   // the oldest went first
        vm.apply(List.of(started()));
        assertThat(vm.layersProperty().get()).isEmpty();
        assertThat(vm.featureMapsProperty().get()).isEmpty();
    }

    @Test
    void theTrainerIsAskedForInspectionsOnlyWhileWatched() {
        InsideViewModel vm = new InsideViewModel();
        assertThat(vm.diagnostics().everyIterations()).isZero();
        vm.watch(true);
        assertThat(vm.diagnostics().everyIterations()).isEqualTo(InsideViewModel.DEFAULT_EVERY);
        vm.everyIterationsProperty().set(25);
        assertThat(vm.diagnostics().everyIterations()).isEqualTo(25);
        vm.chosenImageProperty().set(3);
        assertThat(vm.diagnostics().chosenImage()).isEqualTo(3);
        vm.watch(false);
        assertThat(vm.diagnostics().everyIterations()).isZero();
    }

    @Test
    void theVerdictReadsTheRatioAgainstTheHealthyBand() {
        assertThat(InsideViewModel.verdict(-3)).isEqualTo("healthy");
        assertThat(InsideViewModel.verdict(-1)).contains("lower the learning rate");
        assertThat(InsideViewModel.verdict(-6)).contains("barely learning");
        assertThat(InsideViewModel.verdict(Double.NaN)).isEqualTo("no update");
    }
}
