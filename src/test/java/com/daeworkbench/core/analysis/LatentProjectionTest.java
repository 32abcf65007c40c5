package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import org.junit.jupiter.api.Test;

class LatentProjectionTest {

    @Test
    void aTwoValueCodeIsPlottedAsItIsAndALargerOneThroughPca() throws Exception {
        ImageSet images = TinyModels.blobs(60, 3);
        ArchitectureSpec eight = TinyModels.dense(2);
        ArchitectureSpec two = new ArchitectureSpec(eight.kind(), 12, 12, 1, 48, 2, eight.activation(), eight.loss(),
                eight.optimizer(), eight.learningRate(), eight.batchSize(), 0, 2);
        try (DenoisingModel m2 = Models.create(two); DenoisingModel m8 = Models.create(eight)) {
            LatentProjection p2 = LatentProjection.of(m2, images, 1);
            assertThat(p2.method()).isEqualTo("code");
            float[] codes = m2.encode(images.pixels().clone(), 60, 12, 12);
            assertThat(p2.x()[5]).isEqualTo(codes[10]);
            assertThat(p2.y()[5]).isEqualTo(codes[11]);
            assertThat(p2.labels()).hasSize(60);
            assertThat(p2.labels()[7]).isEqualTo(images.label(7));

            LatentProjection p8 = LatentProjection.of(m8, images, 1);
            assertThat(p8.method()).isEqualTo("pca");
            assertThat(p8.codeSize()).isEqualTo(8);
            assertThat(p8.x()).hasSize(60);
            assertThat(p8.explained()[0]).isGreaterThanOrEqualTo(p8.explained()[1]);
            assertThat(p8.explained()[0] + p8.explained()[1]).isBetween(0.0, 1.0 + 1e-9);
            double mean = 0;
            for (float v : p8.x()) mean += v;
            assertThat(mean / 60).isBetween(-1e-4, 1e-4);
        }
    }
}
