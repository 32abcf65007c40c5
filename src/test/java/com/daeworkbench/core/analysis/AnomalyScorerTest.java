package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.CorruptionSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnomalyScorerTest {
    static DenoisingModel model;

    @BeforeAll
    static void train() {
        model = TinyModels.trainedDense();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void everyScoreTellsStripesFromTheBlobsTheModelKnows() throws Exception {
        AnomalyScorer scorer = new AnomalyScorer(CorruptionSpec.parse("gaussian:0.2"));
        ImageSet normal = TinyModels.blobs(100, 9);
        ImageSet stripes = TinyModels.stripes(100, 10);
        List<Double> progress = new ArrayList<>();
        Map<Score, AnomalyReport> reports = scorer.evaluate(model, normal, stripes, EnumSet.allOf(Score.class),
                (f, m) -> progress.add(f));
        assertThat(reports.keySet()).containsExactly(Score.values());
        for (AnomalyReport r : reports.values()) {
            assertThat(r.auc()).as(r.score().key()).isGreaterThan(0.95);
            assertThat(r.normalScores()).hasSize(100);
            assertThat(r.at95Recall().recall()).isGreaterThanOrEqualTo(0.95);
            assertThat(r.mostAnomalous().get(0).source()).isEqualTo(AnomalyReport.Source.TEST);
        }
        assertThat(progress).isSortedAccordingTo(Double::compare);
        assertThat(progress.get(progress.size() - 1)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void scoresDoNotDependOnTheBatchSizeAndAreReproducible() throws Exception {
        ImageSet images = TinyModels.blobs(37, 4);
        AnomalyScorer big = new AnomalyScorer(CorruptionSpec.parse("gaussian:0.2"), new AnomalyScorer.Options(256, 3, 7, 0.99));
        AnomalyScorer small = new AnomalyScorer(CorruptionSpec.parse("gaussian:0.2"), new AnomalyScorer.Options(5, 3, 7, 0.99));
        for (Score s : Score.values()) {
            double[] a = big.score(model, images, s), b = small.score(model, images, s);
            for (int i = 0; i < a.length; i++) assertThat(b[i]).as(s + " " + i).isCloseTo(a[i], within(1e-6 + 1e-4 * a[i]));
            assertThat(big.score(model, images, s)).containsExactly(a);
        }
        // another seed draws other noise
        AnomalyScorer other = new AnomalyScorer(CorruptionSpec.parse("gaussian:0.2"), new AnomalyScorer.Options(256, 3, 8, 0.99));
        assertThat(other.score(model, images, Score.CORRUPTED_MSE)).isNotEqualTo(big.score(model, images, Score.CORRUPTED_MSE));
    }

    @Test
    void mseAndQuantileMatchTheirDefinitions() throws Exception {
        ImageSet images = TinyModels.blobs(3, 6);
        float[] rebuilt = model.denoise(images.pixels().clone(), 3, TinyModels.SIDE, TinyModels.SIDE);
        AnomalyScorer scorer = new AnomalyScorer(null);
        double[] mse = scorer.score(model, images, Score.MSE);
        double[] q = scorer.score(model, images, Score.QUANTILE);
        int px = images.pixelsPerImage();
        for (int i = 0; i < 3; i++) {
            double[] errors = new double[px];
            double sum = 0;
            for (int k = 0; k < px; k++) {
                double d = images.pixels()[i * px + k] - rebuilt[i * px + k];
                errors[k] = d * d;
                sum += d * d;
            }
            java.util.Arrays.sort(errors);
            assertThat(mse[i]).isCloseTo(sum / px, within(1e-9));
            // 144 pixels: the 99th percentile by nearest rank is the 143rd smallest
            assertThat(q[i]).isCloseTo(errors[142], within(1e-9));
        }
        double[] scratch = new double[5];
        assertThat(AnomalyScorer.errorQuantile(new float[] {0, 0, 0, 0, 0}, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, 0, 5, 0.5,
                scratch)).isCloseTo(0.09, within(1e-6));
    }

    @Test
    void corruptedMseNeedsTheTrainingNoise() {
        AnomalyScorer scorer = new AnomalyScorer(null);
        assertThat(scorer.available()).doesNotContain(Score.CORRUPTED_MSE).contains(Score.MSE);
        assertThatThrownBy(() -> scorer.score(model, TinyModels.blobs(2, 1), Score.CORRUPTED_MSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corruption");
    }

    @Test
    void aDenseModelRefusesImagesOfAnotherSize() {
        ImageSet wrong = new ImageSet(1, 8, 8, new float[64], null);
        assertThatThrownBy(() -> new AnomalyScorer(null).score(model, wrong, Score.MSE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12x12");
    }

    @Test
    void anInterruptCancelsScoring() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new AnomalyScorer(null).score(model, TinyModels.blobs(10, 1), Score.MSE))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
