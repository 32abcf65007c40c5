package com.daeworkbench.ui.common;

import javafx.scene.chart.NumberAxis;

/**
 * Axes of counts (epochs, iterations): ticks at whole numbers only. NumberAxis's own ranging
 * picks a unit of 0.25 or 0.5 on a short range ("epoch 2.5" on a chart of two epochs), and the
 * class is final, so the chart sets the range itself.
 */
public final class CountAxes {
    /** about this many ticks across the axis */
    static final int TICKS = 10;

    private CountAxes() { }

    /** Shows {@code from..to} with a tick every 1, 2, 5, 10, 20, 50 ... units, as few as keep about ten ticks. */
    public static void fit(NumberAxis axis, double from, double to) {
        if (!(to > from)) to = from + 1;
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        double unit = unit(to - from);
        axis.setLowerBound(Math.floor(from / unit) * unit);
        axis.setUpperBound(Math.ceil(to / unit) * unit);
        axis.setTickUnit(unit);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50 ... that cuts {@code span} into at most about ten steps. */
    static double unit(double span) {
        for (double decade = 1; ; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (span / (m * decade) <= TICKS) return m * decade;
            }
        }
    }
}
