package com.daeworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.testing.TinyDigits;
import com.daeworkbench.ui.InlineTaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training view-model on the inline runner: every background step happens at once, in order. */
class TrainViewModelTest {
    @TempDir Path dir;
    final List<String> notices = new ArrayList<>();

    /** A small dense network set to train 2 epochs of 6 batches on tiny digits (not started). */
    TrainViewModel readyOnTinyDigits() throws IOException {
        Path data = TinyDigits.idxFolder(dir.resolve("tiny"), 192, 32);
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start();
        vm.loadDataset(data.toString());
        vm.settings().kindProperty().set(Kind.DENSE);
        vm.settings().widthProperty().set(64);
        vm.settings().bottleneckProperty().set(16);
        vm.settings().batchSizeProperty().set(32);
        vm.settings().epochsProperty().set(2);
        vm.settings().noiseTypeProperty().set("masking");
        vm.settings().noiseLevelProperty().set(0.3);
        return vm;
    }

    TrainViewModel trainedOnTinyDigits() throws IOException {
        TrainViewModel vm = readyOnTinyDigits();
        vm.train();
        return vm;
    }

    @Test
    void listenersOnTheEpochSamplesHearEveryEpochEvenAfterACollection() throws IOException {
        TrainViewModel vm = readyOnTinyDigits();
        List<Integer> sizes = new ArrayList<>();
        // the epoch slider listens like this, holding no reference to the list itself
        vm.run().epochSamples().addListener((javafx.collections.ListChangeListener<com.daeworkbench.core.train.TrainingEvent.Samples>) c ->
                sizes.add(c.getList().size()));
        for (int i = 0; i < 3; i++) System.gc();
        vm.train();
        assertThat(sizes).contains(1, 2);
    }

