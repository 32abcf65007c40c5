package com.daeworkbench.ui.sweep;

import java.util.ArrayList;
import java.util.List;

/** One vertical axis of the parallel coordinates: a knob of the sweep, or the score the runs got. */
public sealed interface Axis {

    String name();

    AxisScale scale();

    /** Where a configuration lies on this axis, 0..1 (NaN: it has no value here, e.g. no score yet). */
    double position(SweepViewModel.Row row);

    /** The tick marks for the configurations shown. */
    List<AxisScale.Tick> ticks(List<SweepViewModel.Row> rows);

    /** {@code drawn}: the knob was drawn from a range (a random sweep), so every run has its own value and groups need bins. */
    record KnobAxis(String name, AxisScale scale, boolean drawn) implements Axis {
        @Override public double position(SweepViewModel.Row row) { return scale.position(row.params().get(name)); }

        @Override public List<AxisScale.Tick> ticks(List<SweepViewModel.Row> rows) {
            return scale.ticks(rows.stream().map(r -> r.params().get(name)).toList());
        }
    }

    /** The validation PSNR, last: brushing it keeps the configurations that scored in a range. */
    record ScoreAxis(AxisScale.Linear scale) implements Axis {
        @Override public String name() { return "PSNR (dB)"; }

        @Override public double position(SweepViewModel.Row row) {
            return Double.isFinite(row.psnr()) ? scale.position(Double.toString(row.psnr())) : Double.NaN;
        }

        @Override public List<AxisScale.Tick> ticks(List<SweepViewModel.Row> rows) {
            List<AxisScale.Tick> ticks = new ArrayList<>();
            for (double p : new double[] {0, 0.5, 1}) ticks.add(new AxisScale.Tick(p, String.format(java.util.Locale.ROOT, "%.1f", scale.valueAt(p))));
            return ticks;
        }
    }

    /** An axis per knob of the configurations (in their order), then the score's, over the scored ones. */
    static List<Axis> of(List<SweepViewModel.Row> rows) {
        return of(rows, java.util.Set.of());
    }

    /** As {@link #of(List)}, the knobs in {@code drawnKnobs} marked as drawn from ranges. */
    static List<Axis> of(List<SweepViewModel.Row> rows, java.util.Set<String> drawnKnobs) {
        List<Axis> axes = new ArrayList<>();
        if (rows.isEmpty()) return axes;
        for (String knob : rows.get(0).params().keySet()) {
            AxisScale scale = AxisScale.of(knob, rows.stream().map(r -> r.params().get(knob)).toList());
            axes.add(new KnobAxis(knob, scale, drawnKnobs.contains(knob) && !(scale instanceof AxisScale.Categories)));
        }
        double min = rows.stream().mapToDouble(SweepViewModel.Row::psnr).filter(Double::isFinite).min().orElse(0);
        double max = rows.stream().mapToDouble(SweepViewModel.Row::psnr).filter(Double::isFinite).max().orElse(1);
        axes.add(new ScoreAxis(new AxisScale.Linear(min, max)));
        return List.copyOf(axes);
    }
}
