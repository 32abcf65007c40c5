package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.session.Knob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one knob's values (or the score) lie along an axis of the results views, as positions
 * from 0 (bottom, left) to 1: numbers linearly, rates and decays on a log scale (a sweep draws
 * them log-uniformly, so that is where they spread), words evenly in their order of first
 * appearance. Brushes and heatmap bins are ranges of these positions, so one rule serves all.
 */
public sealed interface AxisScale {

    /** The position of a value written as text; NaN when the value is missing or not of this scale. */
    double position(String value);

    /** The value at a position, for numbers (NaN for words). */
    double valueAt(double position);

    /** Tick marks: at each value when there are few, else at the ends and the middle. */
    List<Tick> ticks(List<String> values);

    record Tick(double position, String label) { }

    record Linear(double min, double max) implements AxisScale {
        @Override public double position(String value) {
            double v = number(value);
            return max == min ? 0.5 : (v - min) / (max - min);
        }

        @Override public double valueAt(double position) { return min + position * (max - min); }

        @Override public List<Tick> ticks(List<String> values) { return numberTicks(this, values, this::valueAt); }
    }

    record Log(double min, double max) implements AxisScale {
        @Override public double position(String value) {
            double v = number(value);
            return max == min ? 0.5 : (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }

        @Override public double valueAt(double position) { return Math.exp(Math.log(min) + position * (Math.log(max) - Math.log(min))); }

        @Override public List<Tick> ticks(List<String> values) { return numberTicks(this, values, this::valueAt); }
    }

    record Categories(List<String> names) implements AxisScale {
        public Categories {
            names = List.copyOf(names);
        }

        @Override public double position(String value) {
            int i = names.indexOf(value);
            if (i < 0) return Double.NaN;
            return names.size() == 1 ? 0.5 : (double) i / (names.size() - 1);
        }

        @Override public double valueAt(double position) { return Double.NaN; }

        @Override public List<Tick> ticks(List<String> values) {
            List<Tick> ticks = new ArrayList<>();
            for (String n : names) ticks.add(new Tick(position(n), n));
            return ticks;
        }
    }

    /** The scale of a knob over the values it took: log for lr and weight decay when all are positive. */
    static AxisScale of(String knob, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        if (!distinct.isEmpty() && distinct.stream().allMatch(AxisScale::isNumber)) {
            double min = distinct.stream().mapToDouble(AxisScale::number).min().orElse(0);
            double max = distinct.stream().mapToDouble(AxisScale::number).max().orElse(1);
            boolean rate = knob.equals(Knob.LR.option) || knob.equals(Knob.WEIGHT_DECAY.option);
            return rate && min > 0 ? new Log(min, max) : new Linear(min, max);
        }
        List<String> names = new ArrayList<>(distinct);
        names.sort(Comparator.naturalOrder());
        return new Categories(names);
    }

    /** A number as a knob's text writes it ("1e-3", "32"); NaN for anything else. */
    static double number(String value) {
        if (value == null) return Double.NaN;
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean isNumber(String value) {
        return Double.isFinite(number(value));
    }

    /** As one would type it: see {@link com.daeworkbench.core.session.Sweep#compact}. */
    static String format(double v) {
        return com.daeworkbench.core.session.Sweep.compact(v);
    }

    private static List<Tick> numberTicks(AxisScale scale, List<String> values, java.util.function.DoubleUnaryOperator valueAt) {
        List<Tick> ticks = new ArrayList<>();
        // a few values: each labelled as it was typed (1e-3, not 0.001)
        java.util.Map<Double, String> distinct = new java.util.TreeMap<>();
        for (String v : values) if (isNumber(v)) distinct.putIfAbsent(number(v), v.trim());
        if (distinct.size() <= 6) {
            distinct.forEach((number, text) -> ticks.add(new Tick(scale.position(text), text)));
        } else {
            for (double p : new double[] {0, 0.5, 1}) ticks.add(new Tick(p, format(valueAt.applyAsDouble(p))));
        }
        return ticks;
    }
}
