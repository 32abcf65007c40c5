package com.daeworkbench.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results views' logic without a window: axes, brushes, knob filters, heatmap cells, colours. */
class SweepResultsTest {

    static SweepViewModel.Row row(int n, String lr, String width, String activation, double psnr) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lr", lr);
        p.put("width", width);
        p.put("activation", activation);
        return new SweepViewModel.Row(n, p, SweepViewModel.Status.DONE, psnr, 1.0, "run-" + n);
    }

    final List<SweepViewModel.Row> rows = List.of(
            row(1, "1e-4", "8", "relu", 12.0),
            row(2, "1e-3", "8", "tanh", 14.0),
            row(3, "1e-2", "16", "relu", 16.0),
            row(4, "1e-3", "32", "relu", 15.0),
            row(5, "1e-2", "32", "tanh", 18.0));

    @Test
    void learningRateLiesOnALogAxisWidthOnALinearOneWordsEvenly() {
        List<Axis> axes = Axis.of(rows);
        assertThat(axes).extracting(Axis::name).containsExactly("lr", "width", "activation", "PSNR (dB)");
        assertThat(axes.get(0).scale()).isInstanceOf(AxisScale.Log.class);
        assertThat(axes.get(0).position(rows.get(1))).as("1e-3 halfway between 1e-4 and 1e-2 on a log axis").isCloseTo(0.5, within(1e-9));
        assertThat(axes.get(1).position(rows.get(2))).as("16 of 8..32").isCloseTo(1 / 3.0, within(1e-9));
        assertThat(axes.get(2).position(rows.get(0))).isEqualTo(0.0);
        assertThat(axes.get(2).position(rows.get(1))).isEqualTo(1.0);
        assertThat(axes.get(3).position(rows.get(4))).isEqualTo(1.0);
        assertThat(axes.get(1).ticks(rows)).extracting(AxisScale.Tick::label).containsExactly("8", "16", "32");
    }

    @Test
    void aBrushOnAnAxisKeepsExactlyTheConfigurationsInsideIt() {
        List<Axis> axes = Axis.of(rows);
        // lr from 1e-3 (0.5) up: runs 2..5; and PSNR 14..16 dB (0.333..0.667 of 12..18): runs 2, 3, 4
        ResultFilter f = ResultFilter.NONE.withBrush("lr", new ResultFilter.Interval(1.0, 0.5))
                .withBrush("PSNR (dB)", new ResultFilter.Interval(2 / 6.0, 4 / 6.0));
        assertThat(rows.stream().filter(r -> f.keeps(r, axes))).extracting(SweepViewModel.Row::number).containsExactly(2, 3, 4);
        ResultFilter lrOnly = f.withBrush("PSNR (dB)", null);
        assertThat(rows.stream().filter(r -> lrOnly.keeps(r, axes))).extracting(SweepViewModel.Row::number).containsExactly(2, 3, 4, 5);
        assertThat(rows.stream().filter(r -> lrOnly.withoutBrushes().keeps(r, axes))).hasSize(5);
    }

    @Test
    void aKnobFilterMatchesValuesNumbersAndComparisons() {
        assertThat(ResultFilter.matches("0.001", "1e-3")).isTrue();
        assertThat(ResultFilter.matches("3e-3", "1e-3")).isFalse();
        assertThat(ResultFilter.matches("3e-3", "<1e-2")).isTrue();
        assertThat(ResultFilter.matches("32", ">=32")).isTrue();
        assertThat(ResultFilter.matches("16", ">=32")).isFalse();
        assertThat(ResultFilter.matches("tanh", "relu, tanh")).isTrue();
        assertThat(ResultFilter.matches("relu", "TAN")).isFalse();
        assertThat(ResultFilter.matches("8", " ")).isTrue();
        List<Axis> axes = Axis.of(rows);
        ResultFilter f = ResultFilter.NONE.withKnobText("width", ">=16").withKnobText("activation", "relu");
        assertThat(rows.stream().filter(r -> f.keeps(r, axes))).extracting(SweepViewModel.Row::number).containsExactly(3, 4);
    }

    @Test
    void heatmapCellsAreTheMeanPsnrOfTheRunsAtEachPairOfValues() {
        List<Axis> axes = Axis.of(rows);
        HeatmapGrid h = HeatmapGrid.of(rows, (Axis.KnobAxis) axes.get(0), (Axis.KnobAxis) axes.get(2));
        assertThat(h.columns()).containsExactly("1e-4", "1e-3", "1e-2");
        assertThat(h.rows()).containsExactly("relu", "tanh");
        assertThat(h.cell(0, 0)).isEqualTo(12.0);
        assertThat(h.cell(0, 1)).isNaN();
        assertThat(h.cell(1, 0)).isEqualTo(15.0);
        assertThat(h.cell(1, 1)).isEqualTo(14.0);
        assertThat(h.cell(2, 0)).isEqualTo(16.0);
        assertThat(h.cell(2, 1)).isEqualTo(18.0);
        HeatmapGrid byWidth = HeatmapGrid.of(rows, (Axis.KnobAxis) axes.get(1), (Axis.KnobAxis) axes.get(0));
        assertThat(byWidth.cell(0, 1)).as("width 8, lr 1e-3").isEqualTo(14.0);
        assertThat(byWidth.runsIn(2, 2)).isEqualTo(1);
        assertThat(byWidth.describe(2, 2)).isEqualTo("width=32, lr=1e-2: 18.00 dB (1 run)");
    }

    @Test
    void aRandomSweepsManyDistinctValuesFallIntoBinsThatAverageTheirRuns() {
        List<SweepViewModel.Row> many = new java.util.ArrayList<>();
        String[] lrs = {"1e-4", "2e-4", "5e-4", "1e-3", "2e-3", "5e-3", "1e-2", "1.5e-4"};
        for (int i = 0; i < lrs.length; i++) many.add(row(i + 1, lrs[i], i % 2 == 0 ? "8" : "16", "relu", 10 + i));
        List<Axis> axes = Axis.of(many);
        HeatmapGrid h = HeatmapGrid.of(many, (Axis.KnobAxis) axes.get(0), (Axis.KnobAxis) axes.get(1));
        assertThat(h.columns()).hasSize(HeatmapGrid.BINS).first().asString().isEqualTo("1e-4–3.16e-4");
        // the first log quarter of 1e-4..1e-2 is 1e-4..3.2e-4: 1e-4 (10 dB, width 8), 2e-4 (11, 16), 1.5e-4 (17, 16)
        assertThat(h.cell(0, 0)).isEqualTo(10.0);
        assertThat(h.cell(0, 1)).isEqualTo(14.0);
        assertThat(h.runsIn(0, 1)).isEqualTo(2);
    }

    @Test
    void aKnobDrawnFromARangeIsGroupedInBinsForTheHeatmapAndTheEffects() {
        List<SweepViewModel.Row> drawn = new java.util.ArrayList<>();
        String[] lrs = {"1e-4", "1.2e-4", "9e-3", "1e-2"};
        for (int i = 0; i < lrs.length; i++) drawn.add(row(i + 1, lrs[i], "8", "relu", i < 2 ? 10 : 14));
        List<Axis> axes = Axis.of(drawn, java.util.Set.of("lr"));
        assertThat(((Axis.KnobAxis) axes.get(0)).drawn()).isTrue();
        // four values, few enough to list, but each run has its own: in bins, the low two share one and the high two another
        assertThat(HeatmapGrid.grouped(drawn.get(0), axes)).containsEntry("lr", "1e-4–3.16e-4").containsEntry("width", "8");
        assertThat(HeatmapGrid.grouped(drawn.get(1), axes).get("lr")).isEqualTo(HeatmapGrid.grouped(drawn.get(0), axes).get("lr"));
        List<com.daeworkbench.core.session.KnobEffects.Outcome> outcomes = drawn.stream()
                .map(r -> new com.daeworkbench.core.session.KnobEffects.Outcome(HeatmapGrid.grouped(r, axes), r.psnr())).toList();
        var lr = com.daeworkbench.core.session.KnobEffects.of(outcomes).get(0);
        assertThat(lr.meanByValue()).hasSize(2).containsEntry("1e-4–3.16e-4", 10.0).containsEntry("3.16e-3–0.01", 14.0);
        HeatmapGrid h = HeatmapGrid.of(drawn, (Axis.KnobAxis) axes.get(0), (Axis.KnobAxis) axes.get(1));
        assertThat(h.columns()).hasSize(HeatmapGrid.BINS);
        assertThat(h.cell(0, 0)).isEqualTo(10.0);
        assertThat(h.runsIn(0, 0)).isEqualTo(2);
        assertThat(h.cell(1, 0)).isNaN();
    }

    @Test
    void theKnobSummarySaysHowMuchEachKnobExplainsAndItsBestAndWorstValue() {
        List<com.daeworkbench.core.session.KnobEffects.Outcome> outcomes = rows.stream()
                .map(r -> new com.daeworkbench.core.session.KnobEffects.Outcome(r.params(), r.psnr())).toList();
        String text = SweepResults.summary(com.daeworkbench.core.session.KnobEffects.of(outcomes), rows.size());
        assertThat(text).startsWith("What did that knob do? Of the PSNR's spread over the 5 runs shown, ")
                .contains("lr explains 88% (best 1e-2: 17.00 dB, worst 1e-4: 12.00 dB)");
        assertThat(SweepResults.summary(List.of(), 1)).contains("needs two finished runs");
    }

    @Test
    void numbersAreWrittenAsOneWouldTypeThem() {
        assertThat(AxisScale.format(0.001)).isEqualTo("1e-3");
        assertThat(AxisScale.format(3.16e-4)).isEqualTo("3.16e-4");
        assertThat(AxisScale.format(0.01)).isEqualTo("0.01");
        assertThat(AxisScale.format(32)).isEqualTo("32");
        assertThat(AxisScale.format(15.25)).isEqualTo("15.3");
        assertThat(AxisScale.format(0.0099996)).isEqualTo("1e-2");
    }

    @Test
    void theColourScaleRunsFromTheLowestToTheHighestScoreDarkToLight() {
        ColorScale c = ColorScale.over(rows.stream().mapToDouble(SweepViewModel.Row::psnr));
        assertThat(c.min()).isEqualTo(12.0);
        assertThat(c.max()).isEqualTo(18.0);
        assertThat(c.fraction(15)).isEqualTo(0.5);
        assertThat(c.colorOf(12).isLight()).isFalse();
        assertThat(c.colorOf(18).isLight()).isTrue();
        assertThat(c.fraction(30)).isEqualTo(1.0);
        assertThat(ColorScale.over(java.util.stream.DoubleStream.of(Double.NaN, 14)).fraction(14)).isEqualTo(0.5);
    }
}
