package com.daeworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a table's rows are marked, and how many epoch lines a long run draws. */
class RowTableTest {

    @Test
    void reconstructedCellsGoFromWhiteWhenExactToRedAtAColumnsSpreadAndGrayWithNothingToCompare() {
        assertThat(RowTable.errorColour(0)).isEqualTo("rgb(255,255,255)");
        assertThat(RowTable.errorColour(RowTable.FULL_ERROR)).isEqualTo("rgb(255,64,64)");
        assertThat(RowTable.errorColour(5 * RowTable.FULL_ERROR)).isEqualTo(RowTable.errorColour(RowTable.FULL_ERROR));
        assertThat(RowTable.errorColour(Double.NaN)).isEqualTo("#eeeeee");
    }

    @Test
    void aCellCountsAsChangedByTheNoiseWhenItsValueOrItsMissingnessDiffers() {
        assertThat(RowTable.changed(0.5f, 0.5f)).isFalse();
        assertThat(RowTable.changed(0.7f, 0.5f)).isTrue();
        assertThat(RowTable.changed(Float.NaN, 0.5f)).as("masked to missing").isTrue();
        assertThat(RowTable.changed(Float.NaN, Float.NaN)).as("missing in the file").isFalse();
    }

    @Test
    void aHundredEpochsDrawAboutTwentyFiveLinesEvenlyAndKeepTheLast() {
        int[] ends = new int[100];
        for (int i = 0; i < 100; i++) ends[i] = 17 * (i + 1);
        int[] kept = LossChart.thinned(ends);
        assertThat(kept.length).isBetween(20, LossChart.MAX_EPOCH_LINES);
        assertThat(kept[kept.length - 1]).isEqualTo(1700);
        assertThat(kept[1] - kept[0]).isEqualTo(kept[2] - kept[1]);
        int[] few = {10, 20, 30};
        assertThat(LossChart.thinned(few)).containsExactly(10, 20, 30);
    }
}
