package com.daeworkbench.core.data;

import com.daeworkbench.core.data.DocumentGenerator.Degradation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an ink-coverage map into a scanned-looking page: tinted textured paper with fibres,
 * ink bleed and fading, coffee and water stains, folds, uneven light, scanner blur, sensor
 * noise, dust specks and JPEG artefacts. Everything works on float arrays (1 = white) and
 * is sized in millimetres through {@code pxPerMm}, so a 540x420 crop and an A4 page at
 * 300 dpi get stains and creases of the same physical size.
 */
final class ScanDegrader {

    private final int w;
    private final int h;
    private final double mm;
    private final Degradation d;
    private final SplittableRandom rng;
    private final float inkTone;

    private ScanDegrader(int w, int h, double pxPerMm, Degradation d, SplittableRandom rng, float inkTone) {
        this.inkTone = inkTone;
        this.w = w;
        this.h = h;
        this.mm = pxPerMm;
        this.d = d;
        this.rng = rng;
    }

    /**
     * The dirty scan of a page whose ink covers {@code coverage} (0..1) in a toner of gray
     * {@code inkTone}: the page as printed is {@code 1 - coverage * (1 - inkTone)}, and the dirt
     * multiplies it, so the ink keeps its tone except where the damage itself fades it (the
     * target, {@link DocumentGenerator}'s clean page, has the same coverage in black). A
     * {@code watermark} (factors from {@link Watermark}, or null) darkens the page like a stain.
     */
    static float[] degrade(float[] coverage, float inkTone, int w, int h, double pxPerMm, Degradation d, SplittableRandom rng,
                           float[] watermark) {
        // real pages range from nearly clean to ruined: a third of the pages get all damage scaled down
        if (rng.nextDouble() < 0.3) d = d.scaled(0.1 + 0.6 * rng.nextDouble());
        return new ScanDegrader(w, h, pxPerMm, d, rng, inkTone).run(coverage, watermark);
    }

    private boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    private double uniform(double a, double b) {
        return a + rng.nextDouble() * (b - a);
    }