    @Test
    void aLastSessionsFolderThatIsGoneFallsBackToTheBundledDigits() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.settings().datasetProperty().set(dir.resolve("deleted-since").toString());   // as restored from settings.json
        vm.start();
        assertThat(vm.settings().loadedDatasetProperty().get()).isNotNull();
        assertThat(vm.settings().loadedDatasetProperty().get().train().count() + vm.settings().loadedDatasetProperty().get().test().count()).isEqualTo(10_000);
        assertThat(vm.settings().datasetProperty().get()).isEqualTo("digits");
        assertThat(notices).singleElement().asString().contains("deleted-since").contains("Using the bundled digits");
    }

    @Test
    void aFolderThatFailsLaterKeepsTheDataAlreadyLoaded() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start();
        com.daeworkbench.core.data.Dataset digits = vm.settings().loadedDatasetProperty().get();
        vm.loadDataset(dir.resolve("nothing-here").toString());
        assertThat(vm.settings().datasetProperty().get()).isEqualTo("digits");
        assertThat(vm.settings().loadedDatasetProperty().get()).isSameAs(digits);
        assertThat(notices).singleElement().asString().contains("nothing-here").doesNotContain("Using the bundled");
    }

    @Test
    void theLiveCurvesExportInTheRunsTabsFormatARowPerIterationThenPerEpoch() throws IOException {
        TrainViewModel vm = trainedOnTinyDigits();   // 2 epochs x 6 batches
        List<String> rows = vm.run().curveRows();
        assertThat(rows).hasSize(12 + 2);
        assertThat(com.daeworkbench.core.runs.CurvesCsv.HEADER.split(",")).hasSize(7);
        assertThat(rows.get(0)).startsWith("iteration,1,1,").endsWith(",,,");
        assertThat(rows.get(6)).startsWith("iteration,7,2,");
        assertThat(Double.parseDouble(rows.get(11).split(",")[3])).isEqualTo(vm.run().iterationLoss().get(11), org.assertj.core.data.Offset.offset(1e-5));
        String[] end = rows.get(12).split(",", -1);
        assertThat(end[0]).isEqualTo("epoch");
        assertThat(end[1]).isEqualTo("6");
        assertThat(end[2]).isEqualTo("1");
        assertThat(Double.parseDouble(end[4])).isEqualTo(vm.run().epochPoints().get(0).validationLoss(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Double.parseDouble(end[5])).isEqualTo(vm.run().epochPoints().get(0).validationPsnr(), org.assertj.core.data.Offset.offset(1e-4));
        // the same text the Runs tab writes for the saved run
        RunRecord saved = new RunStore(dir.resolve("runs")).list(new ArrayList<>()).get(0);
        assertThat(com.daeworkbench.core.runs.CurvesCsv.of(saved)).isEqualTo(
                com.daeworkbench.core.runs.CurvesCsv.HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void resetWithTheSameSeedReplaysTheRunAndANewSeedDoesNot() throws IOException {
        TrainViewModel vm = trainedOnTinyDigits();
        List<Double> first = List.copyOf(vm.run().iterationLoss());
        vm.reset();
        assertThat(vm.run().iterationLoss()).isEmpty();
        vm.train();
        assertThat(vm.run().iterationLoss()).containsExactlyElementsOf(first);   // same initial weights, order and noise
        int seed = vm.settings().seedProperty().get();
        vm.settings().newSeed();
        assertThat(vm.settings().seedProperty().get()).isNotEqualTo(seed);
        vm.reset();
        vm.train();
        assertThat(vm.run().iterationLoss().get(0)).isNotEqualTo(first.get(0));
    }

    @Test
    void theLayerDiagramFollowsTheArchitectureAndMarksTheCode() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.settings().kindProperty().set(Kind.DENSE);
        assertThat(vm.settings().layerShapesProperty().get()).extracting(Object::toString).containsExactly("784", "256", "64", "256", "784");
        assertThat(vm.settings().codeShapeIndexProperty().get()).isEqualTo(2);
        vm.settings().bottleneckProperty().set(8);
        assertThat(vm.settings().layerShapesProperty().get().get(2).values()).isEqualTo(8);
        vm.settings().kindProperty().set(Kind.RESIDUAL);
        assertThat(vm.settings().codeShapeIndexProperty().get()).isEqualTo(-1);   // no bottleneck to mark
        assertThat(vm.settings().layerShapesProperty().get()).hasSize(9);
    }

    @Test
    void aRunFillsTheCurvesTheGridAndTheRunStore() throws IOException {
        TrainViewModel vm = trainedOnTinyDigits();
        assertThat(notices).isEmpty();
        assertThat(vm.run().runningProperty().get()).isFalse();
        assertThat(vm.run().iterationLoss()).hasSize(2 * 6);
        assertThat(vm.run().epochPoints()).extracting(RunRecord.EpochPoint::epoch).containsExactly(1, 2);
        assertThat(vm.run().epochSamples()).hasSize(2);
        assertThat(vm.run().liveSamplesProperty().get().count()).isEqualTo(TrainingRun.PREVIEW_ROWS);
        List<RunRecord> runs = new RunStore(dir.resolve("runs")).list(new ArrayList<>());
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunRecord.Status.COMPLETED);
            assertThat(r.corruption()).isEqualTo("masking:0.3");
            assertThat(r.iterationLoss()).hasSize(12);
        });
    }

    @Test
    void anInterruptedRunResumesFromItsLastEpochAndFinishesInTheSameRun() throws Exception {
        TrainViewModel first = trainedOnTinyDigits();   // 2 epochs done
        RunStore store = new RunStore(dir.resolve("runs"));
        RunRecord done = store.list(new ArrayList<>()).get(0);
        // as if the app died during epoch 3 of 4: the record says RUNNING, the checkpoint holds epoch 2
        store.save(new RunRecord(done.id(), done.name(), done.createdAt(), done.dataset(), done.corruption(), done.spec(), 4,
                RunRecord.Status.RUNNING, "", done.iterationLoss(), done.epochs()));
        assertThat(store.recoverInterrupted()).isEqualTo(1);
        RunRecord interrupted = store.list(new ArrayList<>()).get(0);
        assertThat(interrupted.status()).isEqualTo(RunRecord.Status.INTERRUPTED);

        TrainViewModel restarted = new TrainViewModel(new InlineTaskRunner(), store, notices::add);
        restarted.start();
        restarted.loadDataset(dir.resolve("tiny").toString());
        restarted.resume(interrupted);

        assertThat(notices).isEmpty();
        assertThat(restarted.run().epochPoints()).extracting(RunRecord.EpochPoint::epoch).containsExactly(1, 2, 3, 4);
        assertThat(restarted.run().iterationLoss()).hasSize(4 * 6);
        assertThat(restarted.settings().epochsProperty().get()).isEqualTo(4);
        RunRecord finished = store.list(new ArrayList<>()).get(0);
        assertThat(finished.id()).isEqualTo(done.id());
        assertThat(finished.status()).isEqualTo(RunRecord.Status.COMPLETED);
        assertThat(finished.epochs()).hasSize(4);
        assertThat(com.daeworkbench.core.io.ModelStore.load(store.modelOf(done.id())).info().epochs()).isEqualTo(4);
        assertThat(first.run().runningProperty().get()).isFalse();
    }

    @Test
    void aSavedModelLoadsBackWithItsSettingsAndReconstructions() throws IOException {
        TrainViewModel vm = trainedOnTinyDigits();
        Path file = dir.resolve("saved model.dae");
        vm.saveModel(file);
        assertThat(file).exists();
        vm.settings().kindProperty().set(Kind.CONV);
        vm.settings().noiseTypeProperty().set("gaussian");
        vm.reset();
        assertThat(vm.run().liveSamplesProperty().get()).isNull();
        vm.loadModel(file);
        assertThat(notices).isEmpty();
        assertThat(vm.settings().kindProperty().get()).isEqualTo(Kind.DENSE);
        assertThat(vm.settings().widthProperty().get()).isEqualTo(64);
        assertThat(vm.settings().noiseTypeProperty().get()).isEqualTo("masking");
        assertThat(vm.run().liveSamplesProperty().get()).isNotNull();
        assertThat(vm.run().statusProperty().get()).contains("saved model.dae").contains("2 epochs");
    }

    @Test
    void combinedNoiseLossAndWeightDecayTrainAsSetAndComeBackWithTheModel() throws IOException {
        TrainViewModel vm = readyOnTinyDigits();
        vm.settings().secondNoiseTypeProperty().set("gaussian");
        vm.settings().secondNoiseLevelProperty().set(0.2);
        vm.settings().lossProperty().set(com.daeworkbench.core.model.ArchitectureSpec.Loss.MSE);
        vm.settings().weightDecayProperty().set(1e-4);
        assertThat(vm.settings().corruption().spec()).isEqualTo("masking:0.3+gaussian:0.2");
        vm.train();
        assertThat(notices).isEmpty();
        RunRecord run = vm.run().savedRunProperty().get();
        assertThat(run.corruption()).isEqualTo("masking:0.3+gaussian:0.2");
        assertThat(run.spec().loss()).isEqualTo(com.daeworkbench.core.model.ArchitectureSpec.Loss.MSE);
        assertThat(run.spec().weightDecay()).isEqualTo(1e-4);
        Path file = dir.resolve("combined.dae");
        vm.saveModel(file);
        vm.settings().secondNoiseTypeProperty().set(TrainSettings.NO_NOISE);
        vm.settings().kindProperty().set(Kind.CONV);   // resets the loss to the conv default, cross-entropy
        vm.settings().weightDecayProperty().set(0);
        vm.loadModel(file);
        assertThat(vm.settings().secondNoiseTypeProperty().get()).isEqualTo("gaussian");
        assertThat(vm.settings().secondNoiseLevelProperty().get()).isEqualTo(0.2);
        assertThat(vm.settings().lossProperty().get()).isEqualTo(com.daeworkbench.core.model.ArchitectureSpec.Loss.MSE);
        assertThat(vm.settings().weightDecayProperty().get()).isEqualTo(1e-4);
    }

    @Test
    void theLearningRateTestSuggestsARateTheControlsCanTake() throws IOException {
        TrainViewModel vm = readyOnTinyDigits();
        List<Object> heard = new ArrayList<>();
        vm.learningRateTestProperty().addListener((o, a, r) -> { if (r != null) heard.add(r); });
        vm.findLearningRate();
        assertThat(notices).isEmpty();
        assertThat(vm.findingRateProperty().get()).isFalse();
        var result = vm.learningRateTestProperty().get();
        assertThat(result.points()).isNotEmpty();
        assertThat(result.suggestion()).isPositive();
        vm.useSuggestedLearningRate();
        assertThat(vm.settings().learningRateLogProperty().get()).isCloseTo(Math.max(-5, Math.min(-1, Math.log10(result.suggestion()))),
                org.assertj.core.data.Offset.offset(1e-9));
        vm.findLearningRate();   // the same settings, the same result: the view hears it again
        assertThat(heard).hasSize(2);
    }

    @Test
    void theLastTrainedModelIncludesRunsOfEarlierSessions() throws Exception {
        TrainViewModel earlier = trainedOnTinyDigits();
        java.nio.file.Path model = earlier.lastModelFile();
        assertThat(model).exists();
        // a newer record without a model (a bottleneck-sweep point) is passed over
        RunStore store = new RunStore(dir.resolve("runs"));
        java.nio.file.Files.createDirectories(store.folderOf("99991231-235959-999"));
        TrainViewModel nextSession = new TrainViewModel(new InlineTaskRunner(), store, notices::add);
        assertThat(nextSession.run().runId()).isNull();
        assertThat(nextSession.lastModelFile()).isEqualTo(model);
    }

    @Test
    void aResidualNetworkTakesTheDilationAndItsLayerListSaysSo() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        TrainSettings s = vm.settings();
        s.kindProperty().set(Kind.RESIDUAL);
        s.layersProperty().set(8);
        s.dilationProperty().set(3);
        assertThat(s.spec().dilation()).isEqualTo(3);
        assertThat(s.layerDiagramProperty().get()).contains("dilated 3");
        s.kindProperty().set(Kind.CONV);
        assertThat(s.spec().dilation()).as("a new kind starts from its defaults; only residual networks dilate").isEqualTo(1);
        assertThat(s.specErrorProperty().get()).isEmpty();
    }

    @Test
    void saveBeforeAnyRunExplainsWhyNothingHappened() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.saveModel(dir.resolve("x.dae"));
        assertThat(notices).singleElement().asString().contains("train for at least one epoch");
        assertThat(dir.resolve("x.dae")).doesNotExist();
    }

    @Test
    void theBundledTableTrainsADenseNetworkWithTableNoiseAndShowsRowsOfNumbers() throws Exception {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start();
        vm.loadDataset(com.daeworkbench.core.data.DatasetSource.BUNDLED_TABLE);
        TrainSettings s = vm.settings();
        assertThat(s.isTable()).isTrue();
        assertThat(s.noiseTypes()).containsExactlyElementsOf(TrainSettings.TABLE_NOISE_TYPES);
        // the table's recipe, as the CLI's train: dense, swap noise, MSE
        assertThat(s.kindProperty().get()).isEqualTo(Kind.DENSE);
        assertThat(s.noiseTypeProperty().get()).isEqualTo("swap");
        assertThat(s.corruption().spec()).isEqualTo("swap:0.2");
        assertThat(s.lossProperty().get()).isEqualTo(com.daeworkbench.core.model.ArchitectureSpec.Loss.MSE);

        s.kindProperty().set(Kind.CONV);
        assertThat(s.specErrorProperty().get()).contains("dense network");
        s.kindProperty().set(Kind.DENSE);
        s.epochsProperty().set(3);
        vm.train();

        assertThat(notices).isEmpty();
        assertThat(vm.run().epochPoints()).hasSize(3);
        assertThat(vm.run().epochPoints().get(2).validationRmse()).isFinite();
        // lower than guessing every column's mean (about 1 in standardised units)
        assertThat(vm.run().setRmseProperty().get()).isLessThan(0.9);
        {
            var samples = vm.run().liveSamplesProperty().get();
            assertThat(samples.height()).isEqualTo(1);
            assertThat(samples.width()).isEqualTo(s.loadedDatasetProperty().get().table().features());
        }
        // its model file carries the table's schema: it loads back as a table model
        var saved = com.daeworkbench.core.io.ModelStore.load(vm.lastModelFile());
        assertThat(com.daeworkbench.core.table.TableModel.of(saved)).isNotNull();
        saved.model().close();

        // Fill gaps: the same lines and cells, only the empty feature cells filled
        java.nio.file.Path gaps = dir.resolve("gaps.csv");
        java.nio.file.Files.copy(java.nio.file.Path.of("assets/tables/breast-cancer-wisconsin-30-rows-with-gaps.csv"), gaps);
        java.nio.file.Path filled = dir.resolve("gaps-filled.csv");
        vm.fillGaps(gaps, filled);
        assertThat(notices).isEmpty();
        assertThat(vm.run().statusProperty().get()).startsWith("Wrote gaps-filled.csv: 30 rows,");
        List<String> before = java.nio.file.Files.readAllLines(gaps), after = java.nio.file.Files.readAllLines(filled);
        assertThat(after).hasSameSizeAs(before);
        int emptyBefore = 0;
        for (int line = 0; line < before.size(); line++) {
            String[] a = before.get(line).split(",", -1), b = after.get(line).split(",", -1);
            assertThat(b).hasSameSizeAs(a);
            for (int c = 0; c < a.length - 1; c++) {   // the last column is the label: not a feature, not filled
                if (a[c].isEmpty()) {
                    emptyBefore++;
                    assertThat(b[c]).as("line %d column %d filled", line + 1, c + 1).isNotEmpty();
                } else {
                    assertThat(b[c]).as("line %d column %d kept", line + 1, c + 1).isEqualTo(a[c]);
                }
            }
        }
        assertThat(emptyBefore).isPositive();
        // a file of other columns: one notice naming it, nothing written
        java.nio.file.Path other = dir.resolve("other.csv");
        java.nio.file.Files.writeString(other, "a,b\n1,2\n3,\n");
        vm.fillGaps(other, dir.resolve("other-filled.csv"));
        assertThat(notices).singleElement().asString().contains("other.csv");
        assertThat(dir.resolve("other-filled.csv")).doesNotExist();
        notices.clear();

        vm.loadDataset("digits");
        assertThat(s.noiseTypes()).containsExactlyElementsOf(TrainSettings.NOISE_TYPES);
        assertThat(s.noiseTypeProperty().get()).isEqualTo("gaussian");
    }
}
