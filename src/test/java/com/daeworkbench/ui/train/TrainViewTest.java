package com.daeworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.testing.TinyDigits;
import com.daeworkbench.ui.InlineTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Train tab's view over a view-model on the inline runner (a run happens at once, on the FX thread). */
class TrainViewTest {
    @TempDir Path dir;
    final List<String> notices = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    TrainViewModel vm() {
        TrainViewModel vm = new TrainViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start();
        return vm;
    }

    static final List<javafx.stage.Stage> STAGES = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeStages() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            STAGES.forEach(javafx.stage.Stage::hide);
            STAGES.clear();
        }).get();
    }

    /** On a stage, laid out: split and scroll panes only hold their content once skinned. */
    static TrainView shown(TrainViewModel vm) {
        TrainView view = new TrainView(vm);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        // within Monocle's headless screen (1280x800): a larger stage overflows its frame buffer
        stage.setScene(new javafx.scene.Scene(view, 1280, 760));
        stage.show();
        STAGES.add(stage);
        view.applyCss();
        view.layout();
        return view;
    }

    /** The grid's message instead of rows, or "rows" when it shows rows. */
    static String gridMessage(TrainView view) {
        Node message = view.grid().lookup("#grid-placeholder");
        return message == null ? "rows" : ((Label) message).getText();
    }

    static String text(Node root, String id) {
        return ((Label) root.lookup(id)).getText();
    }

    @Test
    void trainingAgainClearsTheLastRunsScoreAndSaysTheGridIsComing() throws Exception {
        Path data = TinyDigits.idxFolder(dir.resolve("tiny"), 192, 32);
        List<String> seenAtFirstBatch = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            TrainViewModel vm = vm();
            vm.loadDataset(data.toString());
            vm.settings().kindProperty().set(Kind.DENSE);
            vm.settings().widthProperty().set(64);
            vm.settings().bottleneckProperty().set(16);
            vm.settings().batchSizeProperty().set(32);
            vm.settings().epochsProperty().set(1);   // 6 batches: no preview before the epoch ends
            TrainView view = shown(vm);
            vm.train();
            assertThat(text(view, "#set-score")).as("after the first run").contains("validation set: network");
            assertThat(gridMessage(view)).as("the first run's rows are shown").isEqualTo("rows");
            // the second run, seen at its first batch
            vm.run().progressProperty().addListener((o, a, p) -> {
                if (seenAtFirstBatch.isEmpty() && p.doubleValue() > 0) {   // not the reset to 0 at the start
                    seenAtFirstBatch.add(text(view, "#set-score"));
                    seenAtFirstBatch.add(gridMessage(view));
                }
            });
            vm.train();
            return null;
        }).get();
        assertThat(seenAtFirstBatch.get(0)).as("no score of the last run").isEmpty();
        assertThat(seenAtFirstBatch.get(1)).as("the grid during the new run's first batches").startsWith("Training:").doesNotContain("Press Train");
        assertThat(notices).isEmpty();
    }

    @Test
    void theLearningRateFieldTakesAnExactRateAndRefusesNonsense() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TrainViewModel vm = vm();
            TrainView view = shown(vm);
            javafx.scene.control.TextField field = (javafx.scene.control.TextField) view.lookup("#learning-rate-field");
            assertThat(field.getText()).isEqualTo("1e-3");
            field.setText("3e-4");
            field.fireEvent(new javafx.event.ActionEvent());
            assertThat(vm.settings().learningRate()).isCloseTo(3e-4, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(field.getText()).isEqualTo("3e-4");
            field.setText("fast");
            field.fireEvent(new javafx.event.ActionEvent());
            assertThat(vm.settings().learningRate()).isCloseTo(3e-4, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(field.getStyleClass()).contains("invalid");
            vm.settings().learningRateLogProperty().set(-2);   // the slider moves: the field follows
            assertThat(field.getText()).isEqualTo("1e-2");
            return null;
        }).get();
        assertThat(notices).singleElement().asString().contains("\"fast\" is not");
    }

    @Test
    void theTrainingSettingsAreInSightWithoutScrolling() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TrainView view = shown(vm());
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) view.lookup(".settings-scroll");
            javafx.geometry.Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            for (String id : List.of("#learning-rate-field", "#epochs-spinner")) {
                javafx.geometry.Bounds b = view.lookup(id).localToScene(view.lookup(id).getLayoutBounds());
                assertThat(b.getMaxY()).as(id + " above the fold").isLessThanOrEqualTo(viewport.getMaxY());
            }
            return null;
        }).get();
    }

    @Test
    void pairedDataDisableTheNoiseSettingsAndSayWhy() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            TrainViewModel vm = vm();
            TrainView view = shown(vm);
            assertThat(view.lookup("#noise-level").isDisabled()).isFalse();
            vm.loadDataset("sample-images/documents");   // train/ + train_cleaned/
            assertThat(vm.settings().noiseFromPairsProperty().get()).isTrue();
            assertThat(view.lookup("#noise-level").isDisabled()).isTrue();
            assertThat(text(view, "#noise-hint")).contains("noisy/clean pairs", "do not apply");
            vm.loadDataset("digits");
            assertThat(view.lookup("#noise-level").isDisabled()).isFalse();
            return null;
        }).get();
        assertThat(notices).isEmpty();
    }

    @Test
    void theClosedDataBoxShowsAShortNameAndAFoldersOwnName() throws Exception {
        Path data = TinyDigits.idxFolder(dir.resolve("deep").resolve("nested").resolve("my-digits"), 64, 16);
        List<String> shown = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            TrainViewModel vm = vm();
            TrainView view = shown(vm);
            @SuppressWarnings("unchecked")
            var pick = (javafx.scene.control.ComboBox<String>) view.lookup("#dataset-pick");
            shown.add(pick.getButtonCell().getText());
            vm.loadDataset(data.toString());
            view.layout();
            shown.add(pick.getButtonCell().getText());
        }).get();
        assertThat(shown).containsExactly("MNIST digits", "my-digits");
    }
}
