package com.daeworkbench.core.infer;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.model.DenoisingModel;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model that ships: it cleans generated pages and a real scan it never saw. */
class BundledDocumentModelTest {
    static DenoisingModel model;

    @BeforeAll
    static void load() throws Exception {
        assertThat(DocumentModel.isBundled()).as("assets/models/documents.dae is bundled").isTrue();
        model = DocumentModel.loadBundled().model();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void isSmallEnoughToShipAndFullyConvolutional() {
        assertThat(model.spec().fullyConvolutional()).isTrue();
        assertThat(DocumentModel.class.getResource(DocumentModel.RESOURCE)).isNotNull();
        assertThat(model.parameterCount()).isLessThan(500_000);
    }

    @Test
    void cleansHeldOutGeneratedPagesFarBetterThanEveryBaseline() throws Exception {
        PageEvaluation.Report report = PageEvaluation.evaluate(new TiledDenoiser(model), Path.of("sample-images/documents"), () -> false);
        double net = report.overall(PageEvaluation.MODEL);
        assertThat(net).isLessThan(0.5 * report.overall(PageEvaluation.DIRTY));
        assertThat(net).isLessThan(report.overall(PageEvaluation.MEDIAN));
        assertThat(net).isLessThan(report.overall(PageEvaluation.BACKGROUND));
    }

    private static double rmse(float[] a, float[] b) {
        double sq = 0;
        for (int i = 0; i < a.length; i++) sq += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sq / a.length);
    }

    /**
     * A clean page (the generator's target, at Kaggle's and at A4's resolution) comes back as it went in:
     * issue 14's goal, RMSE against itself below 0.01 (the model before clean pages made 40 % of its
     * training set left gray ink and stroke edges darker: 0.019 on held-out clean pages).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(floats = {110f, 300f})
    void aCleanPageStaysClean(float dpi) {
        var settings = com.daeworkbench.core.data.DocumentGenerator.Settings.defaults().withSize(433, 371).withDpi(dpi);
        var page = new com.daeworkbench.core.data.DocumentGenerator(settings).generate(9001);
        float[] out = new TiledDenoiser(model).denoise(page.clean(), 371, 433);
        double e = rmse(out, page.clean());
        System.out.printf("clean page at %.0f dpi: RMSE %.4f against itself%n", dpi, e);
        assertThat(e).isLessThan(0.01);
    }

    /**
     * A real clean scan, not made by us (the Tesseract project's flatbed scan), comes back as it
     * went in: its ink neither lightened nor darkened, its paper left white (issue 14: RMSE
     * against itself below 0.01; the model trained on perfect-print targets made it 0.0125).
     */
    @Test
    void aRealCleanScanStaysClean() throws Exception {
        GrayImage scan = ImageLoader.loadGray(Path.of("sample-images/real/hebtypo-scan.jpg"));
        float[] out = new TiledDenoiser(model).denoise(scan.pixels(), scan.height(), scan.width());
        double e = rmse(out, scan.pixels());
        System.out.printf("real clean scan: RMSE %.4f against itself%n", e);
        assertThat(e).isLessThan(0.01);
    }

    /**
     * Dirty pages generated now, with seeds no training run used: together well below background
     * removal (issue 14's 0.8x), cleaner than it on all but two of twelve pages, and never far
     * above it. Not on every page: a thin typewriter or light face never reaches black at 110 dpi
     * in the truth, and the network, taught that cleaned ink is black (decision 0010), darkens it
     * (on these twelve the 8-layer model 507bf06 lost 2, the 12-layer one of b0985a6 1, with two
     * near-ties among its wins: docs/bench/2026-12-04-latin-110dpi.txt section 7; the bundled one,
     * trained on watermarks too, 2, one of them by 0.0001: docs/bench/2026-12-05-watermarks.txt).
     */
    @Test
    void freshlyGeneratedDirtyPagesComeOutCleanerThanBackgroundRemoval() {
        var gen = new com.daeworkbench.core.data.DocumentGenerator(com.daeworkbench.core.data.DocumentGenerator.Settings.defaults());
        double modelSum = 0, backgroundSum = 0;
        int cleaner = 0;
        for (long seed = 31_337; seed < 31_349; seed++) {
            var page = gen.generate(seed);
            int h = page.height(), w = page.width();
            float[] out = new TiledDenoiser(model).denoise(page.dirty(), h, w);
            double m = rmse(out, page.clean());
            double b = rmse(PageEvaluation.backgroundRemoval(page.dirty(), h, w), page.clean());
            System.out.printf("page %d: model %.4f, background removal %.4f%n", seed, m, b);
            assertThat(m).as("page " + seed).isLessThan(1.25 * b);
            if (m < b) cleaner++;
            modelSum += m;
            backgroundSum += b;
        }
        assertThat(cleaner).as("pages cleaner than background removal, of 12").isGreaterThanOrEqualTo(10);
        assertThat(modelSum).isLessThan(0.8 * backgroundSum);
    }

