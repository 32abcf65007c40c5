package com.daeworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Engine;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateFinderTest {

    static ArchitectureSpec spec(Kind kind, ArchitectureSpec.Optimizer optimizer, ArchitectureSpec.Loss loss) {
        ArchitectureSpec d = ArchitectureSpec.defaults(kind, 12, 12);
        return new ArchitectureSpec(kind, 12, 12, 1, 16, 8, d.activation(), loss, optimizer, 1e-3, 16, 0, 3);
    }

    @Test
    void theRateGrowsStepByStepAndTheSuggestionIsWhereTheLossFellBeforeItsLowest() {
        Engine.initialize();
        Dataset data = TrainerTest.blobs(256, 16, 12);
        try (DenoisingModel model = Models.create(spec(Kind.DENSE, ArchitectureSpec.Optimizer.ADAM, ArchitectureSpec.Loss.BCE))) {
            LearningRateFinder.Result result = LearningRateFinder.run(model, data, CorruptionSpec.parse("gaussian:0.3"),
                    new LearningRateFinder.Range(1e-5, 1e-1, 40), () -> false);
            List<LearningRateFinder.Point> points = result.points();
            assertThat(points).isNotEmpty().hasSizeLessThanOrEqualTo(40);
            assertThat(points.get(0).learningRate()).isEqualTo(1e-5, org.assertj.core.data.Offset.offset(1e-12));
            for (int i = 1; i < points.size(); i++) assertThat(points.get(i).learningRate()).isGreaterThan(points.get(i - 1).learningRate());
            // the loss falls somewhere in the range: the lowest is below where it started
            double lowest = points.stream().mapToDouble(LearningRateFinder.Point::smoothedLoss).min().orElseThrow();
            assertThat(lowest).isLessThan(points.get(0).smoothedLoss());
            assertThat(result.suggestion()).isPositive().isLessThan(result.lowestLossRate());
        }
    }

    @Test
    void anExplodingLossEndsTheTestEarly() {
        Engine.initialize();
        Dataset data = TrainerTest.blobs(256, 16, 12);
        try (DenoisingModel model = Models.create(spec(Kind.DENSE, ArchitectureSpec.Optimizer.SGD_MOMENTUM, ArchitectureSpec.Loss.BCE))) {
            LearningRateFinder.Result result = LearningRateFinder.run(model, data, CorruptionSpec.parse("gaussian:0.3"),
                    new LearningRateFinder.Range(1e-3, 1e5, 100), () -> false);
            assertThat(result.diverged()).isTrue();
            assertThat(result.points()).hasSizeLessThan(100);
            assertThat(result.suggestion()).isLessThan(result.points().get(result.points().size() - 1).learningRate());
        }
    }

    @Test
    void aCancelStopsItAndABadRangeIsRefused() {
        Engine.initialize();
        Dataset data = TrainerTest.blobs(64, 16, 12);
        try (DenoisingModel model = Models.create(spec(Kind.DENSE, ArchitectureSpec.Optimizer.ADAM, ArchitectureSpec.Loss.BCE))) {
            int[] calls = {0};
            LearningRateFinder.Result result = LearningRateFinder.run(model, data, CorruptionSpec.parse("gaussian:0.3"),
                    LearningRateFinder.Range.defaults(), () -> ++calls[0] > 12);
            assertThat(result.points()).hasSize(12);
        }
        assertThatThrownBy(() -> new LearningRateFinder.Range(1e-2, 1e-3, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateFinder.Range(1e-5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSuggestionIsAThirdOfTheRateOfTheSteepestFallBeforeTheLowestLoss() {
        // a loss that falls slowly, then fast around step 6, lowest at step 8, then rises
        double[] losses = {1.0, 0.99, 0.98, 0.97, 0.95, 0.9, 0.6, 0.5, 0.45, 0.8, 1.5};
        List<LearningRateFinder.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < losses.length; i++) points.add(new LearningRateFinder.Point(Math.pow(10, -5 + i * 0.5), losses[i], losses[i]));
        assertThat(LearningRateFinder.suggestion(points)).isEqualTo(points.get(6).learningRate() / 3);
    }
}
