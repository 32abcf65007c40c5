package com.daeworkbench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.io.PageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code denoise} over scanned PDFs and multi-page TIFFs: what comes out, and what bad input leaves behind (nothing). */
class DenoiseFormatsTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");
    @TempDir static Path tmp;
    static Path model;

    @BeforeAll
    static void tinyModel() throws Exception {
        model = CliEndToEndTest.saveTinyModel(tmp);
    }

    static CliEndToEndTest.Run denoise(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("denoise", "--model", model.toString(), "--out", out.toString()));
        all.addAll(List.of(args));
        return CliEndToEndTest.run(all.toArray(String[]::new));
    }

    static List<PDRectangle> pageSizes(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<PDRectangle> sizes = new ArrayList<>();
            for (PDPage page : doc.getPages()) sizes.add(page.getMediaBox());
            return sizes;
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPdfComesBackAsAPdfWithTheSamePagesAndPageSizes() throws IOException {
        Path out = tmp.resolve("pdf-out");
        Path in = FORMATS.resolve("three-pages.pdf");
        CliEndToEndTest.Run r = denoise(out, in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("three-pages.pdf");
        List<PDRectangle> sizes = pageSizes(out.resolve("three-pages.pdf"));
        List<PDRectangle> expected = pageSizes(in);
        assertThat(sizes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(sizes.get(i).getWidth()).as("page %d width", i + 1).isEqualTo(expected.get(i).getWidth());
            assertThat(sizes.get(i).getHeight()).as("page %d height", i + 1).isEqualTo(expected.get(i).getHeight());
        }
        // read back at its own resolution, each page has the scan's pixel size
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(out.resolve("three-pages.pdf"))) {
            assertThat(pages.read(0).image().width()).isEqualTo(64);
            assertThat(pages.read(2).image().height()).isEqualTo(64);
        }
        assertThat(r.err()).contains("three-pages.pdf page 3/3 -> ");
    }

    @Test
    void blackAndWhitePdfPagesAreCcittG4() throws IOException {
        Path out = tmp.resolve("bw-out");
        CliEndToEndTest.Run r = denoise(out, "--bw", "sauvola", FORMATS.resolve("scan.pdf").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(out.resolve("scan.pdf").toFile())) {
            PDResources resources = doc.getPage(0).getResources();
            COSName name = resources.getXObjectNames().iterator().next();
            PDImageXObject image = (PDImageXObject) resources.getXObject(name);
            assertThat(image.getCOSObject().getNameAsString(COSName.FILTER)).isEqualTo("CCITTFaxDecode");
            assertThat(image.getBitsPerComponent()).isEqualTo(1);
        }
    }

    @Test
    void aMultiPageTiffComesBackAsAMultiPageTiffWhenAsked() throws IOException {
        Path out = tmp.resolve("tiff-out");
        CliEndToEndTest.Run r = denoise(out, "--format", "tiff", "--bw", "otsu", FORMATS.resolve("multipage.tif").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("multipage.tif");
        try (PageSource pages = ImageLoader.withPixelLimit(10_000).open(out.resolve("multipage.tif"))) {
            assertThat(pages.pageCount()).isEqualTo(3);
            for (float v : pages.read(1).image().pixels()) assertThat(v).isIn(0f, 1f);
        }
    }

    @Test
    void aPdfCanBeCleanedIntoOnePngAPage() throws IOException {
        Path out = tmp.resolve("png-out");
        CliEndToEndTest.Run r = denoise(out, "--format", "png", FORMATS.resolve("three-pages.pdf").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("three-pages-p1.png", "three-pages-p2.png", "three-pages-p3.png");
    }

    @Test
    void aTextPdfIsCleanedAt300DpiWithANote() throws IOException {
        Path out = tmp.resolve("text-out");
        CliEndToEndTest.Run r = denoise(out, FORMATS.resolve("text-only.pdf").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: text-only.pdf holds no scanned image").contains("300 dpi");
        assertThat(pageSizes(out.resolve("text-only.pdf"))).singleElement()
                .satisfies(size -> assertThat(size.getWidth()).isEqualTo(72f));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "encrypted.pdf | encrypted PDF: it needs a password",
            "corrupt.pdf   | corrupt PDF",
            "damaged-image.pdf | corrupt PDF, page 1 (its 64x48 image is damaged",
            "truncated.pdf | truncated PDF"})
    void aBadPdfGivesOneLineNamingItExitsOneAndLeavesNoFile(String name, String reason) throws IOException {
        Path out = tmp.resolve("bad-" + name);
        CliEndToEndTest.Run r = denoise(out, FORMATS.resolve(name).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList())
                .singleElement().satisfies(line -> assertThat(line).startsWith("error: " + name + ": " + reason));
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        // PDFBox's own repair warnings ("WARN COSParser - Object (1:0) at offset 9 does not end
        // with 'endobj'") and errors with stack traces would come before that one line, on System.err
        assertThat(org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox.pdfparser.COSParser").isWarnEnabled()).isFalse();
        assertThat(org.slf4j.LoggerFactory.getLogger("org.apache.pdfbox.contentstream.PDFStreamEngine").isErrorEnabled()).isFalse();
        assertThat(names(out)).as("no output, not even a temp file").isEmpty();
    }

    @Test
    void anUnknownFormatIsRefusedWithTheValidOnes() {
        CliEndToEndTest.Run r = denoise(tmp.resolve("x"), "--format", "jpeg", FORMATS.resolve("scan.pdf").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("'jpeg' is not one of: pdf, png, tiff");
    }
}
