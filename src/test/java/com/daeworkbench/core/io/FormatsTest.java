package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scanner formats written by other software (src/test/resources/formats, made by
 * make_formats.sh with netpbm, libwebp, libtiff, ImageMagick, img2pdf and qpdf) decode to the
 * pixels of the PNG they were made from.
 */
class FormatsTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");

    static GrayImage source() throws IOException {
        return ImageLoader.loadGray(FORMATS.resolve("source.png"));
    }

    static GrayImage map(GrayImage img, UnaryOperator<Float> f) {
        float[] px = new float[img.pixels().length];
        for (int i = 0; i < px.length; i++) px[i] = f.apply(img.pixels()[i]);
        return new GrayImage(img.width(), img.height(), px);
    }

    static GrayImage blackAndWhite(GrayImage img) {
        return map(img, v -> v > 0.5f ? 1f : 0f);
    }

    /** As netpbm's pamflip -r90 turns it: a quarter turn counterclockwise. */
    static GrayImage turnedLeft(GrayImage img) {
        int w = img.width(), h = img.height();
        float[] px = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[(w - 1 - x) * h + y] = img.pixels()[y * w + x];
        return new GrayImage(h, w, px);
    }

    /** Same size, every pixel within {@code maxError}, and on average within {@code meanError}. */
    static void assertSamePixels(String what, GrayImage actual, GrayImage expected, double maxError, double meanError) {
        assertThat(actual.width()).as(what + " width").isEqualTo(expected.width());
        assertThat(actual.height()).as(what + " height").isEqualTo(expected.height());
        double max = 0, sum = 0;
        for (int i = 0; i < actual.pixels().length; i++) {
            double d = Math.abs(actual.pixels()[i] - expected.pixels()[i]);
            max = Math.max(max, d);
            sum += d;
        }
        assertThat(max).as(what + " largest pixel error").isLessThanOrEqualTo(maxError);
        assertThat(sum / actual.pixels().length).as(what + " mean pixel error").isLessThanOrEqualTo(meanError);
    }

    @ParameterizedTest
    @CsvSource({
            "gray.pgm, 0.002, 0.001", "gray.pam, 0.002, 0.001", "colour.ppm, 0.002, 0.001",
            "lossless.webp, 0.002, 0.001", "lossy.webp, 0.15, 0.02", "flat.psd, 0.002, 0.001",
            "lzw.tif, 0.002, 0.001", "jpeg.tif, 0.15, 0.02", "scan.pdf, 0.002, 0.001"})
    void eachGrayFormatDecodesToTheSourcePixels(String name, double maxError, double meanError) throws IOException {
        assertSamePixels(name, ImageLoader.loadGray(FORMATS.resolve(name)), source(), maxError, meanError);
    }

    @ParameterizedTest
    @CsvSource({"bw.pbm", "g3.tif", "g4.tif"})
    void blackAndWhiteFormatsDecodeToTheThresholdedSource(String name) throws IOException {
        assertSamePixels(name, ImageLoader.loadGray(FORMATS.resolve(name)), blackAndWhite(source()), 0, 0);
    }

    @Test
    void everyPageOfAMultiPageTiffIsRead() throws IOException {
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(FORMATS.resolve("multipage.tif"))) {
            assertThat(pages.pageCount()).isEqualTo(3);
            assertSamePixels("page 1", pages.read(0).image(), source(), 0.002, 0.001);
            assertSamePixels("page 2", pages.read(1).image(), map(source(), v -> 1 - v), 0.002, 0.001);
            assertSamePixels("page 3", pages.read(2).image(), blackAndWhite(source()), 0, 0);
        }
    }

    @Test
    void pdfPagesRenderAtTheirScanResolutionAndKeepTheirSize() throws IOException {
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(FORMATS.resolve("three-pages.pdf"))) {
            assertThat(pages.pageCount()).isEqualTo(3);
            Page p1 = pages.read(0), p2 = pages.read(1), p3 = pages.read(2);
            assertSamePixels("150 dpi PNG page", p1.image(), source(), 0.002, 0.001);
            assertSamePixels("200 dpi JPEG page", p2.image(), map(source(), v -> 1 - v), 0.15, 0.02);
            assertSamePixels("100 dpi portrait page", p3.image(), turnedLeft(source()), 0.002, 0.001);
            assertThat(p1.size()).isEqualTo(new PageSize(30.72f, 23.04f));
            assertThat(p2.size()).isEqualTo(new PageSize(23.04f, 17.28f));
            assertThat(p3.size()).isEqualTo(new PageSize(34.56f, 46.08f));
            assertThat(p1.fromScan()).isTrue();
        }
    }

    @Test
    void aTextPdfWithoutAScanRendersAt300Dpi() throws IOException {
        try (PageSource pages = ImageLoader.withPixelLimit(1_000_000).open(FORMATS.resolve("text-only.pdf"))) {
            Page page = pages.read(0);
            assertThat(page.fromScan()).isFalse();
            assertThat(page.image().width()).isEqualTo(300);   // 72 pt = 1 inch
            assertThat(page.image().height()).isEqualTo(150);
            float darkest = 1;
            for (float v : page.image().pixels()) darkest = Math.min(darkest, v);
            assertThat(darkest).as("the text is drawn").isLessThan(0.3f);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "encrypted.pdf | encrypted PDF: it needs a password",
            "truncated.pdf | truncated PDF",
            "corrupt.pdf   | corrupt PDF",
            "damaged-image.pdf | corrupt PDF, page 1 (its 64x48 image is damaged",
            "jpeg2000.pdf | page 1 holds an image this app cannot decode"})
    void badPdfsFailWithOneLineNamingTheFile(String name, String reason) {
        assertThatThrownBy(() -> ImageLoader.loadGray(FORMATS.resolve(name)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(name + ": " + reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void aPdfPageOverThePixelLimitIsRefusedBeforeRendering() {
        // 64x48 = 3072 pixels at the scan's 150 dpi
        assertThatThrownBy(() -> ImageLoader.withPixelLimit(3000).load(FORMATS.resolve("scan.pdf")))
                .isInstanceOf(DataException.class)
                .hasMessage("scan.pdf: page 1 at 150 dpi would be 64x48 = 3,072 pixels, over the limit of 3,000");
    }

    @Test
    void aLongPdfIsWrittenAndReadPageByPage(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("long.pdf");
        int count = 500;
        GrayImage source = source();
        PageSize at100Dpi = PageSize.ofPixels(64, 48, 100);
        DocumentWriter.writePdf(pdf, count, i -> new Page(source, at100Dpi, true), false);
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(pdf)) {
            assertThat(pages.pageCount()).isEqualTo(count);
            for (int i = 0; i < count; i++) assertThat(pages.read(i).image().width()).isEqualTo(64);
            assertSamePixels("the last page", pages.read(count - 1).image(), source, 0.002, 0.001);
        }
        assertThat(Files.size(pdf)).isLessThan(1 << 20);
    }
}
