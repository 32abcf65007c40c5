package com.daeworkbench.ui.analysis;

import com.daeworkbench.ui.common.ChartExport;
import static com.daeworkbench.testing.FxApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.ui.WorkbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.chart.XYChart;
import javafx.scene.image.ImageView;
import com.daeworkbench.testing.FxApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: each analysis tab, on a trained tiny model, fills its charts. */
class AnalysisTabsTest {
    @TempDir static Path home;
    static WorkbenchApp app;
    static Path model;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        model = TinyModels.conv(home.resolve("tiny.dae"));
        app = FxApp.launch(home.resolve("home"));
    }

    @AfterAll
    static void close() throws Exception {
        FxApp.close(app);
    }


    static int points(XYChart<?, ?> chart) {
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
    }

    @Test
    void eachAnalysisTabFillsItsChartsAndExports() throws Exception {
        AnalysisViewModel vm = app.analysisViewModel();
        robot.interact(() -> vm.useModelFile(model));
        await("the model", 60, vm::hasModel);

        robot.clickOn("#anomalies-tab");
        robot.clickOn("#run-anomalies");
        AnomaliesView anomalies = robot.lookup("#anomalies-view").queryAs(AnomaliesView.class);
        await("the ROC curve", 120, () -> points(anomalies.roc) > 10);
        assertThat(points(anomalies.histogram)).isGreaterThan(10);
        assertThat(anomalies.roc.getData().get(0).getName()).contains("AUC");
        Path png = home.resolve("roc.png");
        robot.interact(() -> {
            try {
                ChartExport.png(anomalies.roc, png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);

        robot.clickOn("#latent-tab");
        robot.clickOn("#run-latent");
        LatentView latent = robot.lookup("#latent-view").queryAs(LatentView.class);
        await("the scatter", 120, () -> points(latent.scatter) == AnalysisViewModel.MAX_IMAGES);
        assertThat(latent.scatter.getData()).hasSize(10);   // one series per digit

        robot.clickOn("#dream-tab");
        robot.clickOn("#run-dream");
        DreamView dream = robot.lookup("#dream-view").queryAs(DreamView.class);
        await("the chain", 120, () -> dream.frame.getChildren().size() == 8);
        robot.interact(() -> dream.step.setValue(dream.step.getMax()));
        assertThat(((ImageView) dream.frame.getChildren().get(0)).getImage()).isNotNull();
        assertThat(Files.exists(png)).isTrue();
    }
}
