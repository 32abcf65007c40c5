package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.CorruptionSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DreamChainTest {
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
    void theChainKeepsEveryStepAndReportsEachOne() throws Exception {
        int s = TinyModels.SIDE;
        float[] start = DreamChain.noise(2, s, s, 4);
        List<Integer> seen = new ArrayList<>();
        DreamChain.Chain chain = DreamChain.run(model, CorruptionSpec.parse("gaussian:0.2"), start, 2, s, s, 6, 1,
                (step, images) -> seen.add(step));
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(chain.steps()).isEqualTo(6);
        assertThat(chain.frames()).hasSize(7);
        assertThat(chain.frames().get(0)).containsExactly(start);
        for (float[] frame : chain.frames()) {
            assertThat(frame).hasSize(2 * s * s);
            for (float v : frame) assertThat(v).isBetween(0f, 1f);
        }
        assertThat(chain.image(6, 1)).hasSize(s * s);
        // the walk moves away from uniform noise towards the smooth blobs the model learnt: far less total variation
        assertThat(variation(chain.image(6, 0))).isLessThan(variation(chain.image(0, 0)) * 0.6);
        // the same seed gives the same chain
        DreamChain.Chain again = DreamChain.run(model, CorruptionSpec.parse("gaussian:0.2"), start, 2, s, s, 6, 1, null);
        assertThat(again.frames().get(6)).containsExactly(chain.frames().get(6));
    }

    @Test
    void anInterruptStopsTheChainBetweenSteps() {
        int s = TinyModels.SIDE;
        List<Integer> seen = new ArrayList<>();
        try {
            assertThatThrownBy(() -> DreamChain.run(model, null, DreamChain.noise(1, s, s, 1), 1, s, s, 50, 1, (step, images) -> {
                seen.add(step);
                if (step == 3) Thread.currentThread().interrupt();
            })).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(seen).containsExactly(1, 2, 3);
    }

    private static double variation(float[] image) {
        int s = TinyModels.SIDE;
        double v = 0;
        for (int y = 0; y < s; y++) {
            for (int x = 1; x < s; x++) v += Math.abs(image[y * s + x] - image[y * s + x - 1]);
        }
        return v;
    }
}
