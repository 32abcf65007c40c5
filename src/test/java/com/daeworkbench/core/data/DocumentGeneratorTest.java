package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.data.DocumentGenerator.Degradation;
import com.daeworkbench.core.data.DocumentGenerator.Settings;
import com.daeworkbench.core.io.GrayImage;
import org.junit.jupiter.api.Test;

class DocumentGeneratorTest {

    private static final DocumentGenerator KAGGLE = new DocumentGenerator(Settings.defaults());

    @Test
    void sameSeedGivesIdenticalPixels() {
        DocumentPair a = KAGGLE.generate(7);
        DocumentPair b = new DocumentGenerator(Settings.defaults()).generate(7);
        assertThat(a.clean()).containsExactly(b.clean());
        assertThat(a.dirty()).containsExactly(b.dirty());
    }

    @Test
    void differentSeedsGiveDifferentPages() {
        DocumentPair a = KAGGLE.generate(1);
        DocumentPair b = KAGGLE.generate(2);
        assertThat(a.clean()).isNotEqualTo(b.clean());
        assertThat(a.dirty()).isNotEqualTo(b.dirty());
    }

    @Test
    void pagesHaveTheRequestedSizeAndRange() {
        DocumentPair p = new DocumentGenerator(Settings.defaults().withSize(300, 200)).generate(3);
        assertThat(p.width()).isEqualTo(300);
        assertThat(p.height()).isEqualTo(200);
        assertThat(p.clean()).hasSize(300 * 200);
        for (float v : p.dirty()) assertThat(v).isBetween(0f, 1f);
        for (float v : p.clean()) assertThat(v).isBetween(0f, 1f);
    }

    @Test
    void cleanPageIsMostlyWhiteWithSomeDarkText() {
        for (long seed = 1; seed <= 8; seed++) {
            float[] c = KAGGLE.generate(seed).clean();
            double white = fraction(c, v -> v >= 0.99f);
            double dark = fraction(c, v -> v < 0.5f);
            assertThat(white).as("white fraction, seed %d", seed).isGreaterThan(0.7);
            assertThat(dark).as("dark fraction, seed %d", seed).isBetween(0.01, 0.3);
        }
    }

    @Test
    void dirtyPageDiffersFromCleanAndHasADarkerBackground() {
        for (long seed = 1; seed <= 8; seed++) {
            DocumentPair p = KAGGLE.generate(seed);
            assertThat(p.rmse()).as("rmse, seed %d", seed).isGreaterThan(0.03);
            double cleanBg = 0;
            double dirtyBg = 0;
            int n = 0;
            for (int i = 0; i < p.clean().length; i++) {
                if (p.clean()[i] >= 0.99f) {
                    cleanBg += p.clean()[i];
                    dirtyBg += p.dirty()[i];
                    n++;
                }
            }
            assertThat(dirtyBg / n).as("dirty background, seed %d", seed).isLessThan(cleanBg / n - 0.03);
        }
    }

    @Test
    void textOfTheCleanPageIsWhereTheDirtyPageIsDark() {
        for (long seed = 1; seed <= 8; seed++) {
            DocumentPair p = KAGGLE.generate(seed);
            double aligned = localContrast(p, 0);
            double shifted = localContrast(p, 3);
            // text pixels are darker than their 9x9 neighbourhood in the dirty page...
            assertThat(aligned).as("contrast, seed %d", seed).isGreaterThan(0.05);
            // ...and clearly less so when the clean mask is moved by 3 pixels
            assertThat(aligned).as("aligned vs shifted, seed %d", seed).isGreaterThan(shifted + 0.03);
        }
    }

    @Test
    void noDamageLeavesTheStrokesAndOnlyTheToneOfTheInkDiffers() {
        // the target is the same scan without the dirt, in black ink: with no dirt, the dirty page
        // is the clean one in its own toner (black to dark gray), stroke for stroke
        DocumentGenerator g = new DocumentGenerator(Settings.defaults().withDegradation(Degradation.none()));
        for (long seed = 5; seed < 11; seed++) {
            DocumentPair p = g.generate(seed);
            InkRatio ratio = inkRatio(p, 1f);
            assertThat(ratio.lightest()).as("lightest ink, seed %d", seed).isBetween(0.79, 1.001);
            assertThat(ratio.spread()).as("one toner for the page, seed %d", seed).isLessThan(0.03);
            assertThat(fraction(p.clean(), v -> v < 0.5f)).isGreaterThan(0.01);
            assertThat(fraction(p.clean(), v -> v < 0.05f)).as("black ink in the target").isGreaterThan(0.001);
        }
    }

