package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import org.junit.jupiter.api.Test;

/** One rule for starting from another model's weights, as train --init and the Train tab's fine-tuning use it. */
class WarmStartTest {

    @Test
    void theNetworkAndPageInputAreTheSourcesAndHowItTrainsIsTheNewRuns() throws Exception {
        ArchitectureSpec sourceSpec = new ArchitectureSpec(Kind.RESIDUAL, 16, 16, 3, 8, 8, ArchitectureSpec.Activation.RELU,
                ArchitectureSpec.Loss.MSE, Optimizer.ADAM, 1e-3, 16, 0, 1).withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED);
        // the new run asks for another network: the weights decide it, its training settings stay
        ArchitectureSpec wanted = new ArchitectureSpec(Kind.RESIDUAL, 32, 24, 5, 16, 8, ArchitectureSpec.Activation.TANH,
                ArchitectureSpec.Loss.BCE, Optimizer.SGD_MOMENTUM, 3e-4, 8, 1e-4, 9);
        try (DenoisingModel source = Models.create(sourceSpec); DenoisingModel started = WarmStart.from(source, wanted)) {
            ArchitectureSpec s = started.spec();
            assertThat(s.layers()).isEqualTo(3);
            assertThat(s.width()).isEqualTo(8);
            assertThat(s.activation()).isEqualTo(ArchitectureSpec.Activation.RELU);
            assertThat(s.loss()).as("the output layer the weights were trained with").isEqualTo(ArchitectureSpec.Loss.MSE);
            assertThat(s.pageInput()).isEqualTo(ArchitectureSpec.PageInput.PAPER_DIVIDED);
            assertThat(s.optimizer()).isEqualTo(Optimizer.SGD_MOMENTUM);
            assertThat(s.learningRate()).isEqualTo(3e-4);
            assertThat(s.batchSize()).isEqualTo(8);
            assertThat(s.weightDecay()).isEqualTo(1e-4);
            assertThat(s.seed()).isEqualTo(9);
            assertThat(s.inputHeight()).isEqualTo(32);
            float[] page = new float[32 * 24];
            for (int i = 0; i < page.length; i++) page[i] = (i % 7) / 7f;
            // same weights: the same output as the source on any page (fully convolutional)
            assertThat(started.denoise(page, 1, 32, 24)).containsExactly(source.denoise(page, 1, 32, 24));
        }
    }

    @Test
    void aFixedSizeNetworkRefusesImagesOfAnotherSize() throws Exception {
        ArchitectureSpec dense = ArchitectureSpec.defaults(Kind.DENSE, 8, 8);
        try (DenoisingModel source = Models.create(dense)) {
            assertThatThrownBy(() -> WarmStart.from(source, ArchitectureSpec.defaults(Kind.DENSE, 12, 12)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("the model takes 8x8 images but the data set has 12x12");
        }
    }
}
