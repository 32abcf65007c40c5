package com.daeworkbench.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page input is part of what a model file says; files from before it read as raw pages. */
class PageInputSpecTest {
    @TempDir Path dir;

    @Test
    void aSpecWithoutThePageInputFieldReadsAsRaw() throws Exception {
        ArchitectureSpec s = ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(s), Map.class);
        json.remove("pageInput");
        ArchitectureSpec back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(json), ArchitectureSpec.class);
        assertThat(back.pageInput()).isEqualTo(ArchitectureSpec.PageInput.RAW);
        assertThat(back).isEqualTo(s);
    }

    @Test
    void aPaperDividedModelSavesAsFormat2AndLoadsWithItsPageInput() throws Exception {
        ArchitectureSpec s = new ArchitectureSpec(ArchitectureSpec.Kind.RESIDUAL, 64, 64, 3, 4, 4,
                ArchitectureSpec.Activation.RELU, ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM, 1e-3, 8, 0, 1)
                .withPageInput(ArchitectureSpec.PageInput.PAPER_DIVIDED);
        Path divided = dir.resolve("divided.dae");
        Path raw = dir.resolve("raw.dae");
        try (DenoisingModel m = Models.create(s)) {
            ModelStore.save(divided, m, ModelInfo.of("pairs", "pages", 1, Map.of()));
        }
        try (DenoisingModel m = Models.create(s.withPageInput(ArchitectureSpec.PageInput.RAW))) {
            ModelStore.save(raw, m, ModelInfo.of("pairs", "pages", 1, Map.of()));
        }
        SavedModel d = ModelStore.load(divided);
        assertThat(d.model().spec().pageInput()).isEqualTo(ArchitectureSpec.PageInput.PAPER_DIVIDED);
        assertThat(d.info().formatVersion()).isEqualTo(2);
        d.model().close();
        SavedModel r = ModelStore.load(raw);
        assertThat(r.model().spec().pageInput()).isEqualTo(ArchitectureSpec.PageInput.RAW);
        assertThat(r.info().formatVersion()).as("raw models stay readable by older versions").isEqualTo(1);
        r.model().close();
    }

    @Test
    void aFormatNewerThanThisVersionIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("future.dae");
        try (DenoisingModel m = Models.create(ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 64, 64))) {
            ModelStore.save(file, m, ModelInfo.of("pairs", "pages", 1, Map.of()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("info.json")) {
                    b = new String(b, java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\" : " + (ModelStore.FORMAT_VERSION + 1))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
        Files.write(file, bytes.toByteArray());
        assertThatThrownBy(() -> ModelStore.load(file)).hasMessageContaining("future.dae").hasMessageContaining("not supported");
    }
}