    @Test
    void inkGainThickensTheStrokesOfHalfThePagesAndMovesNothingElse() {
        DocumentGenerator plain = new DocumentGenerator(Settings.defaults());
        DocumentGenerator spread = new DocumentGenerator(Settings.defaults().withInkGain(1.5f));
        int bolder = 0;
        for (long seed = 40; seed < 60; seed++) {
            DocumentPair a = plain.generate(seed);
            DocumentPair b = spread.generate(seed);
            boolean same = java.util.Arrays.equals(a.clean(), b.clean());
            if (same) {
                assertThat(b.dirty()).as("a page without spread keeps its dirt, seed %d", seed).isEqualTo(a.dirty());
                continue;
            }
            bolder++;
            for (int i = 0; i < a.clean().length; i++) {
                // the same strokes in the same places, only darker at their edges: paper stays paper
                // (a faint blur tail may round one gray level down)
                assertThat(b.clean()[i]).as("seed %d pixel %d", seed, i).isLessThanOrEqualTo(a.clean()[i]);
                if (a.clean()[i] == 1f) assertThat(b.clean()[i]).isGreaterThanOrEqualTo(254f / 255);
            }
            assertThat(inkMass(b.clean())).as("seed %d", seed).isGreaterThan(inkMass(a.clean()) * 1.02);
        }
        assertThat(bolder).as("pages with spread ink, of 20").isBetween(5, 15);
    }

    @Test
    void watermarksDarkenAShareOfTheDirtyPagesAndNeverTheTarget() {
        DocumentGenerator plain = new DocumentGenerator(Settings.defaults());
        DocumentGenerator marked = new DocumentGenerator(Settings.defaults().withWatermarkShare(0.5f));
        int withMark = 0;
        for (long seed = 40; seed < 60; seed++) {
            DocumentPair a = plain.generate(seed);
            DocumentPair b = marked.generate(seed);
            assertThat(b.clean()).as("the target has no watermark, seed %d", seed).isEqualTo(a.clean());
            if (java.util.Arrays.equals(a.dirty(), b.dirty())) continue;
            withMark++;
            // a big word darkens a large area and lightens nothing, but for the rim a JPEG round trip
            // (quality down to 30) rings along its long edges
            int darker = 0;
            int lighter = 0;
            for (int i = 0; i < a.dirty().length; i++) {
                if (b.dirty()[i] < a.dirty()[i] - 0.03f) darker++;
                if (b.dirty()[i] > a.dirty()[i] + 0.03f) lighter++;
            }
            assertThat(darker).as("pixels the watermark darkened, seed %d", seed).isGreaterThan(a.dirty().length / 100);
            assertThat(lighter).as("pixels it lightened, seed %d", seed).isLessThan(darker / 4);
        }
        assertThat(withMark).as("pages with a watermark, of 20").isBetween(5, 15);
    }

    @Test
    void soiledRealScansCarryWatermarksToo() {
        DocumentPair page = KAGGLE.generate(3);
        GrayImage scan = new GrayImage(page.width(), page.height(), page.clean());
        DocumentGenerator marked = new DocumentGenerator(Settings.defaults().withSize(200, 200).withWatermarkShare(1f));
        DocumentGenerator plain = new DocumentGenerator(Settings.defaults().withSize(200, 200));
        DocumentPair a = plain.soil(scan, 5);
        DocumentPair b = marked.soil(scan, 5);
        assertThat(b.clean()).isEqualTo(a.clean());
        assertThat(b.dirty()).isNotEqualTo(a.dirty());
    }

