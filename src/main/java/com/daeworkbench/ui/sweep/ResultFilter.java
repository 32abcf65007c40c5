package com.daeworkbench.ui.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which finished configurations the results views show: those inside every brush (a range of
 * positions dragged on an axis of the parallel coordinates) and matching every knob's filter
 * text. Immutable: each change is a new filter, so a view-model can publish it as one value.
 *
 * <p>A knob's filter text is one or more alternatives separated by commas; an alternative is
 * a comparison ({@code <1e-3}, {@code >=32}) or a value, matched as a number when both are
 * numbers (so 1e-3 finds 0.001) and else as a part of the value's text (relu finds relu).
 */
public record ResultFilter(Map<String, Interval> brushes, Map<String, String> knobTexts) {

    public static final ResultFilter NONE = new ResultFilter(Map.of(), Map.of());

    /** Positions lo..hi on an axis, inclusive, in either order. */
    public record Interval(double low, double high) {
        public Interval {
            if (low > high) {
                double t = low;
                low = high;
                high = t;
            }
        }

        /** Inclusive, with a hair of slack: a brush drawn exactly to a value's line keeps it. */
        public boolean contains(double position) {
            return position >= low - 1e-9 && position <= high + 1e-9;
        }
    }

    public ResultFilter {
        brushes = Map.copyOf(brushes);
        knobTexts = Map.copyOf(knobTexts);
    }

    public ResultFilter withBrush(String axis, Interval range) {
        Map<String, Interval> b = new LinkedHashMap<>(brushes);
        if (range == null) b.remove(axis);
        else b.put(axis, range);
        return new ResultFilter(b, knobTexts);
    }

    public ResultFilter withKnobText(String knob, String text) {
        Map<String, String> t = new LinkedHashMap<>(knobTexts);
        if (text == null || text.isBlank()) t.remove(knob);
        else t.put(knob, text.trim());
        return new ResultFilter(brushes, t);
    }

    public ResultFilter withoutBrushes() {
        return new ResultFilter(Map.of(), knobTexts);
    }

    public boolean isEmpty() {
        return brushes.isEmpty() && knobTexts.isEmpty();
    }

    /** Whether the configuration is inside every brush of these axes and matches every knob's text. */
    public boolean keeps(SweepViewModel.Row row, List<Axis> axes) {
        for (Axis axis : axes) {
            Interval brush = brushes.get(axis.name());
            if (brush == null) continue;
            double p = axis.position(row);
            if (!Double.isFinite(p) || !brush.contains(p)) return false;
        }
        for (Map.Entry<String, String> f : knobTexts.entrySet()) {
            if (!matches(row.params().get(f.getKey()), f.getValue())) return false;
        }
        return true;
    }

    /** Whether a knob's value matches a filter text (see the class comment). */
    static boolean matches(String value, String text) {
        if (text == null || text.isBlank()) return true;
        if (value == null) return false;
        for (String alternative : text.split(",")) {
            if (!alternative.isBlank() && matchesOne(value.trim(), alternative.trim())) return true;
        }
        return false;
    }

    private static boolean matchesOne(String value, String alt) {
        double v = AxisScale.number(value);
        for (String op : new String[] {"<=", ">=", "<", ">", "="}) {
            if (!alt.startsWith(op)) continue;
            double bound = AxisScale.number(alt.substring(op.length()));
            if (Double.isNaN(v) || Double.isNaN(bound)) return op.equals("=") && value.equalsIgnoreCase(alt.substring(1).trim());
            return switch (op) {
                case "<=" -> v <= bound;
                case ">=" -> v >= bound;
                case "<" -> v < bound;
                case ">" -> v > bound;
                default -> v == bound;
            };
        }
        double a = AxisScale.number(alt);
        if (!Double.isNaN(v) && !Double.isNaN(a)) return v == a;
        return value.toLowerCase(Locale.ROOT).contains(alt.toLowerCase(Locale.ROOT));
    }
}