    private float[] run(float[] coverage, float[] watermark) {
        int n = w * h;
        float[] ink = coverage.clone();

        // ink spreading into the paper fibres: blur, then a gain so strokes thicken rather than fade
        if (d.bleedMaxSigmaMm() > 0 && chance(d.bleedProbability())) {
            double sigma = uniform(0.35, 1.0) * d.bleedMaxSigmaMm() * mm;
            if (sigma >= 0.25) ink = blur(ink, w, h, sigma);
            float gain = (float) uniform(1.0, 1.5);
            for (int i = 0; i < n; i++) ink[i] = Math.min(1f, ink[i] * gain);
        }
        // faded regions and toner grain; never below 40% so the text stays readable
        if (d.fadeStrength() > 0 && chance(d.fadeProbability())) {
            float s = (float) (d.fadeStrength() * uniform(0.5, 1.0));
            float[] patches = fractal(uniform(20, 60) * mm, 3, 0.5);
            float[] grain = fractal(Math.max(1.5, 0.25 * mm), 2, 0.5);
            float grainAmp = (float) uniform(0.0, 0.3) * s;
            for (int i = 0; i < n; i++) {
                float f = 1f - s * clamp01(patches[i] * 1.6f + 0.3f) - grainAmp * Math.max(0f, grain[i]);
                ink[i] *= Math.max(0.4f, f);
            }
        }

        // paper: tone, cloudy texture, fibres
        float tone = (float) uniform(d.paperToneMin(), d.paperToneMax());
        float[] page = new float[n];
        java.util.Arrays.fill(page, tone);
        if (d.textureStrength() > 0) {
            float amp = (float) (d.textureStrength() * uniform(0.4, 1.0));
            float[] cloud = fractal(uniform(2, 6) * mm, 4, 0.6);
            float[] blotch = fractal(uniform(15, 40) * mm, 2, 0.5);
            for (int i = 0; i < n; i++) page[i] *= 1f + amp * (0.6f * cloud[i] + 0.8f * blotch[i]);
        }
        if (d.fibreDensity() > 0) fibres(page);

        // the verso's text showing through: mirrored, shifted, blurred by the paper, faint
        if (d.textureStrength() > 0 && chance(0.3)) bleedThrough(page, coverage);

        // ink on paper: multiply, in the page's own toner
        float[] out = page;
        for (int i = 0; i < n; i++) out[i] *= 1f - ink[i] * (1f - inkTone);

        // stains (multiplicative, over paper and ink alike)
        if (d.maxStains() > 0 && d.stainStrength() > 0 && chance(d.stainProbability())) {
            float[] m = new float[n];
            java.util.Arrays.fill(m, 1f);
            int count = 1 + rng.nextInt(d.maxStains());
            for (int k = 0; k < count; k++) {
                double cx = uniform(-0.1, 1.1) * w;
                double cy = uniform(-0.1, 1.1) * h;
                double r = uniform(6, 35) * mm;
                stain(m, cx, cy, r, d.stainStrength() * uniform(0.5, 1.0), chance(0.65));
                int drops = chance(0.5) ? rng.nextInt(6) : 0;
                for (int j = 0; j < drops; j++) {
                    double a = uniform(0, 2 * Math.PI);
                    double dist = r * uniform(1.05, 1.8);
                    stain(m, cx + Math.cos(a) * dist, cy + Math.sin(a) * dist, uniform(0.6, 3) * mm,
                            d.stainStrength() * uniform(0.4, 1.0), chance(0.5));
                }
            }
            for (int i = 0; i < n; i++) out[i] *= Math.max(0.4f, m[i]);
        }

        // a watermark or stamp (null: none), multiplied in like a stain
        if (watermark != null) for (int i = 0; i < n; i++) out[i] *= watermark[i];

        // a shoe's print: the page was on the floor (one of NoisyOffice's four kinds of real dirt)
        if (d.stainStrength() > 0 && chance(0.15)) footprint(out, d.stainStrength() * uniform(0.3, 1.0));

        if (d.creaseStrength() > 0 && chance(d.creaseProbability())) {
            int count = chance(0.3) ? 2 : 1;
            for (int k = 0; k < count; k++) crease(out, 1.0);
        }
        // crumpled paper: many weak creases in all directions over a wavy shading
        if (d.creaseStrength() > 0 && chance(0.35)) crumple(out);

        if (d.illuminationStrength() > 0 && chance(d.illuminationProbability())) illumination(out);

        if (d.blurMaxSigmaMm() > 0 && chance(d.blurProbability())) {
            double sigma = uniform(0.4, 1.0) * d.blurMaxSigmaMm() * mm;
            if (sigma >= 0.25) out = blur(out, w, h, sigma);
        }

        if (d.noiseMaxSigma() > 0 && chance(0.9)) {
            float sigma = (float) (d.noiseMaxSigma() * uniform(0.2, 1.0));
            for (int i = 0; i < n; i++) out[i] += sigma * (float) rng.nextGaussian();
        }

        if (d.speckDensity() > 0 && chance(d.speckProbability())) specks(out);

        for (int i = 0; i < n; i++) out[i] = clamp01(out[i]);

        if (chance(d.jpegProbability())) {
            int q = d.jpegQualityMin() + rng.nextInt(d.jpegQualityMax() - d.jpegQualityMin() + 1);
            out = jpeg(out, w, h, q);
        }
        return out;
    }

    // ---------------------------------------------------------------- paper

    private void fibres(float[] page) {
        double areaMm2 = (double) w * h / (mm * mm);
        int count = (int) (areaMm2 * d.fibreDensity() * uniform(0.3, 1.0));
        float[] acc = new float[w * h];
        for (int k = 0; k < count; k++) {
            double x = uniform(0, w);
            double y = uniform(0, h);
            double a = uniform(0, 2 * Math.PI);
            int steps = (int) (uniform(1, 5) * mm);
            float dark = (float) uniform(0.02, 0.09) * (chance(0.2) ? -0.6f : 1f);
            double bend = uniform(-0.15, 0.15);
            for (int s = 0; s < steps; s++) {
                splat(acc, x, y, dark);
                a += bend + uniform(-0.1, 0.1);
                x += Math.cos(a);
                y += Math.sin(a);
            }
        }
        for (int i = 0; i < page.length; i++) page[i] *= 1f - Math.max(-0.06f, Math.min(0.12f, acc[i]));
    }

