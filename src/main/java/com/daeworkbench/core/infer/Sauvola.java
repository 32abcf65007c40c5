package com.daeworkbench.core.infer;

import com.daeworkbench.core.io.GrayImage;

/**
 * Sauvola and Pietikäinen (2000): threshold T = m (1 + k (s / R - 1)) from the mean m and standard
 * deviation s of a window around each pixel. The window's sums slide over the page with one row
 * of column sums, so memory stays a few rows however large the page is.
 */
final class Sauvola {
    /** About one line of text at 300 dpi: the scale the method is meant for. */
    static final int WINDOW = 25;
    /** The usual k for documents; larger keeps less faint ink. */
    static final double K = 0.34;
    /** The largest standard deviation values in [0,1] can have (the paper's 128 of 0..255). */
    static final double R = 0.5;

    private Sauvola() { }

    static GrayImage binarize(GrayImage page, int window, double k) {
        if (window < 1 || window % 2 == 0) throw new IllegalArgumentException("the window must be odd, not " + window);
        int w = page.width(), h = page.height(), r = window / 2;
        float[] in = page.pixels(), out = new float[in.length];
        double[] colSum = new double[w], colSquares = new double[w];
        int top = 0, bottom = -1;   // the rows now summed into the column sums
        for (int y = 0; y < h; y++) {
            while (bottom < Math.min(h - 1, y + r)) addRow(in, w, ++bottom, colSum, colSquares, 1);
            while (top < y - r) addRow(in, w, top++, colSum, colSquares, -1);
            int rows = bottom - top + 1;
            double sum = 0, squares = 0;
            int left = 0, right = -1;
            for (int x = 0; x < w; x++) {
                while (right < Math.min(w - 1, x + r)) { right++; sum += colSum[right]; squares += colSquares[right]; }
                while (left < x - r) { sum -= colSum[left]; squares -= colSquares[left]; left++; }
                double n = (double) rows * (right - left + 1);
                double mean = sum / n;
                double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
                double threshold = mean * (1 + k * (sd / R - 1));
                out[y * w + x] = in[y * w + x] > threshold ? 1f : 0f;
            }
        }
        return new GrayImage(w, h, out);
    }

    private static void addRow(float[] in, int w, int y, double[] colSum, double[] colSquares, int sign) {
        for (int x = 0; x < w; x++) {
            double v = in[y * w + x];
            colSum[x] += sign * v;
            colSquares[x] += sign * v * v;
        }
    }
}
