package com.daeworkbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.ui.InlineTaskRunner;
import com.daeworkbench.ui.train.TrainViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's model in the Latent tab: its rows' codes in a scatter, coloured by the label column. */
class TableAnalysisTest {
    @TempDir Path dir;
    final List<String> notices = new ArrayList<>();
    final InlineTaskRunner runner = new InlineTaskRunner();

    private TrainViewModel trainedOnTheBundledTable(int epochs) {
        TrainViewModel train = new TrainViewModel(runner, new RunStore(dir.resolve("runs")), notices::add);
        train.start();
        train.loadDataset(DatasetSource.BUNDLED_TABLE);
        train.settings().epochsProperty().set(epochs);
        train.train();
        return train;
    }

    /** The analysis tabs' view-model on the model of that run, with the Train tab's data. */
    private AnalysisViewModel analysisOf(TrainViewModel train) {
        AnalysisViewModel vm = new AnalysisViewModel(runner, notices::add, train::lastModelFile,
                () -> train.settings().loadedDatasetProperty().get());
        vm.useLastTrainedModel();
        return vm;
    }

    @Test
    void theLatentScatterOfATableShowsEveryRowColouredByItsLabel() {
        TrainViewModel train = trainedOnTheBundledTable(2);
        AnalysisViewModel vm = analysisOf(train);
        vm.runLatent();
        assertThat(notices).isEmpty();
        var p = vm.projectionProperty().get();
        int rows = train.settings().loadedDatasetProperty().get().train().count() + train.settings().loadedDatasetProperty().get().test().count();
        assertThat(p.x()).hasSize(rows);
        assertThat(Arrays.stream(p.labels()).distinct().count()).as("benign and malignant").isEqualTo(2);
        for (float v : p.x()) assertThat(Float.isFinite(v)).isTrue();
        assertThat(List.of(vm.labelName(0), vm.labelName(1))).as("the legend in the file's words").containsExactlyInAnyOrder("benign", "malignant");
    }

    @Test
    void theAnomaliesTabScoresEveryRowAndTheRarerLabelRanksAboveTheOthers() {
        TrainViewModel train = trainedOnTheBundledTable(10);
        AnalysisViewModel vm = analysisOf(train);
        vm.runAnomalies();
        assertThat(notices).isEmpty();
        var r = vm.reportProperty().get();
        // 212 malignant rows (the rarer diagnosis) against 357 benign, as in the UCI table
        assertThat(r.testScores()).hasSize(212);
        assertThat(r.normalScores()).hasSize(357);
        assertThat(vm.anomalySetsProperty().get()[1].count()).isEqualTo(212);
        // unsupervised, the malignant rows are the harder ones to rebuild (the CLI's odd-rows reports 0.76)
        assertThat(r.auc()).isGreaterThan(0.6);
        assertThat(vm.tableModelProperty().get()).as("the tab shows row controls, not image ones").isTrue();
        OddRowList rows = vm.oddRowsProperty().get();
        assertThat(rows.oddLabel()).isEqualTo("malignant");
        assertThat(rows.normalLabel()).isEqualTo("benign");
        assertThat(rows.most()).hasSize(12);
        assertThat(rows.most()).extracting(OddRowList.OddRow::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rows.least().get(0).score()).isLessThan(rows.most().get(rows.most().size() - 1).score());
        var columns = train.settings().loadedDatasetProperty().get().table().columns().stream().map(c -> c.name()).toList();
        for (OddRowList.OddRow row : rows.most()) {
            assertThat(columns).as("the most-off column is one of the table's").contains(row.column());
            assertThat(row.columnError()).as("the most-off cell is at least as far off as the row's average").isGreaterThanOrEqualTo(row.score());
            assertThat(row.odd()).isEqualTo(row.label().equals("malignant"));
        }
        assertThat(rows.most().stream().filter(OddRowList.OddRow::odd).count()).as("the worst rebuilt are mostly malignant")
                .isGreaterThan(rows.most().size() / 2);
    }
}
