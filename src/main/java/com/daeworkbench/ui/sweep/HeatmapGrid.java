package com.daeworkbench.ui.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mean validation PSNR of the configurations at each pair of two knobs' values: knob A
 * across, knob B up. A grid sweep's values are the columns and rows as they are; numbers drawn
 * from a range (or more than {@value #MAX_DISTINCT} of them), all different, fall into
 * {@value #BINS} equal bins of their axis (log bins for rates), so the cells still average
 * several runs. A cell with no run is empty (NaN).
 */
public record HeatmapGrid(String knobA, String knobB, List<String> columns, List<String> rows, double[][] psnr, int[][] runs) {

    static final int BINS = 4;
    /** More distinct values than this and a knob is binned. */
    static final int MAX_DISTINCT = 6;

    /** The cell's mean PSNR (NaN: no run there); column and row count from 0, row 0 at the bottom. */
    public double cell(int column, int row) { return psnr[column][row]; }

    public int runsIn(int column, int row) { return runs[column][row]; }

    public static HeatmapGrid of(List<SweepViewModel.Row> scored, Axis.KnobAxis a, Axis.KnobAxis b) {
        Binning ca = Binning.of(a, scored), cb = Binning.of(b, scored);
        double[][] sum = new double[ca.labels.size()][cb.labels.size()];
        int[][] count = new int[ca.labels.size()][cb.labels.size()];
        for (SweepViewModel.Row r : scored) {
            if (!Double.isFinite(r.psnr())) continue;
            int i = ca.indexOf(r), j = cb.indexOf(r);
            if (i < 0 || j < 0) continue;
            sum[i][j] += r.psnr();
            count[i][j]++;
        }
        double[][] mean = new double[sum.length][];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = new double[sum[i].length];
            for (int j = 0; j < sum[i].length; j++) mean[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
        }
        return new HeatmapGrid(a.name(), b.name(), ca.labels, cb.labels, mean, count);
    }

    /** A knob's values as columns: each distinct value in its axis order, or equal bins of the axis. */
    private record Binning(Axis.KnobAxis axis, List<String> labels, List<String> values) {

        static Binning of(Axis.KnobAxis axis, List<SweepViewModel.Row> rows) {
            Set<String> distinct = new LinkedHashSet<>();
            rows.stream().map(r -> r.params().get(axis.name()))
                    .sorted(java.util.Comparator.comparingDouble(v -> axis.scale().position(v)))
                    .forEach(distinct::add);
            if (!binned(axis, distinct.size())) return new Binning(axis, List.copyOf(distinct), List.copyOf(distinct));
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < BINS; k++) labels.add(binLabel(axis, k));
            return new Binning(axis, labels, null);
        }

        int indexOf(SweepViewModel.Row r) {
            String v = r.params().get(axis.name());
            return values != null ? values.indexOf(v) : binIndex(axis, v);
        }
    }

    static boolean binned(Axis.KnobAxis axis, int distinctValues) {
        return !(axis.scale() instanceof AxisScale.Categories) && (axis.drawn() || distinctValues > MAX_DISTINCT);
    }

    static int binIndex(Axis.KnobAxis axis, String value) {
        double p = axis.scale().position(value);
        return Double.isFinite(p) ? Math.min(BINS - 1, (int) (p * BINS)) : -1;
    }

    static String binLabel(Axis.KnobAxis axis, int bin) {
        return AxisScale.format(axis.scale().valueAt((double) bin / BINS)) + "–" + AxisScale.format(axis.scale().valueAt((double) (bin + 1) / BINS));
    }

    /**
     * A configuration's knob values as groups for "what did that knob do": each drawn knob's value
     * replaced by its bin, since a value every run has alone explains everything and says nothing.
     */
    public static Map<String, String> grouped(SweepViewModel.Row row, List<Axis> axes) {
        Map<String, String> groups = new LinkedHashMap<>(row.params());
        for (Axis a : axes) {
            if (a instanceof Axis.KnobAxis k && k.drawn()) {
                int bin = binIndex(k, row.params().get(k.name()));
                if (bin >= 0) groups.put(k.name(), binLabel(k, bin));
            }
        }
        return groups;
    }

    /** "lr=1e-3, width=16: 14.20 dB (2 runs)", for a cell's tooltip. */
    public String describe(int column, int row) {
        double v = cell(column, row);
        return String.format(Locale.ROOT, "%s=%s, %s=%s: %s", knobA, columns.get(column), knobB, rows.get(row),
                Double.isNaN(v) ? "no run" : String.format(Locale.ROOT, "%.2f dB (%d run%s)", v, runsIn(column, row), runsIn(column, row) == 1 ? "" : "s"));
    }
}
