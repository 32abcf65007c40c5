package com.daeworkbench.core.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.SampleShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Corruptions of table rows: scaled values, NaN for missing, nothing clamped, + chains as for images. */
class TableNoiseTest {
    static final SampleShape ROWS = new SampleShape.Features(4);

    /** 1000 rows of 4 columns; column j holds only values j*100 + (row % 10). */
    static float[] table() {
        float[] t = new float[4000];
        for (int r = 0; r < 1000; r++) for (int j = 0; j < 4; j++) t[r * 4 + j] = j * 100 + r % 10;
        return t;
    }

    static float[] corruptRow(String spec, float[] set, int row, SplittableRandom rng) {
        float[] out = new float[4];
        CorruptionSpec.parse(spec, ROWS).apply(set, row * 4, out, 0, 4, rng);
        return out;
    }

    @Test
    void swapNoiseReplacesACellByTheSameColumnsValueFromAnotherRow() {
        float[] set = table();
        SplittableRandom rng = new SplittableRandom(3);
        int changed = 0, cells = 0;
        for (int r = 0; r < 1000; r++) {
            float[] out = corruptRow("swap:0.3", set, r, rng);
            for (int j = 0; j < 4; j++) {
                cells++;
                assertThat(out[j] - j * 100).as("a value of column %d", j).isBetween(0f, 9f);
                if (out[j] != set[r * 4 + j]) changed++;
            }
        }
        // a swap can draw the row's own value (1 in 10 here): about 0.3 * 0.9 of the cells change
        assertThat(changed / (double) cells).isBetween(0.24, 0.30);
    }

    @Test
    void maskingMakesCellsMissingAndGaussianIsUnclamped() {
        float[] set = table();
        SplittableRandom rng = new SplittableRandom(5);
        int missing = 0;
        for (int r = 0; r < 1000; r++) for (float v : corruptRow("masking:0.2", set, r, rng)) if (Float.isNaN(v)) missing++;
        assertThat(missing / 4000.0).isBetween(0.18, 0.22);
        float[] out = new float[4000];
        CorruptionSpec.parse("gaussian:0.5", ROWS).apply(set, 0, out, 0, 4000, rng);
        double max = 0;
        for (int i = 0; i < out.length; i++) max = Math.max(max, out[i]);
        assertThat(max).as("no clamp to [0,1]").isGreaterThan(300);
    }

    @Test
    void aMissingCellStaysMissing() {
        float[] row = {Float.NaN, 1, 2, 3};
        float[] out = new float[4];
        CorruptionSpec.parse("gaussian:0.5+masking:0.1", ROWS).apply(row, 0, out, 0, 4, new SplittableRandom(1));
        assertThat(out[0]).isNaN();
    }

    @Test
    void tableSpecsParseBackAndChain() {
        Corruption c = CorruptionSpec.parse("swap:0.2+masking:0.1", ROWS);
        assertThat(c.spec()).isEqualTo("swap:0.2+masking:0.1");
        assertThat(CorruptionSpec.parse(c.spec(), ROWS)).isEqualTo(c);
    }

    @Test
    void imageOnlyAndTableOnlyTypesAreRefusedOnTheOtherShape() {
        assertThatThrownBy(() -> CorruptionSpec.parse("saltpepper:0.2", ROWS))
                .hasMessageStartingWith("'saltpepper:0.2' is for images; types for tables: swap");
        assertThatThrownBy(() -> CorruptionSpec.parse("swap:0.2")).hasMessageStartingWith("swap noise is for tables");
        assertThatThrownBy(() -> CorruptionSpec.parse("swap:1.5", ROWS)).hasMessageContaining("out of range for swap");
        assertThat(CorruptionSpec.parse("masking:0.2", new SampleShape.Image(28, 28, 1)).spec()).isEqualTo("masking:0.2");
    }
}