    @Test
    void figuresArePrintedOnBothPagesOfAShareOfThePages() {
        DocumentGenerator plain = new DocumentGenerator(Settings.defaults());
        DocumentGenerator illustrated = new DocumentGenerator(Settings.defaults().withFigureShare(0.5f));
        int withFigure = 0;
        for (long seed = 60; seed < 80; seed++) {
            DocumentPair a = plain.generate(seed);
            DocumentPair b = illustrated.generate(seed);
            if (java.util.Arrays.equals(a.clean(), b.clean())) {
                assertThat(b.dirty()).as("a page without a figure stays as it was, seed %d", seed).isEqualTo(a.dirty());
                continue;
            }
            withFigure++;
            // the figure is content: what it darkens on the target, it darkens on the dirty page too
            double targetGain = inkMass(b.clean()) - inkMass(a.clean());
            double dirtyGain = inkMass(b.dirty()) - inkMass(a.dirty());
            assertThat(targetGain).as("ink the figure adds to the target, seed %d", seed).isGreaterThan(a.clean().length * 0.005);
            assertThat(dirtyGain).as("and to the dirty page, seed %d", seed).isGreaterThan(targetGain * 0.3);
        }
        assertThat(withFigure).as("pages with a figure, of 20").isBetween(5, 15);
    }

    private static double inkMass(float[] page) {
        double m = 0;
        for (float v : page) m += 1 - v;
        return m;
    }

