package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The spec is two halves in code and one flat object in files, as every file since 0.1.0 has it. */
class ArchitectureSpecJsonTest {

    @Test
    void aSpecIsWrittenFlatAndReadBackEqual() throws Exception {
        ArchitectureSpec spec = ArchitectureSpec.defaults(Kind.RESIDUAL, 64, 48).withSeed(7)
                .withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(spec));
        assertThat(json.has("network")).isFalse();
        assertThat(json.get("kind").asText()).isEqualTo("RESIDUAL");
        assertThat(json.get("learningRate").asDouble()).isEqualTo(1e-3);
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("pageInput").asText()).isEqualTo("PAPER_DIVIDED");
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(spec), ArchitectureSpec.class)).isEqualTo(spec);
    }

    @Test
    void aFileFromBeforePageInputsReadsAsRawInTheTwoHalves() throws Exception {
        String old = "{\"kind\":\"DENSE\",\"inputHeight\":28,\"inputWidth\":28,\"layers\":2,\"width\":256,\"bottleneck\":64,"
                + "\"activation\":\"RELU\",\"loss\":\"BCE\",\"optimizer\":\"ADAM\",\"learningRate\":0.001,\"batchSize\":128,"
                + "\"weightDecay\":0.0,\"seed\":1}";
        ArchitectureSpec spec = Json.MAPPER.readValue(old, ArchitectureSpec.class);
        assertThat(spec.network()).isEqualTo(new Network(Kind.DENSE, 28, 28, 2, 256, 64, ArchitectureSpec.Activation.RELU,
                ArchitectureSpec.Loss.BCE, ArchitectureSpec.PageInput.RAW));
        assertThat(spec.training()).isEqualTo(new TrainingConfig(ArchitectureSpec.Optimizer.ADAM, 1e-3, 128, 0, 1));
    }
}
