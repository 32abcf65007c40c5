package com.daeworkbench.ui.analysis;

import com.daeworkbench.ui.common.ChartExport;
import static com.daeworkbench.testing.FxApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.ui.WorkbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
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


    static String status(javafx.scene.Parent view) {
        return ((javafx.scene.control.Label) view.lookup("#analysis-status")).getText();
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
        AnomaliesView anomalies = robot.lookup("#anomalies-view").queryAs(AnomaliesView.class);
        // before Score: a message saying what will appear, not bare 0-110 axes
        assertThat(anomalies.roc.isVisible()).isFalse();
        assertThat(anomalies.lookupAll(".placeholder")).anySatisfy(n ->
                assertThat(((javafx.scene.control.Label) n).getText()).startsWith("Press Score"));
        robot.clickOn("#run-anomalies");
        await("the ROC curve", 120, () -> points(anomalies.roc) > 10);
        assertThat(anomalies.roc.isVisible()).isTrue();
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

        // each analysis tab tells its own status: the AUC stays on Anomalies
        assertThat(status(anomalies)).contains("AUC");
        assertThat(status(latent)).doesNotContain("AUC").contains("images", "code");
        // labels 8 and 9 no longer share 0's and 1's colour and marker (JavaFX's palette cycles after 8)
        robot.interact(() -> { });
        java.util.Set<String> styles = new java.util.HashSet<>();
        for (var series : latent.scatter.getData()) styles.add(series.getData().get(0).getNode().getStyle());
        assertThat(styles).as("one marker per digit").hasSize(10);
        java.util.Set<String> legend = new java.util.HashSet<>();
        for (javafx.scene.Node n : latent.scatter.lookupAll(".chart-legend-item-symbol")) legend.add(n.getStyle());
        assertThat(legend).as("the legend's markers match").isEqualTo(styles);

        robot.clickOn("#dream-tab");
        robot.clickOn("#run-dream");
        DreamView dream = robot.lookup("#dream-view").queryAs(DreamView.class);
        await("the chain", 120, () -> dream.frame.getChildren().size() == 8);
        assertThat(status(dream)).contains("steps").doesNotContain("AUC");
        assertThat(status(latent)).doesNotContain("chain");

        // at the narrowest window, with the longest status, no toolbar button is cut to "C..." or "Ope..."
        Stage window = (Stage) dream.getScene().getWindow();
        robot.interact(() -> window.setWidth(window.getMinWidth()));
        for (javafx.scene.Parent view : List.of(anomalies, latent, dream)) {
            robot.interact(() -> {
                robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                        .select(view == anomalies ? 3 : view == latent ? 4 : 5);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (javafx.scene.Node n : view.lookupAll(".button")) {
                javafx.scene.control.Button b = (javafx.scene.control.Button) n;
                if (!b.isVisible() || b.getScene() == null || b.getParent() == null || !(b.getParent() instanceof javafx.scene.layout.FlowPane)) continue;
                assertThat(b.getWidth()).as("'%s' at %.0f px", b.getText(), window.getWidth()).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
            }
        }
        robot.interact(() -> dream.step.setValue(dream.step.getMax()));
        assertThat(((ImageView) dream.frame.getChildren().get(0)).getImage()).isNotNull();
        assertThat(Files.exists(png)).isTrue();
    }
}