    @Test
    void theDirtMultipliesTheInkInsteadOfRetoningIt() {
        // where the dirty page's paper is plain (no stain, fold or fade), the ink keeps its own
        // tone relative to that paper: one ratio to the black target over the whole page
        Degradation onlyTintedPaper = new Degradation(0.7, 0.7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 80, 80);
        DocumentGenerator g = new DocumentGenerator(Settings.defaults().withDegradation(onlyTintedPaper));
        int checked = 0;
        for (long seed = 1; seed <= 12; seed++) {
            DocumentPair p = g.generate(seed);
            // a third of the pages get their paper scaled towards white: those have another ratio
            if (p.dirty()[0] < 0.69f || p.dirty()[0] > 0.71f) continue;
            checked++;
            InkRatio ratio = inkRatio(p, 0.7f);
            assertThat(ratio.lightest()).as("seed %d", seed).isGreaterThan(0.79);
            assertThat(ratio.spread()).as("seed %d", seed).isLessThan(0.03);
            // and the paper between the strokes is the target's white times the tint, nothing else
            double worstPaper = 0;
            for (int i = 0; i < p.clean().length; i++) {
                if (p.clean()[i] == 1f) worstPaper = Math.max(worstPaper, Math.abs(p.dirty()[i] / 0.7 - 1));
            }
            assertThat(worstPaper).as("paper, seed %d", seed).isLessThan(0.01);
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void soiledRealTextPrintsInAToner() {
        // a real clean scan's crop keeps its ink as the target, and its dirty copy prints that ink
        // in a toner as generated pages do: faded real text must come back black as well
        DocumentGenerator g = new DocumentGenerator(Settings.defaults().withDegradation(Degradation.none()));
        DocumentPair page = g.generate(3);
        GrayImage scan = new GrayImage(page.width(), page.height(), page.clean());
        double palest = 1;
        for (long seed = 1; seed <= 8; seed++) {
            DocumentPair p = g.soil(scan, seed);
            assertThat(p.clean()).as("the crop is its own target").isEqualTo(page.clean());
            InkRatio ratio = inkRatio(p, 1f);
            assertThat(ratio.lightest()).as("seed %d", seed).isBetween(0.79, 1.001);
            assertThat(ratio.spread()).as("one toner for the crop, seed %d", seed).isLessThan(0.03);
            palest = Math.min(palest, ratio.lightest());
        }
        assertThat(palest).as("some crops print in gray").isLessThan(0.9);
    }

    @Test
    void aGrayScansInkIsBlackInTheTarget() {
        // a real page printed or scanned in gray: the target is black text on white all the same
        DocumentGenerator g = new DocumentGenerator(Settings.defaults().withDegradation(Degradation.none()));
        DocumentPair page = g.generate(4);
        float[] gray = page.clean().clone();
        for (int i = 0; i < gray.length; i++) gray[i] = 1f - (1f - gray[i]) * 0.7f;
        DocumentPair p = g.soil(new GrayImage(page.width(), page.height(), gray), 1);
        double worst = 0;
        for (int i = 0; i < gray.length; i++) worst = Math.max(worst, Math.abs(p.clean()[i] - page.clean()[i]));
        assertThat(worst).as("the gray page's target against the black page").isLessThan(0.02);
        // bare paper with faint grain has no ink: its target keeps the grain instead of inking it
        float[] paper = new float[gray.length];
        for (int i = 0; i < paper.length; i++) paper[i] = 0.9f + 0.1f * (i % 7) / 6f;
        DocumentPair bare = g.soil(new GrayImage(page.width(), page.height(), paper), 1);
        assertThat(fraction(bare.clean(), v -> v <= 0.85f)).as("inked paper").isZero();
    }

    /** How much of the target's darkness the dirty page's ink has, over its paper: least and greatest, where the target is dark. */
    private record InkRatio(double lightest, double darkest) {
        double spread() { return darkest - lightest; }
    }

    private static InkRatio inkRatio(DocumentPair p, float paper) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i < p.clean().length; i++) {
            if (p.clean()[i] > 0.3f) continue;
            double r = (1 - p.dirty()[i] / paper) / (1 - p.clean()[i]);
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        return new InkRatio(lo, hi);
    }

    @Test
    void a4PageHasA4Size() {
        DocumentPair p = new DocumentGenerator(Settings.a4()).generate(1);
        assertThat(p.width()).isEqualTo(2480);
        assertThat(p.height()).isEqualTo(3508);
        assertThat(fraction(p.clean(), v -> v < 0.5f)).isBetween(0.01, 0.3);
    }

    @Test
    void kagglePagesAreFast() {
        for (int i = 0; i < 5; i++) KAGGLE.generate(100 + i); // warm up the JIT
        long t0 = System.nanoTime();
        int n = 10;
        for (int i = 0; i < n; i++) KAGGLE.generate(200 + i);
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        assertThat(ms).as("ms per 540x420 pair").isLessThan(250); // ~30 ms here; generous for loaded CI
    }

    @Test
    void fontsAreFound() {
        assertThat(DocumentGenerator.fontFamilies()).isNotEmpty();
    }

    @Test
    void settingsRejectNonsenseWithTheValidRange() {
        assertThatThrownBy(() -> Settings.defaults().withSize(10, 420))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32..12000");
        assertThatThrownBy(() -> Settings.defaults().withFontPt(12, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("font sizes");
        assertThatThrownBy(() -> Settings.defaults().withInkGain(-0.5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ink gain must be 0..3");
        assertThatThrownBy(() -> Settings.defaults().withWatermarkShare(1.5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("watermark share must be 0..1");
        assertThatThrownBy(() -> Settings.defaults().withFigureShare(-0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("figure share must be 0..1");
        Degradation d = Degradation.defaults();
        assertThatThrownBy(() -> new Degradation(0.9, 0.5, d.textureStrength(), d.fibreDensity(),
                d.illuminationProbability(), d.illuminationStrength(), d.stainProbability(), d.maxStains(),
                d.stainStrength(), d.creaseProbability(), d.creaseStrength(), d.fadeProbability(), d.fadeStrength(),
                d.bleedProbability(), d.bleedMaxSigmaMm(), d.blurProbability(), d.blurMaxSigmaMm(),
                d.rotationProbability(), d.maxRotationDegrees(), d.noiseMaxSigma(), d.speckProbability(),
                d.speckDensity(), d.jpegProbability(), d.jpegQualityMin(), d.jpegQualityMax()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paperToneMax");
    }

    /** Mean over text pixels (clean mask moved by dx) of (9x9 box mean of dirty - dirty). */
    private static double localContrast(DocumentPair p, int dx) {
        int w = p.width();
        int h = p.height();
        float[] d = p.dirty();
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += d[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int r = 4;
        double sum = 0;
        int n = 0;
        for (int y = r; y < h - r - 1; y++) {
            for (int x = r + dx; x < w - r - 1; x++) {
                if (p.clean()[y * w + x - dx] >= 0.5f) continue;
                int x0 = x - r;
                int y0 = y - r;
                int x1 = x + r + 1;
                int y1 = y + r + 1;
                double box = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1]
                        - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
                sum += box / ((2 * r + 1) * (2 * r + 1)) - d[y * w + x];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private interface FloatTest {
        boolean test(float v);
    }

    private static double fraction(float[] px, FloatTest t) {
        int n = 0;
        for (float v : px) if (t.test(v)) n++;
        return (double) n / px.length;
    }
}
