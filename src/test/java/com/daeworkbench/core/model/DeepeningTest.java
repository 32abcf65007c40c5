package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Growing a trained residual model by identity layers: same pages out, more layers to train. */
class DeepeningTest {
    private static final int SIZE = 16;

    private static ArchitectureSpec residual(int layers, Activation activation) {
        return new ArchitectureSpec(Kind.RESIDUAL, SIZE, SIZE, layers, 8, 8, activation,
                ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM, 1e-2, 8, 0, 3);
    }

    private static float[] images(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[count * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        return x;
    }

    /** A few steps of training, so batch-norm statistics and shifts are no longer their unit starting values. */
    private static DenoisingModel trained(ArchitectureSpec spec) {
        DenoisingModel m = Models.create(spec);
        float[] clean = images(8, 1);
        float[] noisy = clean.clone();
        for (int i = 0; i < noisy.length; i += 3) noisy[i] = 1 - noisy[i];
        for (int step = 0; step < 20; step++) m.fit(noisy, clean, 8);
        return m;
    }

    @Test
    void theDeeperModelDenoisesAsTheSourceDidAndHasTheNewLayersToTrain() throws Exception {
        try (DenoisingModel source = trained(residual(4, Activation.RELU));
             DenoisingModel deeper = Deepening.deepened(source, 2)) {
            assertThat(deeper.spec().layers()).isEqualTo(6);
            assertThat(Models.parameterCount(deeper.spec()) - Models.parameterCount(source.spec()))
                    .as("two 3x3 8->8 convolutions with batch-norm scale and shift").isEqualTo(2 * (9 * 8 * 8 + 2 * 8));
            float[] page = images(2, 7);
            float[] before = source.denoise(page, 2, SIZE, SIZE);
            float[] after = deeper.denoise(page, 2, SIZE, SIZE);
            for (int i = 0; i < before.length; i++) {
                assertThat(after[i]).as("pixel %d", i).isCloseTo(before[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
            // and it trains: the new layers take a step like any other (finite loss, output moves)
            float[] clean = images(8, 1);
            double loss = deeper.fit(clean, clean, 8);
            assertThat(loss).isFinite();
            assertThat(deeper.denoise(page, 2, SIZE, SIZE)).isNotEqualTo(after);
            assertThat(source.denoise(page, 2, SIZE, SIZE)).as("the source is left as it was").containsExactly(before);
        }
    }

    @Test
    void onlyResidualReluNetworksGrowAndWithinTheDepthLimit() throws Exception {
        try (DenoisingModel conv = Models.create(ArchitectureSpec.defaults(Kind.CONV, SIZE, SIZE))) {
            assertThatThrownBy(() -> Deepening.deepened(conv, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only a residual network");
        }
        try (DenoisingModel tanh = Models.create(residual(4, Activation.TANH))) {
            assertThatThrownBy(() -> Deepening.deepened(tanh, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only a ReLU network");
        }
        try (DenoisingModel relu = Models.create(residual(4, Activation.RELU))) {
            assertThatThrownBy(() -> Deepening.deepened(relu, 27)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("can add 1..26 layers to this 4-layer network, not 27");
        }
    }
}
