package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.DenoisingModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PretrainEvaluationTest {

    @Test
    void theFrozenEncoderKeepsItsWeightsAndEveryFeatureSetIsScored() throws Exception {
        try (DenoisingModel model = TinyModels.trainedDense()) {
            byte[] before = model.toBytes();
            Dataset data = Dataset.clean("quadrants", TinyModels.blobs(400, 21), TinyModels.blobs(200, 22));
            PretrainEvaluation.Result r = PretrainEvaluation.run(model, data, new int[] {20, 200}, 3);
            assertThat(model.toBytes()).isEqualTo(before);
            assertThat(r.rows()).extracting(PretrainEvaluation.Row::labels).containsExactly(20, 200);
            assertThat(r.codeSize()).isEqualTo(8);
            assertThat(r.classes()).isEqualTo(4);
            assertThat(r.testImages()).isEqualTo(200);
            for (PretrainEvaluation.Row row : r.rows()) {
                // four classes: chance is 25%; the blob's quadrant is easy from pixels and from a blob code
                assertThat(row.pixelAccuracy()).isGreaterThan(0.6);
                assertThat(row.encoderAccuracy()).isGreaterThan(0.6);
                assertThat(row.randomEncoderAccuracy()).isBetween(0.0, 1.0);
            }
            // more labels never hurt much
            assertThat(r.rows().get(1).encoderAccuracy()).isGreaterThan(r.rows().get(0).encoderAccuracy() - 0.05);
            // the same seed gives the same result
            assertThat(PretrainEvaluation.run(model, data, new int[] {20, 200}, 3)).isEqualTo(r);
        }
    }

    @Test
    void labelledImagesAreDrawnClassBalanced() {
        ImageSet train = TinyModels.blobs(400, 5);
        int[] order = PretrainEvaluation.balancedOrder(train, 4, 9);
        assertThat(Arrays.stream(order).sorted().toArray()).containsExactly(java.util.stream.IntStream.range(0, 400).toArray());
        int[] counts = new int[4];
        for (int i = 0; i < 40; i++) counts[train.label(order[i])]++;
        assertThat(counts).containsOnly(10);
    }

    @Test
    void refusesUnlabelledDataAndImpossibleBudgets() {
        try (DenoisingModel model = com.daeworkbench.core.model.Models.create(TinyModels.dense(1))) {
            Dataset unlabelled = Dataset.clean("stripes", TinyModels.stripes(50, 1), TinyModels.stripes(10, 2));
            assertThatThrownBy(() -> PretrainEvaluation.run(model, unlabelled, new int[] {10}, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels");
            Dataset labelled = Dataset.clean("blobs", TinyModels.blobs(50, 1), TinyModels.blobs(10, 2));
            assertThatThrownBy(() -> PretrainEvaluation.run(model, labelled, new int[] {100}, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2..50");
        }
    }
}
