package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dilated residual network sees farther at the same weights count and cost; the gradients
 * are checked against the SameDiff graph in {@link DirectModelTest}.
 */
class DilatedNetworkTest {
    @TempDir Path dir;

    private static ArchitectureSpec residual(int layers, int dilation) {
        ArchitectureSpec s = new ArchitectureSpec(Kind.RESIDUAL, 48, 48, layers, 4, 4, ArchitectureSpec.Activation.LEAKY_RELU,
                ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM, 1e-3, 8, 0, 3);
        return s.withNetwork(s.network().withDilation(dilation));
    }

    @Test
    void theMiddleLayersTakeTheDilationWithTheSameWeights() {
        NetworkPlan plain = NetworkPlan.of(residual(8, 1));
        NetworkPlan dilated = NetworkPlan.of(residual(8, 3));
        assertThat(dilated.steps().stream().filter(NetworkPlan.Conv.class::isInstance)
                .map(c -> ((NetworkPlan.Conv) c).dilation())).containsExactly(1, 3, 3, 3, 3, 3, 3, 1);
        assertThat(dilated.parameterCount()).isEqualTo(plain.parameterCount());
        assertThat(plain.reach()).isEqualTo(8);
        assertThat(dilated.reach()).isEqualTo(20);
        assertThat(dilated.describe()).contains("conv 3x3 dilated 3 4 -> 4 + batch norm, leaky relu");
    }

    /**
     * One pixel changed in the middle of a flat page changes the output as far as the reach and no
     * farther: on whole phases (48 = 24 x 2) and on padded ones (47).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {48, 47})
    void anOutputPixelDependsOnInputsAsFarAsTheReachAndNoFarther(int side) {
        Engine.initialize();
        ArchitectureSpec spec = residual(6, 2);   // middle 2, 2, 2, 2: reach 1 + 8 + 1 = 10 (plain: 6)
        int c = side / 2;
        float[] flat = new float[side * side];
        java.util.Arrays.fill(flat, 0.5f);
        float[] poked = flat.clone();
        poked[c * side + c] = 0.9f;
        try (DenoisingModel m = Models.create(spec)) {
            float[] a = m.denoise(flat, 1, side, side);
            float[] b = m.denoise(poked, 1, side, side);
            int farthest = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (a[y * side + x] != b[y * side + x]) {
                        farthest = Math.max(farthest, Math.max(Math.abs(y - c), Math.abs(x - c)));
                    }
                }
            }
            int reach = NetworkPlan.of(spec).reach();
            assertThat(reach).isEqualTo(10);
            assertThat(farthest).as("farthest output pixel changed").isEqualTo(reach);
        }
    }

    @Test
    void aDilatedModelSavesAsFormat3AndOthersKeepTheirFormatAndFields() throws Exception {
        ArchitectureSpec spec = residual(5, 2).withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(spec));
        assertThat(json.get("dilation").asInt()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(residual(5, 1))).has("dilation"))
                .as("undilated specs are written as before").isFalse();
        Path file = dir.resolve("dilated.dae");
        try (DenoisingModel m = Models.create(spec)) {
            ModelStore.save(file, m, ModelInfo.of("pairs", "pages", 1, Map.of()));
        }
        SavedModel back = ModelStore.load(file);
        assertThat(back.model().spec()).isEqualTo(spec);
        assertThat(back.info().formatVersion()).as("older versions refuse a network they would run undilated").isEqualTo(3);
        back.model().close();
    }

    @Test
    void onlyAResidualNetworkTakesADilation() {
        ArchitectureSpec conv = ArchitectureSpec.defaults(Kind.CONV, 28, 28);
        assertThatThrownBy(() -> conv.network().withDilation(2)).hasMessageContaining("only a residual network takes a dilation");
        assertThatThrownBy(() -> residual(8, 9)).hasMessageContaining("dilation must be in 1..8");
    }
}
