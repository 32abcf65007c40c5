package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Train tab's "Start from the bundled document model": its weights under the tab's settings, grown when asked for more layers. */
class DocumentModelFineTuneTest {
    private static final int H = 48, W = 40;

    private static float[] page() {
        float[] p = new float[H * W];
        for (int i = 0; i < p.length; i++) p[i] = (i / W % 9 < 2 || i % W % 11 == 0) ? 0.15f : 0.9f;
        return p;
    }

    /** The tab's settings for a run: the bundled network with its own learning rate and seed. */
    private static ArchitectureSpec settings(ArchitectureSpec bundled, int layers, int width) {
        return new ArchitectureSpec(new com.daeworkbench.core.model.Network(bundled.kind(), 64, 64, layers, width, bundled.bottleneck(),
                bundled.activation(), bundled.loss(), bundled.pageInput()), new com.daeworkbench.core.model.TrainingConfig(
                ArchitectureSpec.Optimizer.ADAM, 3e-4, 8, 0, 5));
    }

    @Test
    void startsFromTheBundledWeightsAndGrowsWhenAskedForMoreLayers() throws Exception {
        try (DenoisingModel bundled = DocumentModel.loadBundled().model()) {
            ArchitectureSpec b = bundled.spec();
            float[] expected = bundled.denoise(page(), 1, H, W);
            try (DenoisingModel same = DocumentModel.fineTunable(settings(b, b.layers(), b.width()))) {
                assertThat(same.spec().learningRate()).isEqualTo(3e-4);
                assertThat(same.denoise(page(), 1, H, W)).containsExactly(expected);
            }
            try (DenoisingModel grown = DocumentModel.fineTunable(settings(b, b.layers() + 2, b.width()))) {
                assertThat(grown.spec().layers()).isEqualTo(b.layers() + 2);
                float[] out = grown.denoise(page(), 1, H, W);
                for (int i = 0; i < out.length; i++) assertThat(out[i]).as("pixel %d", i).isCloseTo(expected[i], Offset.offset(1e-5f));
            }
            assertThatThrownBy(() -> DocumentModel.fineTunable(settings(b, b.layers(), b.width() * 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fine-tuning keeps the bundled model's architecture")
                    .hasMessageContaining("more layers grow it");
            assertThatThrownBy(() -> DocumentModel.fineTunable(settings(b, b.layers() - 1, b.width())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
