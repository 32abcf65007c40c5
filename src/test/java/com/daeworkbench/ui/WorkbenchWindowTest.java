package com.daeworkbench.ui;

import static com.daeworkbench.testing.FxApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.testing.TinyDigits;
import com.daeworkbench.ui.train.LossChart;
import com.daeworkbench.ui.train.TrainViewModel;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import com.daeworkbench.testing.FxApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headlessly (Monocle): preview, training, pause/stop, the runs table. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchWindowTest {
    @TempDir static Path home;
    static WorkbenchApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        app = FxApp.launch(home.resolve("home"));
    }

    @AfterAll
    static void close() throws Exception {
        FxApp.close(app);
    }

    TrainViewModel vm() {
        return app.trainViewModel();
    }


    @Test
    @Order(1)
    void theWindowOpensWithTheBundledDigitsAndAPreviewThatFollowsTheNoiseSlider() throws Exception {
        assertThat(robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && "DAE Workbench".equals(s.getTitle()))).isNotEmpty();
        await("the digits to load", 30, () -> vm().settings().loadedDatasetProperty().get() != null);
        Pane strip = robot.lookup("#noisy-strip").queryAs(Pane.class);
        await("the preview", 10, () -> !strip.getChildren().isEmpty());
        javafx.scene.image.Image before = ((ImageView) strip.getChildren().get(0)).getImage();
        Slider level = robot.lookup("#noise-level").queryAs(Slider.class);
        robot.interact(() -> level.setValue(0.1));
        await("the preview to change", 10, () -> ((ImageView) strip.getChildren().get(0)).getImage() != before);
        javafx.scene.image.Image after = ((ImageView) strip.getChildren().get(0)).getImage();
        assertThat(meanAbsoluteDifference(before, after)).isGreaterThan(0.02);
    }

    @Test
    @Order(2)
    void theArchitectureSlidersDriveTheSettingsAndTheLayerDiagram() throws Exception {
        robot.interact(() -> vm().settings().kindProperty().set(Kind.CONV));
        Pane diagram = robot.lookup("#layer-diagram").queryAs(Pane.class);
        Pane bars = (Pane) diagram.getChildren().get(0);
        assertThat(bars.getChildren()).hasSize(6);   // input, 2 down, code, 1 up, output
        Slider layers = robot.lookup("#layers-slider").queryAs(Slider.class);
        robot.interact(() -> layers.setValue(3));
        assertThat(vm().settings().layersProperty().get()).isEqualTo(3);
        assertThat(bars.getChildren()).hasSize(8);
        Slider width = robot.lookup("#width-slider").queryAs(Slider.class);
        robot.interact(() -> width.setValue(6.2));   // log2 scale: the nearest power of two
        assertThat(vm().settings().widthProperty().get()).isEqualTo(64);
        @SuppressWarnings("unchecked") javafx.scene.control.Spinner<Integer> spinner =
                robot.lookup("#width-spinner").queryAs(javafx.scene.control.Spinner.class);
        assertThat(spinner.getValue()).isEqualTo(64);
        robot.interact(() -> vm().settings().widthProperty().set(48));   // a value typed or loaded stays exact
        assertThat(width.getValue()).isCloseTo(Math.log(48) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm().settings().widthProperty().get()).isEqualTo(48);
        robot.interact(() -> vm().settings().kindProperty().set(Kind.RESIDUAL));
        assertThat(robot.lookup("#bottleneck-slider").queryAs(Slider.class).isDisabled()).isTrue();
        robot.interact(() -> vm().settings().kindProperty().set(Kind.CONV));
        assertThat(vm().settings().layersProperty().get()).isEqualTo(2);   // a new kind brings its defaults back
    }

    @Test
    @Order(3)
    void trainingFillsTheChartAndTheGridAndCanBePausedAndStopped() throws Exception {
        Path tiny = TinyDigits.idxFolder(home.resolve("tiny"), 384, 64);
        robot.interact(() -> {
            vm().loadDataset(tiny.toString());
            vm().settings().kindProperty().set(Kind.DENSE);
            vm().settings().batchSizeProperty().set(16);
            // far more than the test lets it run: on a quiet machine 3 epochs of 384 digits ended
            // before the robot's pause, resume and stop clicks, and the stop found nothing to stop
            vm().settings().epochsProperty().set(200);
        });
        await("the tiny data set", 30, () -> vm().settings().loadedDatasetProperty().get() != null
                && vm().settings().loadedDatasetProperty().get().train().count() == 384);
        await("the engine", 120, () -> vm().engineReadyProperty().get());
        robot.clickOn("#train-button");
        LossChart chart = robot.lookup("#loss-chart").queryAs(LossChart.class);
        await("loss points on the chart", 120, () -> chart.drawnPoints() > 5);
        await("reconstructions in the grid", 120, () -> !robot.lookup("#sample-grid").lookup((Node n) -> n instanceof ImageView).queryAll().isEmpty());
        robot.clickOn("#pause-button");
        await("the pause", 60, () -> vm().run().pausedProperty().get());
        assertThat(robot.lookup("#pause-button").queryAs(Button.class).getText()).isEqualTo("Resume");
        int frozen = vm().run().iterationLoss().size();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().run().iterationLoss()).hasSize(frozen);
        robot.clickOn("#pause-button");
        await("the resume", 30, () -> !vm().run().pausedProperty().get());
        robot.clickOn("#stop-button");
        await("the stop", 60, () -> !vm().run().runningProperty().get());
        assertThat(vm().run().statusProperty().get()).containsIgnoringCase("stopped");
    }

    @Test
    @Order(4)
    void theRunsTableKeepsRunsAndOverlaysTwoSelected() throws Exception {
        robot.interact(() -> vm().settings().epochsProperty().set(1));
        robot.clickOn("#train-button");
        await("the second run to finish", 180, () -> !vm().run().runningProperty().get() && vm().run().epochPoints().size() == 1);
        // every epoch's reconstructions are kept: the slider scrubs back to them
        Slider epochs = robot.lookup("#epoch-slider").queryAs(Slider.class);
        assertThat(epochs.isDisabled()).isFalse();
        assertThat(epochs.getMax()).isEqualTo(1);
        robot.interact(() -> epochs.setValue(1));
        assertThat(robot.lookup("#epoch-label").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("epoch 1");
        robot.interact(() -> epochs.setValue(0));
        robot.clickOn("#runs-tab");
        @SuppressWarnings("unchecked") TableView<RunRecord> table = robot.lookup("#runs-table").queryAs(TableView.class);
        await("two runs in the table", 30, () -> table.getItems().size() >= 2);
        robot.interact(() -> table.getSelectionModel().selectRange(0, 2));
        javafx.scene.chart.LineChart<?, ?> overlay = robot.lookup("#runs-overlay").queryAs(javafx.scene.chart.LineChart.class);
        await("two curves in the overlay", 10, () -> overlay.getData().size() == 2);
        assertThat(table.getItems()).anyMatch(r -> r.status() == RunRecord.Status.COMPLETED && r.epochs().size() == 1);
        assertThat(table.getItems()).anyMatch(r -> r.status() == RunRecord.Status.CANCELLED);
    }

    @Test
    @Order(5)
    void closingTheWindowMidRunAsksFirstAndKeepTrainingKeepsItOpen() throws Exception {
        robot.interact(() -> {
            robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0);
            vm().settings().epochsProperty().set(50);
        });
        robot.clickOn("#train-button");
        await("training", 60, () -> vm().run().runningProperty().get() && !vm().run().iterationLoss().isEmpty());
        Stage window = (Stage) robot.lookup("#tabs").query().getScene().getWindow();
        javafx.application.Platform.runLater(() -> window.fireEvent(
                new javafx.stage.WindowEvent(window, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        await("the question", 10, () -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .anyMatch(b -> WorkbenchApp.KEEP_TRAINING.equals(b.getText())));
        Button keep = robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> WorkbenchApp.KEEP_TRAINING.equals(b.getText())).findFirst().orElseThrow();
        robot.clickOn(keep);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isShowing()).isTrue();
        assertThat(vm().run().runningProperty().get()).isTrue();
        robot.clickOn("#stop-button");
        await("the stop", 60, () -> !vm().run().runningProperty().get());
    }

    @Test
    @Order(6)
    void aLongNoticeWrapsInsideTheWindow() throws Exception {
        String message = "Could not clean notes.png: not an image PNG, JPEG, TIFF, BMP or GIF reader can read;"
                + " drop scanned pages (PNG, JPEG, TIFF, BMP or GIF) or folders of them on the Documents tab.";
        robot.interact(() -> app.notifyUser(message));
        Stage window = (Stage) robot.lookup("#tabs").query().getScene().getWindow();
        await("the notice", 10, () -> robot.lookup(".notice-text").tryQuery().isPresent());
        javafx.scene.control.Label text = robot.lookup(".notice-text").queryAs(javafx.scene.control.Label.class);
        javafx.geometry.Bounds onScreen = text.localToScreen(text.getBoundsInLocal());
        assertThat(text.getText()).isEqualTo(message);
        assertThat(onScreen.getWidth()).isLessThanOrEqualTo(WorkbenchApp.NOTICE_WIDTH + 1);
        assertThat(onScreen.getMaxX()).as("right edge of the notice vs the window's").isLessThanOrEqualTo(window.getX() + window.getWidth());
        assertThat(onScreen.getMinX()).isGreaterThanOrEqualTo(window.getX());
    }

    static double meanAbsoluteDifference(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        double sum = 0;
        int w = (int) a.getWidth(), h = (int) a.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += Math.abs((a.getPixelReader().getArgb(x, y) & 0xff) - (b.getPixelReader().getArgb(x, y) & 0xff)) / 255.0;
            }
        }
        return sum / (w * h);
    }
}
