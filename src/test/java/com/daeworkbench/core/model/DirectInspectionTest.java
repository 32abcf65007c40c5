package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An inspected step reports what the step really did, and trains exactly as a plain one. */
class DirectInspectionTest {
    private static final int SIDE = 8;

    static Stream<ArchitectureSpec> networks() {
        return Stream.of(
                spec(Kind.DENSE, 2, Optimizer.ADAM, 0),
                spec(Kind.CONV, 2, Optimizer.SGD_MOMENTUM, 1e-2),
                spec(Kind.RESIDUAL, 3, Optimizer.RMSPROP, 0));
    }

    static ArchitectureSpec spec(Kind kind, int layers, Optimizer optimizer, double decay) {
        return new ArchitectureSpec(kind, SIDE, SIDE, layers, 6, 5, Activation.RELU,
                kind == Kind.RESIDUAL ? Loss.MSE : Loss.BCE, optimizer, 1e-2, 4, decay, 7);
    }

    static float[][] batch(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] clean = new float[count * SIDE * SIDE], noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) random.nextDouble();
            noisy[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.3 * random.nextGaussian()));
        }
        return new float[][] {noisy, clean};
    }

    static Map<String, float[]> weights(DirectModel model) {
        Map<String, float[]> copy = new HashMap<>();
        for (Map.Entry<String, INDArray> e : model.state().entrySet()) copy.put(e.getKey(), DirectInspection.values(e.getValue()));
        return copy;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    @ParameterizedTest
    @MethodSource("networks")
    void theUpdateRatioIsTheWeightChangeOverTheWeights(ArchitectureSpec spec) {
        Engine.initialize();
        // 40 images: conv networks split them over two replicas whose gradients the inspection must see summed
        float[][] b = batch(40, 1);
        try (DirectModel model = new DirectModel(spec, null, 2)) {
            model.fit(b[0], b[1], 40);   // the optimizer's state is no longer zero
            Map<String, float[]> before = weights(model);
            Inspection inspection = model.fitAndInspect(b[0], b[1], 40, new Probe(b[0], 40, 0));
            Map<String, float[]> after = weights(model);
            long learned = NetworkPlan.of(spec).steps().stream().filter(NetworkPlan.Step::learned).count();
            assertThat(inspection.layers()).hasSize((int) learned);
            for (LayerInspection layer : inspection.layers()) {
                float[] w0 = before.get(ParameterNames.weights(layer.step())), w1 = after.get(ParameterNames.weights(layer.step()));
                float[] change = new float[w0.length];
                for (int i = 0; i < w0.length; i++) change[i] = w1[i] - w0[i];
                assertThat(layer.updateRatio()).as(layer.name()).isCloseTo(norm(change) / norm(w0), within(1e-3 * layer.updateRatio() + 1e-9));
                assertThat(layer.weights().total()).as("weights counted").isEqualTo(w0.length).isEqualTo(layer.weightCount());
                assertThat(layer.gradients().total()).as("gradients counted").isEqualTo(w0.length);
                assertThat(layer.weights().min()).isEqualTo(min(w1));
                assertThat(layer.weights().max()).isEqualTo(max(w1));
            }
        }
    }

    /**
     * Adam's first step moves every weight by the learning rate times the sign of its gradient
     * (m / sqrt(v) = g / |g| once bias-corrected), so |update| = lr * sqrt(n) for the n weights
     * with a gradient: a value computed by hand, whatever the gradient.
     */
    @Test
    void adamsFirstStepGivesTheHandComputedRatio() {
        Engine.initialize();
        ArchitectureSpec spec = spec(Kind.DENSE, 1, Optimizer.ADAM, 0);
        float[][] b = batch(4, 2);
        try (DirectModel model = new DirectModel(spec, null)) {
            Map<String, float[]> before = weights(model);
            Inspection inspection = model.fitAndInspect(b[0], b[1], 4, new Probe(b[0], 4, 0));
            Map<String, float[]> after = weights(model);
            for (LayerInspection layer : inspection.layers()) {
                float[] w0 = before.get(ParameterNames.weights(layer.step())), w1 = after.get(ParameterNames.weights(layer.step()));
                // weights of dead ReLU units have no gradient and stay; every other one moves by lr (almost)
                int moved = 0;
                for (int i = 0; i < w0.length; i++) {
                    if (w1[i] == w0[i]) continue;
                    moved++;
                    // at most lr: Adam's epsilon shortens the steps of the tiniest gradients a little
                    assertThat((double) Math.abs(w1[i] - w0[i])).isLessThan(1e-2 * 1.0001);
                }
                assertThat(moved).isGreaterThan(w0.length / 2);
                double expected = 1e-2 * Math.sqrt(moved) / norm(w0);
                // within 5%: epsilon's shortening of the tiniest gradients' steps; a ratio of the gradient
                // instead of the update, or of one replica's share, would be off by far more
                assertThat(layer.updateRatio()).as(layer.name()).isCloseTo(expected, within(5e-2 * expected));
                assertThat(Math.log10(layer.updateRatio())).isBetween(-3.0, 0.0);
                assertThat(layer.gradientNorm()).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("networks")
    void anInspectedStepTrainsExactlyAsAPlainOne(ArchitectureSpec spec) {
        Engine.initialize();
        float[][] b = batch(4, 3);
        try (DirectModel plain = new DirectModel(spec, null); DirectModel inspected = new DirectModel(spec, null)) {
            double expected = plain.fit(b[0], b[1], 4);
            double got = inspected.fitAndInspect(b[0], b[1], 4, new Probe(b[0], 4, 1)).loss();
            assertThat(got).isEqualTo(expected);
            // the probe's forward pass leaves nothing behind: the next steps agree too
            assertThat(inspected.fit(b[1], b[0], 4)).isEqualTo(plain.fit(b[1], b[0], 4));
            assertThat(inspected.denoise(b[0], 4, SIDE, SIDE)).containsExactly(plain.denoise(b[0], 4, SIDE, SIDE));
        }
    }

    @Test
    void convLayersGiveTheChosenImagesFeatureMapsAndActivationCounts() {
        Engine.initialize();
        ArchitectureSpec spec = spec(Kind.CONV, 2, Optimizer.ADAM, 0);
        float[][] b = batch(4, 4);
        try (DirectModel model = new DirectModel(spec, null)) {
            float[] three = java.util.Arrays.copyOf(b[0], 3 * SIDE * SIDE);
            Inspection first = model.fitAndInspect(b[0], b[1], 4, new Probe(three, 3, 0));
            NetworkPlan plan = NetworkPlan.of(spec);
            var shapes = plan.shapes(SIDE, SIDE);
            assertThat(first.featureMaps()).hasSize(shapes.size() - 1);
            assertThat(first.firstLayerFilters()).isNull();
            for (int i = 0; i < first.featureMaps().size(); i++) {
                FeatureMaps maps = first.featureMaps().get(i);
                NetworkPlan.Shape shape = shapes.get(i + 1);
                assertThat(new int[] {maps.channels(), maps.height(), maps.width()})
                        .containsExactly(shape.channels(), shape.height(), shape.width());
                // activations: every value of the layer's output for the 3 probe images
                assertThat(first.layers().get(i).activations().total()).isEqualTo(3 * shape.values());
            }
            // another chosen image gives other maps of the same layer
            Inspection second = model.fitAndInspect(b[0], b[1], 4, new Probe(three, 3, 2));
            assertThat(second.featureMaps().get(0).values()).isNotEqualTo(first.featureMaps().get(0).values());
        }
    }

    @Test
    void aDenseModelsFirstLayerFiltersAreItsWeightColumnsAsImages() {
        Engine.initialize();
        ArchitectureSpec spec = spec(Kind.DENSE, 2, Optimizer.ADAM, 0);
        float[][] b = batch(4, 5);
        try (DirectModel model = new DirectModel(spec, null)) {
            Inspection inspection = model.fitAndInspect(b[0], b[1], 4, new Probe(b[0], 4, 0));
            FeatureMaps filters = inspection.firstLayerFilters();
            float[] w = weights(model).get(ParameterNames.weights(1));   // [64 pixels, 6 units]
            assertThat(filters.channels()).isEqualTo(6);
            assertThat(filters.height()).isEqualTo(SIDE);
            for (int unit = 0; unit < 6; unit++) {
                for (int p = 0; p < SIDE * SIDE; p++) assertThat(filters.channel(unit)[p]).isEqualTo(w[p * 6 + unit]);
            }
            assertThat(inspection.featureMaps()).isEmpty();
        }
    }

    @Test
    void histogramsCountEveryFiniteValueInItsBin() {
        Histogram h = Histogram.of(new float[] {0f, 1f, 1f, 2f, Float.NaN, Float.POSITIVE_INFINITY});
        assertThat(h.total()).isEqualTo(4);
        assertThat(h.min()).isEqualTo(0f);
        assertThat(h.max()).isEqualTo(2f);
        assertThat(h.count(0)).isEqualTo(1);
        assertThat(h.count(Histogram.BINS / 2)).isEqualTo(2);
        assertThat(h.count(Histogram.BINS - 1)).isEqualTo(1);
        Histogram constant = Histogram.of(new float[] {3f, 3f, 3f});
        assertThat(constant.count(0)).isEqualTo(3);
        assertThat(Histogram.of(new float[] {Float.NaN}).total()).isZero();
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) m = Math.min(m, x);
        return m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) m = Math.max(m, x);
        return m;
    }
}
