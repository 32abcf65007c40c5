package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir Path dir;

    static ArchitectureSpec spec() {
        ArchitectureSpec d = ArchitectureSpec.defaults(ArchitectureSpec.Kind.RESIDUAL, 12, 12);
        return new ArchitectureSpec(d.kind(), 12, 12, 3, 6, 6, d.activation(), d.loss(), d.optimizer(), 1e-3, 8, 0, 5);
    }

    @Test
    void saveAndLoadGiveIdenticalOutputsAndKeepTheInfo() throws IOException {
        float[] x = new float[2 * 144];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7) / 7f;
        Path file = dir.resolve("my model (1).dae");
        try (DenoisingModel m = Models.create(spec())) {
            for (int i = 0; i < 3; i++) m.fit(x, x, 2);
            ModelStore.save(file, m, ModelInfo.of("gaussian:0.5", "digits", 3, Map.of("psnr_validation", 21.5)));
            SavedModel back = ModelStore.load(file);
            assertThat(back.model().spec()).isEqualTo(m.spec());
            assertThat(back.info().corruption()).isEqualTo("gaussian:0.5");
            assertThat(back.info().metrics()).containsEntry("psnr_validation", 21.5);
            assertThat(back.model().denoise(x, 2, 12, 12)).containsExactly(m.denoise(x, 2, 12, 12));
        }
    }

    @Test
    void damagedFilesGiveClearErrors() throws IOException {
        Path file = dir.resolve("m.dae");
        try (DenoisingModel m = Models.create(spec())) {
            ModelStore.save(file, m, ModelInfo.of("gaussian:0.5", "digits", 1, Map.of()));
        }
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.dae"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelStore.load(cut)).isInstanceOf(ModelStore.ModelFileException.class).hasMessageStartingWith("cut.dae: ");
        Path text = Files.writeString(dir.resolve("text.dae"), "not a zip at all");
        assertThatThrownBy(() -> ModelStore.load(text)).hasMessageStartingWith("text.dae: ");
        String json = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(json).contains("info.json");
    }

    @Test
    void aNewerFormatVersionIsRefusedWithTheSupportedRange() throws IOException {
        Path file = dir.resolve("future.dae");
        try (DenoisingModel m = Models.create(spec())) {
            byte[] specJson = Json.MAPPER.writeValueAsBytes(m.spec());
            byte[] info = Json.MAPPER.writeValueAsBytes(new ModelInfo(99, "gaussian:0.5", "digits", 1, Map.of(), "now"));
            try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                for (var e : Map.of("spec.json", specJson, "info.json", info, "weights.nd4j", m.toBytes()).entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        }
        assertThatThrownBy(() -> ModelStore.load(file)).hasMessageContaining("format version 99 is not supported");
    }
}
