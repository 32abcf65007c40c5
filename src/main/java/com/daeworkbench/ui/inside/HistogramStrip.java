package com.daeworkbench.ui.inside;

import com.daeworkbench.core.model.Histogram;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A histogram over time, as TensorBoard's and DL4J's UIs draw them: one column per inspected
 * step, left to right, values upward, each bin as dark as its share of the step's values. The
 * value axis spans all the steps shown, so a spreading or shrinking distribution shows as such.
 */
final class HistogramStrip extends Canvas {
    private static final Color INK = Color.web("#1f4e9c");
    private static final double LABEL = 46;
    private double lo = Double.NaN, hi = Double.NaN;
    private int columns;
    private List<Histogram> shown = List.of();

    HistogramStrip(double width, double height) {
        super(width, height);
    }

    /** Redraws what it shows at a new width (the window was resized). */
    void setStripWidth(double width) {
        if (Math.abs(width - getWidth()) < 1) return;
        setWidth(width);
        show(shown);
    }

    void show(List<Histogram> steps) {
        shown = steps;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth(), h = getHeight(), plot = w - LABEL;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#d0d4da"));
        g.strokeRect(LABEL + 0.5, 0.5, plot - 1, h - 1);
        columns = steps.size();
        lo = Double.POSITIVE_INFINITY;
        hi = Double.NEGATIVE_INFINITY;
        for (Histogram s : steps) {
            if (s == null || s.total() == 0) continue;
            lo = Math.min(lo, s.min());
            hi = Math.max(hi, s.max());
        }
        if (!(hi >= lo)) return;
        double span = hi > lo ? hi - lo : 1;
        double col = plot / Math.max(1, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Histogram s = steps.get(i);
            if (s == null || s.total() == 0) continue;
            double binWidth = (s.max() - s.min()) / s.bins();
            int peak = s.maxCount();
            for (int b = 0; b < s.bins(); b++) {
                if (s.count(b) == 0) continue;
                double v0 = s.min() + b * binWidth, v1 = v0 + binWidth;
                double y1 = h - (v0 - lo) / span * h, y0 = h - (v1 - lo) / span * h;
                // square root: the tails stay visible next to a tall peak
                g.setFill(INK.deriveColor(0, 1, 1, 0.12 + 0.88 * Math.sqrt((double) s.count(b) / peak)));
                g.fillRect(LABEL + i * col, y0, Math.ceil(col), Math.max(1, y1 - y0));
            }
        }
        if (lo < 0 && hi > 0) {
            double zero = h - (0 - lo) / span * h;
            g.setStroke(Color.web("#c2410c", 0.6));
            g.strokeLine(LABEL, zero, w, zero);
        }
        g.setFill(Color.web("#374151"));
        g.setFont(Font.font(10));
        g.fillText(number(hi), 2, 10);
        g.fillText(number(lo), 2, h - 3);
    }

    private static String number(double v) {
        return Math.abs(v) >= 0.01 || v == 0 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1e", v);
    }

    /** The value range drawn (NaN before any data): for tests. */
    double[] range() { return new double[] {lo, hi}; }

    int columns() { return columns; }
}
