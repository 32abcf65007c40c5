package com.daeworkbench.core.noise;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The corruptions, each a value type whose spec() parses back to an equal corruption. */
final class Noise {
    private Noise() { }

    static String level(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    private static float clamp(double v) {
        return v < 0 ? 0f : v > 1 ? 1f : (float) v;
    }

    /** x + sigma * N(0,1), clamped to [0,1]. */
    record Gaussian(double sigma) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            int i = 0;
            // Marsaglia's polar method: two normals per accepted pair, no trig
            while (i < n) {
                double u, v, s;
                do {
                    u = rng.nextDouble() * 2 - 1;
                    v = rng.nextDouble() * 2 - 1;
                    s = u * u + v * v;
                } while (s >= 1 || s == 0);
                double m = Math.sqrt(-2 * Math.log(s) / s) * sigma;
                dst[d0 + i] = clamp(src[so + i] + u * m);
                i++;
                if (i < n) {
                    dst[d0 + i] = clamp(src[so + i] + v * m);
                    i++;
                }
            }
        }

        public String spec() { return "gaussian:" + level(sigma); }
    }

    /** A fraction p of pixels: half set to 0, half to 1 (r < p/2 -> 0, r > 1 - p/2 -> 1). */
    record SaltPepper(double fraction) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            double lo = fraction / 2, hi = 1 - fraction / 2;
            for (int i = 0; i < n; i++) {
                double r = rng.nextDouble();
                dst[d0 + i] = r < lo ? 0f : r > hi ? 1f : src[so + i];
            }
        }

        public String spec() { return "saltpepper:" + level(fraction); }
    }

    /** Each pixel zeroed with probability p (masking noise, as in Vincent et al.). */
    record Masking(double fraction) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            for (int i = 0; i < n; i++) dst[d0 + i] = rng.nextDouble() < fraction ? 0f : src[so + i];
        }

        public String spec() { return "masking:" + level(fraction); }
    }

    /** Multiplicative: x + x * sigma * N(0,1), clamped. */
    record Speckle(double sigma) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            for (int i = 0; i < n; i++) {
                double x = src[so + i];
                dst[d0 + i] = clamp(x + x * sigma * gaussian(rng));
            }
        }

        public String spec() { return "speckle:" + level(sigma); }
    }

    /** Each part applied to the previous part's output, left to right. */
    record Combined(List<Corruption> parts) implements Corruption {
        public void apply(float[] src, int so, float[] dst, int d0, int n, SplittableRandom rng) {
            parts.get(0).apply(src, so, dst, d0, n, rng);
            for (int k = 1; k < parts.size(); k++) parts.get(k).apply(dst, d0, dst, d0, n, rng);
        }

        public String spec() { return parts.stream().map(Corruption::spec).collect(Collectors.joining("+")); }
    }

    static double gaussian(SplittableRandom rng) {
        double u, v, s;
        do {
            u = rng.nextDouble() * 2 - 1;
            v = rng.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
