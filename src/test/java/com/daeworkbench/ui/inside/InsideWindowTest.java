package com.daeworkbench.ui.inside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window draws a row of three strips per layer, with its verdict, and the maps of the chosen image. */
class InsideWindowTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void eachLayerGetsARowOfStripsAndItsVerdict() throws Exception {
        InsideViewModel vm = new InsideViewModel();
        Region root = WaitForAsyncUtils.asyncFx(() -> {
            Region r = InsideWindow.content(vm, m -> { });
            Stage stage = new Stage();
            stage.setScene(new Scene(r, 1340, 720));
            stage.show();
            return r;
        }).get();
        WaitForAsyncUtils.asyncFx(() -> vm.apply(List.of(InsideViewModelTest.started(), InsideViewModelTest.stats(10, 1e-1),
                InsideViewModelTest.stats(20, 1e-1)))).get();
        WaitForAsyncUtils.waitForFxEvents();
        GridPane grid = (GridPane) root.lookup("#inside-strips");
        List<HistogramStrip> strips = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Node n : grid.getChildren()) {
            if (n instanceof HistogramStrip s) strips.add(s);
            n.lookupAll(".label").forEach(l -> texts.add(((Label) l).getText()));
        }
        assertThat(strips).hasSize(2 * 3).allSatisfy(s -> {
            assertThat(s.columns()).isEqualTo(2);
            assertThat(s.range()).containsExactly(-1.0, 1.0);
        });
        // ratio 1e-1 for layer 1: far above the band
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("ratio -1.0").contains("lower the learning rate"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("ratio -2.0").contains("healthy"));
        // the maps tab: the chosen image and one section of tiles per conv layer
        Node maps = root.lookup("#inside-maps");
        assertThat(((javafx.scene.layout.VBox) maps).getChildren()).hasSize(2);
    }
}
