package com.daeworkbench.core.data;

import com.daeworkbench.core.io.GrayImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic "dirty documents": a typeset page of English-looking text (real fonts from the
 * machine, headings, paragraphs, lists, one or two columns) and a copy of it that looks
 * scanned from stained, creased, unevenly lit paper. The clean page is the training target,
 * aligned pixel for pixel with the dirty one; the score, as on Kaggle's "Denoising Dirty
 * Documents", is the RMSE between them.
 *
 * <p>Deterministic: the same settings and seed give identical pixels (on one machine: the
 * fonts found there take part). Thread-safe: {@link #generate} keeps no state between calls.
 */
public final class DocumentGenerator {

    /**
     * What the pages look like.
     *
     * @param width       page width in pixels
     * @param height      page height in pixels
     * @param dpi         scan resolution: turns font points and the millimetre sizes of stains,
     *                    creases and blur into pixels
     * @param minFontPt   smallest body text size in points
     * @param maxFontPt   largest body text size in points (headings are drawn up to 1.8x larger)
     * @param degradation the scan damage applied to the dirty page
     * @param inkGain     how far printing may spread the ink, 0..{@value #MAX_INK_GAIN}: half the pages
     *                    (drawn per page) get their strokes' coverage raised to a power between 1 and
     *                    1 + inkGain, edges darker on both pages, as real print is bolder than its
     *                    typeface's outline; 0 (the default) draws the strokes as typeset
     * @param watermarkShare the share of dirty pages, 0..1 (drawn per page), that carry a watermark or
     *                    rubber stamp: a big gray word at any angle ({@link Watermark}); 0 (the default) none
     * @param figureShare the share of generated pages, 0..1 (drawn per page), that carry a printed
     *                    figure on both pages: a photograph, a tinted box or a black bar ({@link Figure});
     *                    0 (the default) none
     */
    public record Settings(int width, int height, float dpi, float minFontPt, float maxFontPt, Degradation degradation,
                           float inkGain, float watermarkShare, float figureShare) {

        /** Kaggle "Denoising Dirty Documents" crops are 540x420 (and 540x258). */
        public static final int KAGGLE_WIDTH = 540;
        public static final int KAGGLE_HEIGHT = 420;
        /** A resolution at which 8-12 pt text has Kaggle's line height of about 15-25 pixels. */
        public static final float KAGGLE_DPI = 110f;
        /** A4 at 300 dpi. */
        public static final int A4_WIDTH = 2480;
        public static final int A4_HEIGHT = 3508;
        public static final float A4_DPI = 300f;
        public static final int MIN_SIZE = 32;
        public static final int MAX_SIZE = 12_000;
        public static final float MAX_INK_GAIN = 3f;

        public Settings {
            if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
                throw new IllegalArgumentException("page size must be " + MIN_SIZE + ".." + MAX_SIZE
                        + " pixels a side, got " + width + "x" + height);
            }
            if (!(dpi >= 30 && dpi <= 1200)) throw new IllegalArgumentException("dpi must be 30..1200, got " + dpi);
            if (!(minFontPt >= 4 && maxFontPt <= 72 && minFontPt <= maxFontPt)) {
                throw new IllegalArgumentException("font sizes must satisfy 4 <= min <= max <= 72 pt, got "
                        + minFontPt + ".." + maxFontPt);
            }
            if (degradation == null) throw new IllegalArgumentException("degradation is required");
            if (!(inkGain >= 0 && inkGain <= MAX_INK_GAIN)) {
                throw new IllegalArgumentException("ink gain must be 0.." + MAX_INK_GAIN + ", got " + inkGain);
            }
            if (!(watermarkShare >= 0 && watermarkShare <= 1)) {
                throw new IllegalArgumentException("watermark share must be 0..1, got " + watermarkShare);
            }
            if (!(figureShare >= 0 && figureShare <= 1)) {
                throw new IllegalArgumentException("figure share must be 0..1, got " + figureShare);
            }
        }

        /** Kaggle-sized training crops: 540x420, 8-12 pt text at 110 dpi, default damage. */
        public static Settings defaults() {
            return new Settings(KAGGLE_WIDTH, KAGGLE_HEIGHT, KAGGLE_DPI, 8f, 12f, Degradation.defaults(), 0f, 0f, 0f);
        }

        /** A full A4 page scanned at 300 dpi (2480x3508), 8-12 pt text, default damage. */
        public static Settings a4() {
            return new Settings(A4_WIDTH, A4_HEIGHT, A4_DPI, 8f, 12f, Degradation.defaults(), 0f, 0f, 0f);
        }

        public Settings withSize(int w, int h) {
            return new Settings(w, h, dpi, minFontPt, maxFontPt, degradation, inkGain, watermarkShare, figureShare);
        }

        public Settings withDpi(float newDpi) {
            return new Settings(width, height, newDpi, minFontPt, maxFontPt, degradation, inkGain, watermarkShare, figureShare);
        }

        public Settings withFontPt(float min, float max) {
            return new Settings(width, height, dpi, min, max, degradation, inkGain, watermarkShare, figureShare);
        }

        public Settings withDegradation(Degradation d) {
            return new Settings(width, height, dpi, minFontPt, maxFontPt, d, inkGain, watermarkShare, figureShare);
        }

        public Settings withInkGain(float gain) {
            return new Settings(width, height, dpi, minFontPt, maxFontPt, degradation, gain, watermarkShare, figureShare);
        }

        public Settings withFigureShare(float share) {
            return new Settings(width, height, dpi, minFontPt, maxFontPt, degradation, inkGain, watermarkShare, share);
        }

        public Settings withWatermarkShare(float share) {
            return new Settings(width, height, dpi, minFontPt, maxFontPt, degradation, inkGain, share, figureShare);
        }

        double pxPerMm() {
            return dpi / 25.4;
        }
    }

    /**
     * The scan damage. Each kind happens on a page with its probability and, when it does,
     * with a random strength up to the given one. Sizes are in millimetres of paper.
     *
     * @param paperToneMin         darkest paper background (1 = white)
     * @param paperToneMax         lightest paper background
     * @param textureStrength      relative amplitude of the cloudy paper texture
     * @param fibreDensity         paper fibres per square millimetre
     * @param illuminationProbability chance of uneven light (gradient, vignette, shadowed edge, soft shadows)
     * @param illuminationStrength darkening at the dark side, 0..1
     * @param stainProbability     chance of coffee/water stains
     * @param maxStains            up to this many stains (each may bring a few drops)
     * @param stainStrength        darkening of a stain's rim, 0..1
     * @param creaseProbability    chance of one or two folds
     * @param creaseStrength       darkening of a fold's core, 0..1
     * @param fadeProbability      chance of faded ink patches
     * @param fadeStrength         ink lost in the most faded patch, 0..1 (text keeps at least 40%)
     * @param bleedProbability     chance of ink bleeding into the paper (blur + thickening)
     * @param bleedMaxSigmaMm      largest bleed blur, mm
     * @param blurProbability      chance of scanner optics blur over the whole page
     * @param blurMaxSigmaMm       largest optics blur, mm
     * @param rotationProbability  chance of a skewed page
     * @param maxRotationDegrees   largest skew, degrees (applied to the text of both pages)
     * @param noiseMaxSigma        largest sensor noise standard deviation (gray levels in [0,1])
     * @param speckProbability     chance of dust specks and salt-and-pepper pixels
     * @param speckDensity         specks per square millimetre at most
     * @param jpegProbability      chance of a JPEG round trip
     * @param jpegQualityMin       lowest JPEG quality, 1..100
     * @param jpegQualityMax       highest JPEG quality, 1..100
     */
    public record Degradation(
            double paperToneMin, double paperToneMax, double textureStrength, double fibreDensity,
            double illuminationProbability, double illuminationStrength,
            double stainProbability, int maxStains, double stainStrength,
            double creaseProbability, double creaseStrength,
            double fadeProbability, double fadeStrength,
            double bleedProbability, double bleedMaxSigmaMm,
            double blurProbability, double blurMaxSigmaMm,
            double rotationProbability, double maxRotationDegrees,
            double noiseMaxSigma,
            double speckProbability, double speckDensity,
            double jpegProbability, int jpegQualityMin, int jpegQualityMax) {

        public Degradation {
            range("paperToneMin", paperToneMin, 0.05, 1);
            range("paperToneMax", paperToneMax, paperToneMin, 1);
            range("textureStrength", textureStrength, 0, 0.5);
            range("fibreDensity", fibreDensity, 0, 1);
            range("illuminationProbability", illuminationProbability, 0, 1);
            range("illuminationStrength", illuminationStrength, 0, 0.8);
            range("stainProbability", stainProbability, 0, 1);
            range("maxStains", maxStains, 0, 20);
            range("stainStrength", stainStrength, 0, 0.6);
            range("creaseProbability", creaseProbability, 0, 1);
            range("creaseStrength", creaseStrength, 0, 0.8);
            range("fadeProbability", fadeProbability, 0, 1);
            range("fadeStrength", fadeStrength, 0, 1);
            range("bleedProbability", bleedProbability, 0, 1);
            range("bleedMaxSigmaMm", bleedMaxSigmaMm, 0, 1);
            range("blurProbability", blurProbability, 0, 1);
            range("blurMaxSigmaMm", blurMaxSigmaMm, 0, 1);
            range("rotationProbability", rotationProbability, 0, 1);
            range("maxRotationDegrees", maxRotationDegrees, 0, 10);
            range("noiseMaxSigma", noiseMaxSigma, 0, 0.5);
            range("speckProbability", speckProbability, 0, 1);
            range("speckDensity", speckDensity, 0, 1);
            range("jpegProbability", jpegProbability, 0, 1);
            range("jpegQualityMin", jpegQualityMin, 1, 100);
            range("jpegQualityMax", jpegQualityMax, jpegQualityMin, 100);
        }

        /** Damage like the Kaggle set's: tinted paper, stains, folds, uneven light, noise. */
        public static Degradation defaults() {
            return new Degradation(
                    0.6, 0.95, 0.08, 0.015,
                    0.85, 0.3,
                    0.6, 3, 0.45,
                    0.4, 0.35,
                    0.4, 0.5,
                    0.2, 0.12,
                    0.25, 0.1,
                    0.5, 1.5,
                    0.035,
                    0.5, 0.005,
                    0.5, 30, 80);
        }

        /**
         * The same kinds of damage with every strength (darkening, noise, blur, specks) times
         * {@code f} in 0..1 and the paper that much closer to white: a milder page.
         */
        public Degradation scaled(double f) {
            double k = Math.max(0, Math.min(1, f));
            return new Degradation(1 - (1 - paperToneMin) * k, 1 - (1 - paperToneMax) * k, textureStrength * k, fibreDensity * k,
                    illuminationProbability, illuminationStrength * k,
                    stainProbability, maxStains, stainStrength * k,
                    creaseProbability, creaseStrength * k,
                    fadeProbability, fadeStrength * k,
                    bleedProbability, bleedMaxSigmaMm * k,
                    blurProbability, blurMaxSigmaMm * k,
                    rotationProbability, maxRotationDegrees,
                    noiseMaxSigma * k,
                    speckProbability, speckDensity * k,
                    jpegProbability * k, jpegQualityMin + (int) ((100 - jpegQualityMin) * (1 - k) * 0.5),
                    Math.max(jpegQualityMax, jpegQualityMin + (int) ((100 - jpegQualityMin) * (1 - k) * 0.5)));
        }

        /** White paper and no damage: the dirty page differs from the clean one only in ink tone. For tests and as a base to build on. */
        public static Degradation none() {
            return new Degradation(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 80, 80);
        }

        private static void range(String name, double v, double lo, double hi) {
            if (!(v >= lo && v <= hi)) {
                throw new IllegalArgumentException(name + " must be in " + lo + ".." + hi + ", got " + v);
            }
        }
    }

    private final Settings settings;

    public DocumentGenerator(Settings settings) {
        if (settings == null) throw new IllegalArgumentException("settings are required");
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The clean and dirty page for a seed; the same seed always gives the same pixels. */
    public DocumentPair generate(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom geometry = root.split();
        SplittableRandom layout = root.split();
        SplittableRandom damage = root.split();
        int w = settings.width();
        int h = settings.height();
        Degradation d = settings.degradation();

        double rotation = 0;
        if (d.maxRotationDegrees() > 0 && geometry.nextDouble() < d.rotationProbability()) {
            rotation = (geometry.nextDouble() * 2 - 1) * d.maxRotationDegrees();
        }
        float[] coverage = PageLayout.render(w, h, settings.dpi(), settings.minFontPt(), settings.maxFontPt(),
                rotation, layout);
        figure(coverage, w, h, seed);

        // The target is the same scan without the dirt and with black ink: the scanner's own
        // slight blur belongs to both pages (a target sharper than any scan taught the network
        // to thin every stroke, 2026-12-02), but the toner, black to dark gray on the dirty page,
        // is black on the clean one, as on every cleaned page a user wants back and as in the
        // field's ground truth (NoisyOffice's clean pages: black letters on white). A real clean
        // scan in black ink so comes back as it went in; gray or faded ink comes back black.
        double opticsPx = (0.03 + 0.05 * geometry.nextDouble()) * settings.pxPerMm();
        if (opticsPx >= 0.3) coverage = ScanDegrader.blur(coverage, w, h, opticsPx);
        if (settings.inkGain() > 0) spreadInk(coverage, seed);
        float inkTone = (float) (geometry.nextDouble() * MAX_INK_TONE);
        float[] clean = new float[w * h];
        for (int i = 0; i < clean.length; i++) clean[i] = quantise(1f - coverage[i]);

        float[] dirty = ScanDegrader.degrade(coverage, inkTone, w, h, settings.pxPerMm(), d, damage, watermark(w, h, seed));
        for (int i = 0; i < dirty.length; i++) dirty[i] = quantise(dirty[i]);
        return new DocumentPair(w, h, clean, dirty);
    }

    /**
     * Printing spreads ink: a real stroke is bolder than its typeface's outline, and at 110 dpi,
     * where a stroke is mostly edge, that decides how dark it is. Trained on typeset strokes
     * alone, the network gave real letters back lighter than their truth (+0.04 on ink pixels,
     * docs/bench/2026-12-04-latin-110dpi.txt). Half the pages keep their strokes as typeset, so that a
     * thin stroke is still one the network has seen. Draws from its own stream of the seed: the
     * page's other draws, and every page without gain, stay as they were.
     */
    private void spreadInk(float[] coverage, long seed) {
        SplittableRandom ink = new SplittableRandom(seed ^ INK_STREAM);
        if (ink.nextDouble() >= INK_GAIN_SHARE) return;
        double gamma = 1 + settings.inkGain() * ink.nextDouble();
        for (int i = 0; i < coverage.length; i++) {
            coverage[i] = (float) (1 - Math.pow(Math.max(0, 1 - coverage[i]), gamma));
        }
    }

    /**
     * The page's watermark factors, or null for a page without one. Draws from its own stream of
     * the seed, as {@link #spreadInk} does: with a share of 0 every page stays as it was.
     */
    private float[] watermark(int w, int h, long seed) {
        if (settings.watermarkShare() <= 0) return null;
        SplittableRandom stream = new SplittableRandom(seed ^ WATERMARK_STREAM);
        if (stream.nextDouble() >= settings.watermarkShare()) return null;
        return Watermark.factors(w, h, settings.pxPerMm(), stream);
    }

    /**
     * A printed figure on the page's coverage, on that share of the pages; from its own stream of
     * the seed, as {@link #watermark}: with a share of 0 every page stays as it was.
     */
    private void figure(float[] coverage, int w, int h, long seed) {
        if (settings.figureShare() <= 0) return;
        SplittableRandom stream = new SplittableRandom(seed ^ FIGURE_STREAM);
        if (stream.nextDouble() >= settings.figureShare()) return;
        Figure.draw(coverage, w, h, settings.pxPerMm(), stream);
    }

    /**
     * A dirty copy of a crop of a real clean scan, and the crop itself, its paper set to white,
     * as the target: pages whose text, toner and scanner blur are real and only the dirt is
     * made here (this generator's damage, multiplied in as on generated pages). As on generated
     * pages the target's ink is black (a gray scan's ink is stretched so that its darkest
     * pixels are), and the dirty copy prints that ink in a toner of black to 0.2 gray: faded
     * real text must come back black too. The crop is the settings' size, or the whole scan
     * where the scan is smaller.
     */
    public DocumentPair soil(GrayImage scan, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom geometry = root.split();
        root.split(); // the layout stream of generate(): the damage stream stays the same kind of draw
        SplittableRandom damage = root.split();
        int w = Math.min(settings.width(), scan.width());
        int h = Math.min(settings.height(), scan.height());
        int x0 = geometry.nextInt(scan.width() - w + 1);
        int y0 = geometry.nextInt(scan.height() - h + 1);
        float inkTone = (float) (geometry.nextDouble() * MAX_INK_TONE);
        float[] crop = new float[w * h];
        for (int y = 0; y < h; y++) System.arraycopy(scan.pixels(), (y0 + y) * scan.width() + x0, crop, y * w, w);
        float[] sorted = crop.clone();
        java.util.Arrays.sort(sorted);
        float white = Math.max(0.5f, percentile(sorted, 0.9));
        // the darkest 0.2 % is the ink's own tone where the crop holds text (a crop of bare
        // paper has no ink to stretch: its darkest pixels are grain, left as they are)
        float darkest = percentile(sorted, 0.002) / white;
        float inkScale = darkest < BLACKEST_GRAY_INK ? 1f / (1f - darkest) : 1f;
        float[] clean = new float[w * h];
        float[] coverage = new float[w * h];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = quantise(1f - Math.min(1f, (1f - Math.min(1f, crop[i] / white)) * inkScale));
            coverage[i] = 1f - clean[i];
        }
        float[] dirty = ScanDegrader.degrade(coverage, inkTone, w, h, settings.pxPerMm(), settings.degradation(), damage,
                watermark(w, h, seed));
        for (int i = 0; i < dirty.length; i++) dirty[i] = quantise(dirty[i]);
        return new DocumentPair(w, h, clean, dirty);
    }

    /** Ink lighter than this is taken for paper grain, not a gray toner to stretch to black. */
    private static final float BLACKEST_GRAY_INK = 0.4f;

    /** The toner of the dirty page's ink, drawn per page from black (0) to this gray. */
    private static final double MAX_INK_TONE = 0.2;

    /** The share of pages whose ink spreads when the settings allow it ({@link #spreadInk}). */
    private static final double INK_GAIN_SHARE = 0.5;

    /** Mixed into the page seed for the ink-spread draw, which the other streams must not see. */
    private static final long INK_STREAM = 0x5eedL;

    /** Mixed into the page seed for the watermark draws ({@link #watermark}). */
    private static final long WATERMARK_STREAM = 0x3a7e_4a2bL;

    /** Mixed into the page seed for the figure draws ({@link #figure}). */
    private static final long FIGURE_STREAM = 0x6f19_0e5dL;

    private static float percentile(float[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** The font families pages are set in (loaded once; logical fonts when none were found). */
    public static List<String> fontFamilies() {
        return PageFonts.families().stream().map(PageFonts.Family::name).toList();
    }

    private static float quantise(float v) {
        v = v < 0 ? 0 : v > 1 ? 1 : v;
        return Math.round(v * 255f) / 255f;
    }
}
