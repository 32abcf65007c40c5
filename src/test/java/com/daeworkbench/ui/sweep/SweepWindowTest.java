package com.daeworkbench.ui.sweep;

import static com.daeworkbench.testing.FxApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.testing.FxApp;
import com.daeworkbench.ui.WorkbenchApp;
import com.daeworkbench.ui.train.TrainViewModel;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The issue's acceptance, in the real window (headless): a sweep of four one-epoch conv runs on digits, its results, the Runs tab. */
class SweepWindowTest {
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

    @Test
    @SuppressWarnings("unchecked")
    void fourOneEpochConvRunsOnDigitsFinishInTheWindowShowTheirResultsAndAppearInTheRunsTab() throws Exception {
        TrainViewModel train = app.trainViewModel();
        await("the digits and the engine", 60, () -> train.settings().loadedDatasetProperty().get() != null && train.engineReadyProperty().get());
        robot.interact(() -> train.settings().kindProperty().set(Kind.CONV));
        robot.interact(() -> robot.lookup("#open-sweep").queryAs(Button.class).fire());
        await("the sweep window", 10, () -> robot.lookup("#sweep-start").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#sweep-values-1").queryAs(TextField.class).setText("1e-3,3e-3");
            robot.lookup("#sweep-values-2").queryAs(TextField.class).setText("8,16");
            robot.lookup("#sweep-start").queryAs(Button.class).fire();
        });
        TableView<SweepViewModel.Row> queue = robot.lookup("#sweep-queue").queryAs(TableView.class);
        assertThat(queue.getItems()).hasSize(4);
        SweepViewModel vm = train.sweep();
        await("four runs", 600, () -> !vm.runningProperty().get());
        assertThat(queue.getItems()).extracting(SweepViewModel.Row::status).containsOnly(SweepViewModel.Status.DONE);

        TableView<SweepViewModel.Row> results = robot.lookup("#sweep-table").queryAs(TableView.class);
        assertThat(results.getItems()).hasSize(4);
        assertThat(results.getColumns()).extracting(c -> c.getText()).containsExactly("#", "lr", "width", "PSNR (dB)", "seconds");
        robot.interact(() -> robot.lookup("#filter-width").queryAs(TextField.class).setText("16"));
        assertThat(results.getItems()).hasSize(2).allSatisfy(r -> assertThat(r.params()).containsEntry("width", "16"));
        robot.interact(() -> results.getSelectionModel().select(0));
        await("the chosen run's reconstructions", 60, () -> vm.detailsProperty().get() != null);
        assertThat(vm.detailsProperty().get().samples()).isNotNull();
        assertThat(vm.heatmapProperty().get().columns()).containsExactly("1e-3", "3e-3");

        robot.interact(() -> ((Stage) queue.getScene().getWindow()).close());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<RunRecord> runs = robot.lookup("#runs-table").queryAs(TableView.class);
        await("the Runs tab to list the sweep's runs", 20, () -> runs.getItems().size() == 4);
        assertThat(runs.getItems()).extracting(RunRecord::sweep).doesNotContainNull().containsOnly(runs.getItems().get(0).sweep());
        assertThat(runs.getItems()).extracting(r -> r.spec().kind()).containsOnly(Kind.CONV);
        assertThat(runs.getItems()).extracting(RunRecord::epochsPlanned).containsOnly(1);
    }
}
