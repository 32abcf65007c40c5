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
