package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A PDF or TIFF of cleaned pages appears whole or not at all. */
class DocumentWriterTest {
    @TempDir Path dir;

    static Page page(float value) {
        float[] px = new float[32 * 24];
        java.util.Arrays.fill(px, value);
        return new Page(new GrayImage(32, 24, px), PageSize.ofPixels(32, 24, 300), true);
    }

    @ParameterizedTest
    @CsvSource({"PDF, false", "PDF, true", "TIFF, false", "TIFF, true"})
    void aFailureOnALatePageLeavesNoFileAndKeepsAnOldOne(PageFormat format, boolean blackAndWhite) throws IOException {
        Path target = dir.resolve("out." + format.extension());
        PageSupplier failsOnPage3 = i -> {
            if (i == 2) throw new DataException(Path.of("in.pdf"), "corrupt PDF, page 3");
            return page(0.8f);
        };
        assertThatThrownBy(() -> DocumentWriter.write(target, format, 5, failsOnPage3, blackAndWhite)).hasMessage("in.pdf: corrupt PDF, page 3");
        assertThat(files()).as("no partial document, no temp file").isEmpty();

        DocumentWriter.write(target, format, 2, i -> page(i), blackAndWhite);
        byte[] complete = Files.readAllBytes(target);
        assertThatThrownBy(() -> DocumentWriter.write(target, format, 5, failsOnPage3, blackAndWhite)).isInstanceOf(DataException.class);
        assertThat(target).as("the earlier output is kept whole").hasBinaryContent(complete);
        assertThat(files()).containsExactly(target.getFileName().toString());
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(target)) {
            assertThat(pages.pageCount()).isEqualTo(2);
            assertThat(pages.read(1).image().pixels()[0]).isEqualTo(1f);
            assertThat(pages.read(0).image().pixels()[0]).isEqualTo(0f);
        }
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
