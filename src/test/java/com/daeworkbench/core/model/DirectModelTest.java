package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * The hand-written engine computes what the SameDiff graph computes: from the same initial
 * weights, the same loss on every step and the same outputs after several Adam steps. SameDiff
 * differentiates its graph automatically, so agreement checks every hand-written gradient
 * (dense layers, convolution, batch norm, pooling, upsampling, activations, loss heads, optimizers).
 * Not compared: BCE on a residual network's clamped output, where M2.1's log_loss op gives a
 * loss 0.4% away from its documented formula, which the direct engine follows.
 */
class DirectModelTest {

    static Stream<Arguments> architectures() {
        return Stream.of(
                Arguments.of(spec(Kind.CONV, 2, Activation.RELU, Loss.BCE, Optimizer.ADAM, 0)),
                Arguments.of(spec(Kind.CONV, 1, Activation.TANH, Loss.MSE, Optimizer.RMSPROP, 0)),
                Arguments.of(spec(Kind.CONV, 2, Activation.LEAKY_RELU, Loss.BCE, Optimizer.SGD_MOMENTUM, 0)),
                Arguments.of(spec(Kind.RESIDUAL, 4, Activation.RELU, Loss.MSE, Optimizer.ADAM, 0)),
                Arguments.of(spec(Kind.RESIDUAL, 3, Activation.ELU, Loss.MSE, Optimizer.ADAM, 1e-2)),
                Arguments.of(spec(Kind.RESIDUAL, 3, Activation.SIGMOID, Loss.MSE, Optimizer.ADAM, 0)),
                Arguments.of(spec(Kind.RESIDUAL, 2, Activation.TANH, Loss.MSE, Optimizer.RMSPROP, 0)),
                // dilated middle layers 1, 2, 1 and 1, 2, 3, 2, 1 (3 taps 3 pixels apart on an 8x8 image)
                Arguments.of(dilated(spec(Kind.RESIDUAL, 5, Activation.RELU, Loss.MSE, Optimizer.ADAM, 0), 2)),
                Arguments.of(dilated(spec(Kind.RESIDUAL, 7, Activation.LEAKY_RELU, Loss.MSE, Optimizer.ADAM, 1e-2), 3)),
                Arguments.of(spec(Kind.CONV, 1, Activation.ELU, Loss.BCE, Optimizer.ADAM, 1e-2)),
                // dense: every activation, both losses, every optimizer, weight decay, 1 to 3 hidden layers each side
                Arguments.of(spec(Kind.DENSE, 2, Activation.RELU, Loss.BCE, Optimizer.ADAM, 0)),
                Arguments.of(spec(Kind.DENSE, 3, Activation.LEAKY_RELU, Loss.MSE, Optimizer.ADAM, 1e-2)),
                Arguments.of(spec(Kind.DENSE, 1, Activation.ELU, Loss.BCE, Optimizer.RMSPROP, 0)),
                Arguments.of(spec(Kind.DENSE, 2, Activation.TANH, Loss.MSE, Optimizer.SGD_MOMENTUM, 0)),
                Arguments.of(spec(Kind.DENSE, 2, Activation.SIGMOID, Loss.BCE, Optimizer.SGD_MOMENTUM, 1e-2)),
                Arguments.of(spec(Kind.DENSE, 2, Activation.RELU, Loss.MSE, Optimizer.RMSPROP, 0)));
    }

    static ArchitectureSpec spec(Kind kind, int layers, Activation act, Loss loss, Optimizer opt, double decay) {
        return new ArchitectureSpec(kind, 8, 8, layers, 6, 5, act, loss, opt, 1e-2, 4, decay, 7);
    }

