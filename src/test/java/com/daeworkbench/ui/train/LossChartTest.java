package com.daeworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.runs.RunRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The loss chart's point cap and zoom. */
class LossChartTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static List<Double> losses(int n) {
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(1.0 / (1 + i / 100.0) + (i % 3) * 0.01);
        return l;
    }

    @Test
    void aZoomShowsOnlyItsIterationsWithTheSameSmoothedValues() {
        LossChart chart = new LossChart();
        chart.setData(losses(5000), List.of(), 500);
        int[] all = chart.drawnIterations();
        assertThat(all).containsExactly(1, 5000);
        assertThat(chart.drawnPoints()).isLessThanOrEqualTo(800);
        double atEnd = chart.drawnSmoothed(5000);

        chart.setRange(0.9, 1.0);
        assertThat(chart.drawnIterations()).containsExactly(4501, 5000);
        assertThat(chart.drawnPoints()).isEqualTo(500);   // fewer than the cap: every iteration in range
        assertThat(chart.drawnSmoothed(5000)).isEqualTo(atEnd);

        chart.setData(losses(6000), List.of(), 500);     // a live run: the range follows the new iterations
        assertThat(chart.drawnIterations()).containsExactly(5401, 6000);
    }

    @Test
    void epochLinesStandWhereTheirValidationDotsAre() throws Exception {
        LossChart chart = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            LossChart c = new LossChart();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(c, 800, 500));
            stage.show();
            return c;
        }).get();
        List<RunRecord.EpochPoint> epochs = new ArrayList<>();
        for (int e = 1; e <= 3; e++) epochs.add(new RunRecord.EpochPoint(e, 63 * e, 0.2, 0.2 / e, 15, 0.7));
        // as in a live run: data arrives in steps and the axis rescales each time
        for (int n : new int[] {100, 150, 189}) {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                chart.setData(losses(n), epochs.stream().filter(p -> p.iteration() <= n).toList(), 63);
                chart.applyCss();
                chart.layout();
            }).get();
        }
        assertThat(chart.epochLineIterations()).containsExactly(63, 126, 189);
        for (int k = 0; k < 3; k++) {
            double[] x = chart.epochLineAndDotX(k);
            assertThat(x[0]).as("epoch %d line vs dot", k + 1).isCloseTo(x[1], org.assertj.core.data.Offset.offset(0.5));
        }
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> chart.getScene().getWindow().hide()).get();
    }

    @Test
    void aNewRunDrawsNothingOfTheLastRunsValidation() throws Exception {
        LossChart chart = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            LossChart c = new LossChart();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(c, 800, 500));
            stage.show();
            return c;
        }).get();
        List<RunRecord.EpochPoint> epochs = new ArrayList<>();
        for (int e = 1; e <= 3; e++) epochs.add(new RunRecord.EpochPoint(e, 63 * e, 0.2, 0.2 / e, 15, 0.7));
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            chart.setData(losses(189), epochs, 63);
            chart.applyCss();
            chart.layout();
        }).get();
        assertThat(chart.validationDrawn()[0]).as("the finished run's validation line").isGreaterThan(0);
        // Train again: the view-model clears the curves, then the first batches arrive
        for (int n : new int[] {0, 20}) {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                chart.setData(losses(n), List.of(), 63);
                chart.applyCss();
                chart.layout();
            }).get();
            assertThat(chart.validationDrawn()).as("after %d iterations of the new run", n).containsExactly(0, 0);
        }
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> chart.getScene().getWindow().hide()).get();
    }

    @Test
    void iterationsAreCountedInWholeNumbers() throws Exception {
        LossChart chart = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            LossChart c = new LossChart();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(c, 800, 500));
            stage.show();
            c.setData(losses(6), List.of(), 3);   // NumberAxis alone ticks this at 0.5, 1.0, 1.5 ...
            c.applyCss();
            c.layout();
            return c;
        }).get();
        var axis = (javafx.scene.chart.NumberAxis) chart.chart().getXAxis();
        assertThat(axis.getTickMarks()).isNotEmpty().allSatisfy(t -> {
            double v = t.getValue().doubleValue();
            assertThat(v).isEqualTo(Math.rint(v));
        });
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> chart.getScene().getWindow().hide()).get();
    }

    @Test
    void aRangeNarrowerThanOneIterationStillDrawsALine() {
        LossChart chart = new LossChart();
        chart.setData(losses(10), List.of(), 5);
        chart.setRange(1.0, 1.0);
        assertThat(chart.drawnPoints()).isEqualTo(2);
        assertThat(chart.drawnIterations()).containsExactly(9, 10);
    }
}
