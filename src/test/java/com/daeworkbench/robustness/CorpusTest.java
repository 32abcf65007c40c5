package com.daeworkbench.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.IdxDatasets;
import com.daeworkbench.core.data.ImageFolders;
import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed corpus of broken and odd files (src/test/resources/corpus, made by
 * make_corpus.py): odd-but-valid images decode to the gradient they hold, broken ones fail
 * with one line naming the file and the reason, never with anything else.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Arguments> validImages() {
        return Stream.of(
                Arguments.of("gray8.png", 0.002), Arguments.of("gray16.png", 0.002), Arguments.of("palette.png", 0.002),
                Arguments.of("rgb-alpha.png", 0.005), Arguments.of("rgb.jpg", 0.03), Arguments.of("gray.bmp", 0.005),
                Arguments.of("gray.gif", 0.005), Arguments.of("cmyk.jpg", 0.03), Arguments.of("two-pages.tif", 0.002), Arguments.of("página-ü.png", 0.002));
    }

    @ParameterizedTest
    @MethodSource("validImages")
    void oddButValidImagesDecodeToTheirPixels(String name, double tolerance) throws Exception {
        GrayImage img = ImageLoader.loadGray(CORPUS.resolve("valid").resolve(name));
        assertThat(img.width()).isEqualTo(24);
        assertThat(img.height()).isEqualTo(16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                assertThat((double) img.pixels()[y * 24 + x]).as("%s at (%d, %d)", name, x, y)
                        .isCloseTo((x * 10 + y) / 255.0, org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @Test
    void everyPageOfAMultiPageTiffCanBeRead() throws Exception {
        List<GrayImage> pages = ImageLoader.withPixelLimit(ImageLoader.DEFAULT_PIXEL_LIMIT).loadAllPages(CORPUS.resolve("valid/two-pages.tif"));
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).pixels()[0]).isCloseTo(1f, org.assertj.core.data.Offset.offset(0.002f));   // the inverted page
    }

    @Test
    void aOnePixelImageLoads() throws Exception {
        GrayImage img = ImageLoader.loadGray(CORPUS.resolve("valid/one-pixel.png"));
        assertThat(img.pixels()).containsExactly(128 / 255f);
    }

    static Stream<Arguments> brokenImages() {
        return Stream.of(
                Arguments.of("empty.png", "empty file"),
                Arguments.of("text-named.png", "not an image"),
                Arguments.of("truncated.png", "truncated or corrupt"),
                Arguments.of("truncated.jpg", "truncated or corrupt"),
                Arguments.of("bomb-60000x60000.png", "60000x60000"),
                // headers with nothing after them: read since WebP and PSD are supported, and refused as cut off
                Arguments.of("image.webp", "truncated or corrupt"),
                Arguments.of("layers.psd", "truncated or corrupt"));
    }

    @ParameterizedTest
    @MethodSource("brokenImages")
    void brokenImagesFailWithOneLineNamingTheFileAndTheReason(String name, String reason) {
        Path file = CORPUS.resolve("broken").resolve(name);
        assertThatThrownBy(() -> ImageLoader.loadGray(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void theBombIsRefusedFromItsHeaderBeforeAnyDecoding() {
        // 60000 x 60000 gray would need 3.6 GB decoded and 14 GB as floats: the test heap has 4 GB
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThatThrownBy(() -> ImageLoader.loadGray(CORPUS.resolve("broken/bomb-60000x60000.png")))
                .hasMessageContaining("over the limit");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(200L << 20);
    }

    @Test
    void anUnreadableFileIsNamedWithPermissionDenied(@TempDir Path tmp) throws Exception {
        Path file = Files.copy(CORPUS.resolve("valid/gray8.png"), tmp.resolve("locked.png"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");
        assertThatThrownBy(() -> ImageLoader.loadGray(file)).hasMessage("locked.png: cannot be read (permission denied)");
    }

    static Stream<Arguments> brokenIdx() {
        return Stream.of(Arguments.of("wrong-magic", "magic"), Arguments.of("short-data", "ends after"),
                Arguments.of("count-mismatch", "label"));
    }

    @ParameterizedTest
    @MethodSource("brokenIdx")
    void brokenIdxFilesFailClearly(String folder, String reason) {
        assertThatThrownBy(() -> IdxDatasets.load(CORPUS.resolve("idx").resolve(folder), folder))
                .isInstanceOf(DataException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains(reason).contains("idx"));
    }

    @Test
    void imageFoldersWithUnmatchedPairsOrTooFewImagesFailClearly() {
        Path folders = CORPUS.resolve("folders");
        assertThatThrownBy(() -> ImageFolders.load(folders.resolve("mismatched-names"), 8, 4, 1))
                .hasMessageContaining("no partner of the same name");
        assertThatThrownBy(() -> ImageFolders.load(folders.resolve("mismatched-sizes"), 8, 4, 1))
                .hasMessageContaining("24x16 but its clean partner is 28x16");
        assertThatThrownBy(() -> ImageFolders.load(folders.resolve("one-image"), 8, 4, 1))
                .hasMessageContaining("needs at least 2 images");
        assertThatThrownBy(() -> ImageFolders.load(folders.resolve("no-images"), 8, 4, 1))
                .isInstanceOf(DataException.class);
    }
}