    static ArchitectureSpec dilated(ArchitectureSpec spec, int dilation) {
        return spec.withNetwork(spec.network().withDilation(dilation));
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void trainsStepForStepLikeTheSameDiffGraph(ArchitectureSpec spec) {
        Engine.initialize();
        trainsLikeTheSameDiffGraph(spec, 4, new DirectModel(spec, null));
    }

    /**
     * A batch of 40 goes through two replicas, 20 images each, whose gradients add up to the
     * whole batch's: the same steps as the graph's on the whole batch (dense networks take
     * one replica unless asked; batch-norm networks never split, so they are not listed).
     */
    @ParameterizedTest
    @MethodSource("splittable")
    void halfBatchesOnTwoReplicasTrainLikeTheWholeBatch(ArchitectureSpec spec) {
        Engine.initialize();
        DirectModel direct = new DirectModel(spec, null, 2);
        assertThat(direct.replicas()).isEqualTo(2);
        trainsLikeTheSameDiffGraph(spec, 40, direct);
    }

    static Stream<Arguments> splittable() {
        return Stream.of(
                Arguments.of(spec(Kind.CONV, 2, Activation.RELU, Loss.BCE, Optimizer.ADAM, 0)),
                Arguments.of(spec(Kind.CONV, 1, Activation.TANH, Loss.MSE, Optimizer.RMSPROP, 1e-2)),
                Arguments.of(spec(Kind.DENSE, 2, Activation.RELU, Loss.BCE, Optimizer.ADAM, 0)));
    }

    private static void trainsLikeTheSameDiffGraph(ArchitectureSpec spec, int count, DirectModel model) {
        // the graph's dilated convolutions must skip oneDNN too (DirectLayers.execConv says why)
        boolean helpers = org.nd4j.linalg.factory.Nd4j.getEnvironment().helpersAllowed();
        if (spec.dilation() > 1) org.nd4j.linalg.factory.Nd4j.getEnvironment().allowHelpers(false);
        try {
            comparedWithTheGraph(spec, count, model);
        } finally {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().allowHelpers(helpers);
        }
    }

    private static void comparedWithTheGraph(ArchitectureSpec spec, int count, DirectModel model) {
        SplittableRandom random = new SplittableRandom(3);
        int pixels = count * 64;
        try (DenoisingModel reference = new SameDiffModel(spec, null); DenoisingModel direct = model) {
            for (int step = 0; step < 5; step++) {
                float[] clean = new float[pixels];
                float[] noisy = new float[pixels];
                for (int i = 0; i < pixels; i++) {
                    clean[i] = (float) random.nextDouble();
                    noisy[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.3 * random.nextGaussian()));
                }
                double expected = reference.fit(noisy, clean, count);
                double got = direct.fit(noisy, clean, count);
                assertThat(direct.loss(noisy, clean, count)).as("loss after step %d", step).isCloseTo(reference.loss(noisy, clean, count),
                        org.assertj.core.data.Offset.offset(1e-4 + 1e-4 * expected));
                assertThat(got).as("loss of step %d", step).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 + 1e-4 * expected));
            }
            float[] probe = new float[pixels];
            for (int i = 0; i < pixels; i++) probe[i] = (float) random.nextDouble();
            float[] expected = reference.denoise(probe, count, 8, 8);
            float[] got = direct.denoise(probe, count, 8, 8);
            for (int i = 0; i < expected.length; i++) {
                assertThat(got[i]).as("output pixel %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-3f));
            }
            assertThat(direct.encode(probe, count, 8, 8)).hasSize(count * direct.codeSize(8, 8));
            assertThat(direct.denoise(probe, 0, 8, 8)).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void largeBatchesTrainInChunksWithTheSameResult() {
        long saved = DirectLayers.chunkPixels;
        DirectLayers.chunkPixels = 3 * 64;   // 4 images of 8x8: chunks of 3 and 1
        try {
            trainsStepForStepLikeTheSameDiffGraph(spec(Kind.RESIDUAL, 4, Activation.RELU, Loss.MSE, Optimizer.ADAM, 0));
            trainsStepForStepLikeTheSameDiffGraph(spec(Kind.CONV, 2, Activation.RELU, Loss.BCE, Optimizer.ADAM, 0));
            // 16 phase images of 4x4: chunks of 12 and 4
            trainsStepForStepLikeTheSameDiffGraph(dilated(spec(Kind.RESIDUAL, 5, Activation.RELU, Loss.MSE, Optimizer.ADAM, 0), 2));
        } finally {
            DirectLayers.chunkPixels = saved;
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void savedWeightsRestoreTheSameNetwork(ArchitectureSpec spec) throws Exception {
        Engine.initialize();
        float[] noisy = new float[2 * 64];
        for (int i = 0; i < noisy.length; i++) noisy[i] = (i % 7) / 7f;
        try (DirectModel a = new DirectModel(spec, null)) {
            a.fit(noisy, noisy, 2);
            try (DenoisingModel b = DirectModel.fromBytes(spec, a.toBytes())) {
                assertThat(b.denoise(noisy, 2, 8, 8)).containsExactly(a.denoise(noisy, 2, 8, 8));
            }
        }
    }
}
