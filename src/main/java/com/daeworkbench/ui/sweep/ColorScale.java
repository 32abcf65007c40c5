package com.daeworkbench.ui.sweep;

/**
 * The PSNR colours of the parallel coordinates and the heatmap: viridis from the lowest score of
 * the sweep (dark purple) to the highest (yellow). Viridis because its lightness rises steadily,
 * so better reads as lighter in gray too and for colour-blind eyes.
 */
public record ColorScale(double min, double max) {

    /** A colour, each channel 0..1. */
    public record Rgb(double red, double green, double blue) {
        /** Dark text on light cells, light text on dark ones. */
        public boolean isLight() {
            return 0.299 * red + 0.587 * green + 0.114 * blue > 0.5;
        }
    }

    private static final double[][] VIRIDIS = {
            {0.267, 0.005, 0.329}, {0.230, 0.322, 0.546}, {0.128, 0.567, 0.551}, {0.369, 0.789, 0.383}, {0.993, 0.906, 0.144}};

    /** The scale spanning the finite scores given (one score or none: a scale of width 1 around it). */
    public static ColorScale over(java.util.stream.DoubleStream scores) {
        double[] finite = scores.filter(Double::isFinite).toArray();
        if (finite.length == 0) return new ColorScale(0, 1);
        double lo = java.util.Arrays.stream(finite).min().orElse(0), hi = java.util.Arrays.stream(finite).max().orElse(1);
        return lo == hi ? new ColorScale(lo - 0.5, hi + 0.5) : new ColorScale(lo, hi);
    }

    /** Where a score lies, 0 at the lowest and 1 at the highest, clamped. */
    public double fraction(double psnr) {
        if (!Double.isFinite(psnr)) return 0;
        return Math.max(0, Math.min(1, (psnr - min) / (max - min)));
    }

    public Rgb colorOf(double psnr) {
        double f = fraction(psnr) * (VIRIDIS.length - 1);
        int i = Math.min((int) f, VIRIDIS.length - 2);
        double t = f - i;
        double[] a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Rgb(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2]));
    }
}
