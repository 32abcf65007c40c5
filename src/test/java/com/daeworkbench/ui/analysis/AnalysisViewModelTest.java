package com.daeworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.analysis.AnomalyReport;
import com.daeworkbench.core.analysis.Roc;
import com.daeworkbench.core.analysis.Score;
import com.daeworkbench.core.data.BundledDigits;
import com.daeworkbench.ui.InlineTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis view-model on the inline runner, on a small conv model trained on the digits. */
class AnalysisViewModelTest {
    @TempDir static Path tmp;
    static Path model;
    final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        model = TinyModels.conv(tmp.resolve("tiny-conv.dae"));
    }

    AnalysisViewModel vm() throws Exception {
        AnalysisViewModel vm = new AnalysisViewModel(new InlineTaskRunner(), notes::add, () -> model, () -> null);
        vm.useLastTrainedModel();
        assertThat(vm.hasModel()).isTrue();
        return vm;
    }

    @Test
    void anomaliesGetAnAucHistogramsAndAThresholdThatTradesPrecisionForRecall() throws Exception {
        AnalysisViewModel vm = vm();
        vm.secondSetProperty().set(AnalysisViewModel.BLOTCH);
        vm.scoreProperty().set(Score.MSE);
        vm.runAnomalies();
        AnomalyReport r = vm.reportProperty().get();
        assertThat(notes).isEmpty();
        assertThat(r.auc()).as("the AUC shown is the core's, from the two score sets").isEqualTo(Roc.auc(r.normalScores(), r.testScores()));
        assertThat(r.auc()).as("even a barely trained model scores blotched digits higher than clean ones").isGreaterThan(0.5);
        assertThat(Arrays.stream(r.histogram().normal()).sum()).isEqualTo(AnalysisViewModel.MAX_IMAGES);
        assertThat(vm.confusionProperty().get().recall()).isGreaterThanOrEqualTo(0.95);
        Roc.Confusion loose = vm.confusionProperty().get();
        vm.thresholdProperty().set(r.thresholdAt95Recall() * 2);
        Roc.Confusion strict = vm.confusionProperty().get();
        assertThat(strict.recall()).isLessThan(loose.recall());
        assertThat(strict.truePositives() + strict.falsePositives()).isLessThan(loose.truePositives() + loose.falsePositives());
    }

    @Test
    void theLatentScatterHasOnePointPerTestImageWithItsLabel() throws Exception {
        AnalysisViewModel vm = vm();
        vm.runLatent();
        var p = vm.projectionProperty().get();
        assertThat(p.x()).hasSize(AnalysisViewModel.MAX_IMAGES);
        assertThat(p.method()).isEqualTo("pca");
        assertThat(p.labels()[0]).isEqualTo(BundledDigits.load().test().label(0));
    }

    @Test
    void pretrainingComparesTheEncoderWithPixelsAndARandomEncoder() throws Exception {
        AnalysisViewModel vm = vm();
        vm.runPretrain();
        var rows = vm.pretrainProperty().get().rows();
        assertThat(rows).extracting(r -> r.labels()).containsExactly(100, 1000);
        for (var row : rows) assertThat(row.encoderAccuracy()).isBetween(0.1, 1.0);
    }

    @Test
    void theDreamChainHasTheStepsAskedFor() throws Exception {
        AnalysisViewModel vm = vm();
        vm.dreamStepsProperty().set(7);
        vm.runDream(true);
        assertThat(vm.chainProperty().get().steps()).isEqualTo(7);
        assertThat(vm.chainProperty().get().count()).isEqualTo(8);
    }

    @Test
    void theBottleneckSweepAddsOnePointPerSizeAndMoreBytesBuyMorePsnr() throws Exception {
        var digits = BundledDigits.load();
        List<com.daeworkbench.core.runs.RunRecord> kept = new ArrayList<>();
        AnalysisViewModel vm = new AnalysisViewModel(new InlineTaskRunner(), notes::add, () -> null, () -> digits, kept::add);
        vm.runSweep(new int[] {2, 32}, 1, 1000);
        assertThat(kept).as("each point kept as a run").extracting(r -> r.spec().bottleneck()).containsExactly(2, 32);
        assertThat(kept.get(1).finalPsnr()).isEqualTo(vm.sweepPoints().get(1).psnr());
        assertThat(notes).isEmpty();
        assertThat(vm.sweepPoints()).extracting(p -> p.bottleneck()).containsExactly(2, 32);
        assertThat(vm.sweepPoints().get(1).psnr()).isGreaterThan(vm.sweepPoints().get(0).psnr());
        assertThat(vm.sweepProperty().get().jpegCurve()).isNotEmpty();
    }

    @Test
    void withoutAModelTheUserIsToldWhatToDo() {
        AnalysisViewModel vm = new AnalysisViewModel(new InlineTaskRunner(), notes::add, () -> null, () -> null);
        vm.runAnomalies();
        assertThat(notes).singleElement().asString().contains("train one");
    }
}