    /**
     * Issue 14: text strokes kept, no broken letters, no filled counters. On fresh dirty pages
     * (seeds no training used) nearly every pixel of the clean page's ink stays dark, and nearly
     * every pixel of paper beside the ink (counters, gaps between letters) stays light. A model
     * that thins strokes breaks letters and fails the first bound; one that thickens them or
     * leaves dirt between strokes fills counters and fails the second (the model's output grown
     * by one pixel keeps 0.33-0.79 of that paper light; shrunk by one pixel, 0-0.53 of the ink dark;
     * the bundled model 0.998-1 of both).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(floats = {110f, 300f})
    void keepsEveryStrokeAndLeavesCountersOpen(float dpi) {
        var settings = com.daeworkbench.core.data.DocumentGenerator.Settings.defaults().withSize(540, 420).withDpi(dpi);
        var gen = new com.daeworkbench.core.data.DocumentGenerator(settings);
        for (long seed = 41_000; seed < 41_003; seed++) {
            assertStrokesKept(gen.generate(seed), "page " + seed + " at " + dpi + " dpi");
        }
    }

    /** The same on real text no training saw (sample-images/real), soiled by the generator at the scan's resolution. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"hebtypo-scan.jpg, 200", "unlv-8087_054.tif, 300"})
    void keepsTheStrokesOfRealTextToo(String name, float dpi) throws Exception {
        GrayImage scan = ImageLoader.loadGray(Path.of("sample-images/real").resolve(name));
        var settings = com.daeworkbench.core.data.DocumentGenerator.Settings.defaults().withSize(540, 420).withDpi(dpi);
        var gen = new com.daeworkbench.core.data.DocumentGenerator(settings);
        for (long seed = 42_000; seed < 42_003; seed++) {
            assertStrokesKept(gen.soil(scan, seed), name + " soiled with seed " + seed);
        }
    }

    private static void assertStrokesKept(com.daeworkbench.core.data.DocumentPair page, String label) {
        int h = page.height(), w = page.width();
        float[] truth = page.clean();
        float[] out = new TiledDenoiser(model).denoise(page.dirty(), h, w);
        int ink = 0, inkKept = 0, beside = 0, besideOpen = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (truth[i] < 0.25f) {
                    ink++;
                    if (out[i] < 0.5f) inkKept++;
                } else if (truth[i] > 0.9f && inkWithin(truth, h, w, y, x, 2)) {
                    beside++;
                    if (out[i] > 0.5f) besideOpen++;
                }
            }
        }
        double strokes = inkKept / (double) ink, counters = besideOpen / (double) beside;
        System.out.printf("%s: %.4f of ink kept dark, %.4f of paper beside it kept light%n", label, strokes, counters);
        assertThat(strokes).as("ink kept, " + label).isGreaterThan(0.99);
        assertThat(counters).as("paper beside the ink kept, " + label).isGreaterThan(0.99);
    }

    private static boolean inkWithin(float[] img, int h, int w, int y, int x, int r) {
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                if (img[yy * w + xx] < 0.25f) return true;
            }
        }
        return false;
    }

    /** Any page size: one pixel, thin strips, odd sizes around the tile size. */
    @Test
    void runsOnPagesOfAnySize() {
        for (int[] hw : new int[][] {{1, 1}, {2, 3}, {5, 300}, {300, 7}, {255, 257}, {263, 519}}) {
            int h = hw[0], w = hw[1];
            float[] img = new float[h * w];
            for (int i = 0; i < img.length; i++) img[i] = i % 11 == 0 ? 0.1f : 0.85f;
            float[] out = new TiledDenoiser(model).denoise(img, h, w);
            assertThat(out).as(h + "x" + w).hasSize(h * w);
            for (float v : out) assertThat(v).as(h + "x" + w).isBetween(0f, 1f);
        }
    }

    /** Pages not made by us: a flatbed scan and a photographed page with dark corners. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hebtypo-scan.jpg", "skimage-page.png"})
    void whitensThePaperOfARealPageAndKeepsItsInk(String name) throws Exception {
        GrayImage scan = ImageLoader.loadGray(Path.of("sample-images/real").resolve(name));
        float[] out = new TiledDenoiser(model).denoise(scan.pixels(), scan.height(), scan.width());
        assertThat(out).hasSize(scan.pixels().length);
        float[] sorted = scan.pixels().clone();
        Arrays.sort(sorted);
        float paperLevel = sorted[sorted.length / 2];   // more than half of a text page is paper
        float inkLevel = sorted[sorted.length / 50];     // its darkest 2% is ink
        double paperBefore = 0, paperAfter = 0, inkAfter = 0;
        int paper = 0, ink = 0;
        for (int i = 0; i < out.length; i++) {
            if (scan.pixels()[i] >= paperLevel) {
                paperBefore += scan.pixels()[i];
                paperAfter += out[i];
                paper++;
            } else if (scan.pixels()[i] <= inkLevel) {
                inkAfter += out[i];
                ink++;
            }
        }
        System.out.printf("%s: paper %.3f -> %.3f, ink %.3f%n", name, paperBefore / paper, paperAfter / paper, inkAfter / ink);
        assertThat(paperAfter / paper).as("paper after").isGreaterThan(0.97).isGreaterThan(paperBefore / paper - 0.005);
        assertThat(inkAfter / ink).as("ink after").isLessThan(0.4);
    }
}