    private void splat(float[] acc, double x, double y, float v) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        add(acc, x0, y0, v * (1 - fx) * (1 - fy));
        add(acc, x0 + 1, y0, v * fx * (1 - fy));
        add(acc, x0, y0 + 1, v * (1 - fx) * fy);
        add(acc, x0 + 1, y0 + 1, v * fx * fy);
    }

    private void add(float[] acc, int x, int y, float v) {
        if (x >= 0 && y >= 0 && x < w && y < h) acc[y * w + x] += v;
    }

    // ---------------------------------------------------------------- stains

    /** The tread patterns of a sole: bars across the foot, zigzag bars, blocks, studs. */
    private enum Tread { BARS, ZIGZAG, BLOCKS, STUDS }

    /**
     * A dusty shoe print, multiplied in: a sole (forefoot and heel, 22-30 cm long, so a crop
     * shows part of one) anywhere on or off the page at any angle, its tread's raised parts
     * printing where the dust was (patchy, grainy) and its grooves leaving the paper alone.
     * Tread lines are a few millimetres apart and as dark as strokes: a texture background
     * removal keeps and a network must tell from text by its regularity and its grain.
     */
    private void footprint(float[] img, double strength) {
        double length = uniform(220, 300) * mm;
        double angle = uniform(0, 2 * Math.PI);
        double cu = Math.cos(angle), su = Math.sin(angle);
        double cx = uniform(0, 1) * w, cy = uniform(0, 1) * h;
        Tread tread = Tread.values()[rng.nextInt(Tread.values().length)];
        double period = uniform(2.5, 7) * mm;
        double duty = uniform(0.35, 0.65);
        double zig = uniform(0.5, 2) * period;
        float[] patches = fractal(uniform(8, 25) * mm, 3, 0.55);
        float[] grit = fractal(Math.max(1.2, uniform(0.2, 0.6) * mm), 2, 0.6);
        float dark = (float) strength;
        double soft = Math.max(1, 0.8 * mm);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - cx, dy = y - cy;
                double u = dx * cu + dy * su;    // along the foot, toe at +length/2
                double v = -dx * su + dy * cu;   // across
                double inside = Math.max(ellipse(u - 0.17 * length, v, 0.33 * length, 0.2 * length, soft),
                        ellipse(u + 0.33 * length, v, 0.17 * length, 0.14 * length, soft));
                if (inside <= 0) continue;
                double raised = switch (tread) {
                    case BARS -> square(u / period, duty);
                    case ZIGZAG -> square((u + zig * Math.abs(mod(v / zig, 2) - 1)) / period, duty);
                    case BLOCKS -> square(u / period, duty) * square(v / period, duty);
                    case STUDS -> Math.hypot(mod(u, period) - period / 2, mod(v, period) - period / 2) < duty * period / 2 ? 1 : 0;
                };
                int i = y * w + x;
                float dust = clamp01(0.55f + 1.3f * patches[i]) * clamp01(0.6f + 1.5f * grit[i]);
                img[i] *= 1f - dark * (float) (inside * raised) * dust;
            }
        }
    }

    /** 1 inside the ellipse, falling to 0 over {@code soft} pixels across its edge. */
    private static double ellipse(double u, double v, double a, double b, double soft) {
        double r = Math.sqrt((u * u) / (a * a) + (v * v) / (b * b));
        return Math.max(0, Math.min(1, (1 - r) * Math.min(a, b) / soft + 0.5));
    }

    /** A square wave of period 1: 1 for the first {@code duty} of each period. */
    private static double square(double t, double duty) {
        return t - Math.floor(t) < duty ? 1 : 0;
    }

    private static double mod(double a, double m) {
        return ((a % m) + m) % m;
    }

    /**
     * An irregular blob: radius modulated by a few harmonics and by local noise, a lightly
     * darkened mottled inside, and (coffee ring) a darker rim where the liquid dried.
     */
    private void stain(float[] m, double cx, double cy, double r, double strength, boolean ring) {
        int x0 = (int) Math.max(0, Math.floor(cx - 1.6 * r));
        int x1 = (int) Math.min(w - 1, Math.ceil(cx + 1.6 * r));
        int y0 = (int) Math.max(0, Math.floor(cy - 1.6 * r));
        int y1 = (int) Math.min(h - 1, Math.ceil(cy + 1.6 * r));
        if (x0 > x1 || y0 > y1) return;
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        int harmonics = 5;
        double[] ampC = new double[harmonics + 1];
        double[] ampS = new double[harmonics + 1];
        for (int k = 2; k <= harmonics; k++) {
            double amp = uniform(0, ring ? 0.1 : 0.2) / k * 2;
            double ph = uniform(0, 2 * Math.PI);
            ampC[k] = amp * Math.sin(ph); // sin(k t + ph) = sin(kt) cos(ph) + cos(kt) sin(ph)
            ampS[k] = amp * Math.cos(ph);
        }
        float[] edge = valueNoise(bw, bh, Math.max(2, r / 2.5), rng);
        float[] tex = fractal(bw, bh, Math.max(2, r / 4), 3, 0.6, rng);
        float inside = (float) (strength * (ring ? uniform(0.1, 0.35) : uniform(0.25, 0.6)));
        float rim = ring ? (float) (strength * uniform(0.5, 1.0)) : 0f;
        float rimW = (float) uniform(0.02, 0.06);
        float soft = ring ? 0.04f : (float) uniform(0.08, 0.25);
        float edgeAmp = (float) uniform(0.05, 0.15);
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            int row = (y - y0) * bw;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double dist = Math.sqrt(dx * dx + dy * dy);
                double f = 1;
                if (dist > 1e-9) {
                    double c1 = dx / dist;
                    double s1 = dy / dist;
                    double ck = c1;
                    double sk = s1;
                    for (int k = 2; k <= harmonics; k++) {
                        double cn = ck * c1 - sk * s1;
                        double sn = sk * c1 + ck * s1;
                        ck = cn;
                        sk = sn;
                        f += ampS[k] * sk + ampC[k] * ck;
                    }
                }
                int li = row + (x - x0);
                float rr = (float) (dist / (r * f)) + edgeAmp * edge[li];
                if (rr > 1.2f) continue;
                float in = 1f - smoothstep(1f - soft, 1.01f, rr);
                float t = (rr - 0.99f) / rimW;
                float dark = in * inside * (0.45f + 0.55f * rr * rr) * (0.7f + 0.5f * tex[li]) + rim * (float) Math.exp(-t * t) * (0.75f + 0.3f * tex[li]);
                m[y * w + x] *= 1f - Math.max(0f, dark);
            }
        }
    }

    // ---------------------------------------------------------------- folds

    /** A fold line: a thin dark core, a soft shadow on one side and a faint highlight on the other. */
    private void crease(float[] img, double scale) {
        double angle;
        if (scale < 1 || !chance(0.65)) {
            angle = uniform(0, Math.PI);
        } else {
            angle = (chance(0.5) ? 0 : Math.PI / 2) + Math.toRadians(uniform(-6, 6));
        }
        double px = uniform(0.1, 0.9) * w;
        double py = uniform(0.1, 0.9) * h;
        double nx = -Math.sin(angle);
        double ny = Math.cos(angle);
        double s = d.creaseStrength() * uniform(0.5, 1.0) * scale;
        double width = uniform(0.8, 3.5) * mm;
        double core = Math.max(0.7, uniform(0.08, 0.2) * mm);
        double side = chance(0.5) ? 1 : -1;
        double reach = 4 * width + 4 * core;
        // variation along the fold: worn in places, sharp in others
        int len = (int) Math.ceil(Math.hypot(w, h)) + 2;
        float[] along = valueNoise(len, 1, Math.max(4, 15 * mm), rng);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dist = (x - px) * nx + (y - py) * ny;
                if (Math.abs(dist) > reach) continue;
                double t = (x - px) * ny - (y - py) * nx + len / 2.0;
                int ti = (int) Math.max(0, Math.min(len - 1, t));
                double mod = 0.55 + 0.45 * along[ti];
                double u = dist / width * side;
                double c = dist / core;
                double f = 1
                        - s * mod * 0.8 * Math.exp(-c * c)
                        - s * 0.45 * Math.exp(-(u - 0.9) * (u - 0.9) / 0.8)
                        + s * 0.2 * Math.exp(-(u + 0.9) * (u + 0.9) / 0.8);
                img[y * w + x] *= (float) f;
            }
        }
    }

    /**
     * Crumpled paper: a wavy light-and-shade field, facets that catch the scanner's light at
     * slightly different angles (brightness steps along random crease lines, sharp at the
     * scale a background estimate smooths over) and several weak creases at random angles.
     */
    private void crumple(float[] img) {
        float[] waves = fractal(uniform(8, 25) * mm, 3, 0.55);
        float amp = (float) (d.creaseStrength() * uniform(0.1, 0.4));
        for (int i = 0; i < img.length; i++) img[i] *= 1f - amp * clamp01(0.5f + 0.8f * waves[i]);
        float[] shade = new float[img.length];
        int steps = 6 + rng.nextInt(24);
        for (int k = 0; k < steps; k++) facetStep(shade, (float) (d.creaseStrength() * uniform(0.02, 0.12)) * (chance(0.5) ? 1 : -1));
        float lo = Float.MAX_VALUE;
        for (float v : shade) lo = Math.min(lo, v);
        for (int i = 0; i < img.length; i++) img[i] *= Math.max(0.5f, 1f - (shade[i] - lo));
        int creases = 3 + rng.nextInt(6);
        for (int k = 0; k < creases; k++) crease(img, uniform(0.2, 0.6));
    }

    /** Adds {@code amp} on one side of a random line and nothing on the other, with a ramp a fraction of a millimetre to a millimetre wide. */
    private void facetStep(float[] shade, float amp) {
        double a = uniform(0, Math.PI);
        float nx = (float) -Math.sin(a);
        float ny = (float) Math.cos(a);
        float px = (float) uniform(0.05, 0.95) * w;
        float py = (float) uniform(0.05, 0.95) * h;
        float inv = (float) (1 / (uniform(0.15, 1.2) * mm));
        for (int y = 0; y < h; y++) {
            float base = (y - py) * ny;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float t = clamp01(0.5f + 0.5f * ((x - px) * nx + base) * inv);
                shade[row + x] += amp * t * t * (3 - 2 * t);
            }
        }
    }

    /** The other side's text: this page's ink mirrored and shifted, blurred through the paper. */
    private void bleedThrough(float[] page, float[] coverage) {
        int dx = rng.nextInt(Math.max(1, w / 3)) - w / 6;
        int dy = rng.nextInt(Math.max(1, h / 3)) - h / 6;
        float[] verso = new float[w * h];
        for (int y = 0; y < h; y++) {
            int sy = y + dy;
            if (sy < 0 || sy >= h) continue;
            for (int x = 0; x < w; x++) {
                int sx = w - 1 - x + dx;
                if (sx >= 0 && sx < w) verso[y * w + x] = coverage[sy * w + sx];
            }
        }
        double sigma = uniform(0.15, 0.6) * mm;
        if (sigma >= 0.25) verso = blur(verso, w, h, sigma);
        float s = (float) uniform(0.05, 0.3);
        for (int i = 0; i < page.length; i++) page[i] *= 1f - s * verso[i];
    }

    // ---------------------------------------------------------------- light

    /** Gradient across the page, vignetting, a shadowed edge (binding or scanner lid), soft shadow clouds. */
    private void illumination(float[] img) {
        double str = d.illuminationStrength();
        double g = str * uniform(0.2, 1.0);
        double a = uniform(0, 2 * Math.PI);
        double ca = Math.cos(a);
        double sa = Math.sin(a);
        double half = Math.hypot(w, h) / 2;
        double vig = str * uniform(0, 0.6);
        int edgeSide = chance(0.5) ? rng.nextInt(4) : -1;
        double edgeW = uniform(3, 15) * mm;
        double edgeDepth = Math.min(0.6, str * uniform(0.5, 1.6));
        float[] shadow = chance(0.5) ? fractal(uniform(40, 90) * mm, 2, 0.5) : null;
        float shadowAmp = (float) (str * uniform(0.2, 0.6));
        for (int y = 0; y < h; y++) {
            double ny = (y - h / 2.0) / (h / 2.0);
            for (int x = 0; x < w; x++) {
                double nx = (x - w / 2.0) / (w / 2.0);
                double ramp = ((x - w / 2.0) * ca + (y - h / 2.0) * sa) / half; // -1..1
                double l = (1 - g * (ramp + 1) / 2) * (1 - vig * (nx * nx + ny * ny) / 2);
                if (edgeSide >= 0) {
                    double e = switch (edgeSide) {
                        case 0 -> x;
                        case 1 -> w - 1 - x;
                        case 2 -> y;
                        default -> h - 1 - y;
                    };
                    l *= 1 - edgeDepth * Math.exp(-e / edgeW);
                }
                int i = y * w + x;
                if (shadow != null) l *= 1 - shadowAmp * Math.max(0f, shadow[i]);
                img[i] *= (float) l;
            }
        }
    }

    // ---------------------------------------------------------------- specks

    private void specks(float[] img) {
        int count = (int) (d.speckDensity() * w * h / (mm * mm) * uniform(0.2, 1.0));
        double scale = Math.max(1, mm / 4.3);
        for (int k = 0; k < count; k++) {
            int x = rng.nextInt(w);
            int y = rng.nextInt(h);
            boolean pepper = chance(0.8);
            float v = pepper ? (float) uniform(0.0, 0.35) : (float) uniform(0.85, 1.0);
            if (chance(0.6)) {
                img[y * w + x] = v;
                continue;
            }
            double r = uniform(0.6, 1.8) * scale;
            int ri = (int) Math.ceil(r + 1);
            for (int yy = Math.max(0, y - ri); yy <= Math.min(h - 1, y + ri); yy++) {
                for (int xx = Math.max(0, x - ri); xx <= Math.min(w - 1, x + ri); xx++) {
                    double dd = Math.hypot(xx - x, yy - y);
                    float alpha = clamp01((float) (r + 0.5 - dd));
                    int i = yy * w + xx;
                    img[i] += (v - img[i]) * alpha;
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private float[] fractal(double cellPx, int octaves, double persistence) {
        return fractal(w, h, cellPx, octaves, persistence, rng);
    }

    /** Sum of value-noise octaves, roughly in [-1,1]. */
    static float[] fractal(int w, int h, double cellPx, int octaves, double persistence, SplittableRandom rng) {
        float[] out = new float[w * h];
        double amp = 1;
        double norm = 0;
        double cell = cellPx;
        for (int o = 0; o < octaves && cell >= 1; o++) {
            float[] layer = valueNoise(w, h, cell, rng);
            float a = (float) amp;
            for (int i = 0; i < out.length; i++) out[i] += a * layer[i];
            norm += amp;
            amp *= persistence;
            cell /= 2;
        }
        if (norm > 0) {
            float inv = (float) (1 / norm);
            for (int i = 0; i < out.length; i++) out[i] *= inv;
        }
        return out;
    }

    /** Smoothly interpolated random lattice values in [-1,1], lattice spacing {@code cellPx}. */
    static float[] valueNoise(int w, int h, double cellPx, SplittableRandom rng) {
        double cell = Math.max(1, cellPx);
        double ox = rng.nextDouble() * cell;
        double oy = rng.nextDouble() * cell;
        int gw = (int) Math.ceil((w + ox) / cell) + 2;
        int gh = (int) Math.ceil((h + oy) / cell) + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) grid[i] = (float) (rng.nextDouble() * 2 - 1);
        int[] ix = new int[w];
        float[] tx = new float[w];
        for (int x = 0; x < w; x++) {
            double fx = (x + ox) / cell;
            ix[x] = (int) fx;
            float t = (float) (fx - ix[x]);
            tx[x] = t * t * (3 - 2 * t);
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = (y + oy) / cell;
            int iy = (int) fy;
            float t = (float) (fy - iy);
            float ty = t * t * (3 - 2 * t);
            int r0 = iy * gw;
            int r1 = r0 + gw;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = ix[x];
                float a = grid[r0 + i] + (grid[r0 + i + 1] - grid[r0 + i]) * tx[x];
                float b = grid[r1 + i] + (grid[r1 + i + 1] - grid[r1 + i]) * tx[x];
                out[row + x] = a + (b - a) * ty;
            }
        }
        return out;
    }

    /** Separable Gaussian blur with clamped edges. */
    static float[] blur(float[] src, int w, int h, double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int j = -r; j <= r; j++) {
                    int xx = x + j;
                    xx = xx < 0 ? 0 : xx >= w ? w - 1 : xx;
                    acc += k[j + r] * src[row + xx];
                }
                tmp[row + x] = acc;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int j = -r; j <= r; j++) {
                int yy = y + j;
                yy = yy < 0 ? 0 : yy >= h ? h - 1 : yy;
                int srow = yy * w;
                float kj = k[j + r];
                for (int x = 0; x < w; x++) out[row + x] += kj * tmp[srow + x];
            }
        }
        return out;
    }

    /** Round trip through the JDK's baseline JPEG codec at the given quality (1..100). */
    static float[] jpeg(float[] img, int w, int h, int quality) {
        BufferedImage bi = DocumentPair.toGray(img, w, h);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) return img;
        ImageWriter writer = it.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(bi, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (back == null || back.getWidth() != w || back.getHeight() != h) return img;
            return DocumentPair.fromGray(back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float clamp01(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static float smoothstep(float a, float b, float x) {
        float t = clamp01((x - a) / (b - a));
        return t * t * (3 - 2 * t);
    }
}
