package com.daeworkbench.ui.sweep;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * One line per finished configuration across an axis per knob and the PSNR, coloured by its
 * PSNR. Drag along an axis to brush a range there (only the lines crossing it stay coloured;
 * the view-model filters the other views alike); click an axis to clear its brush; click a line
 * to choose its configuration. Which lines are kept is the view-model's: this only draws.
 */
public final class ParallelCoordinates extends CanvasPane {
    private static final double LEFT = 56, RIGHT = 56, TOP = 30, BOTTOM = 14, GRAB = 14;

    private List<Axis> axes = List.of();
    private List<SweepViewModel.Row> rows = List.of();
    private Set<Integer> kept = Set.of();
    private ColorScale colors = new ColorScale(0, 1);
    private ResultFilter filter = ResultFilter.NONE;
    private SweepViewModel.Row selected;
    private BiConsumer<String, ResultFilter.Interval> onBrush = (a, r) -> { };
    private Consumer<SweepViewModel.Row> onPick = r -> { };
    private int dragAxis = -1;
    private double dragFrom, dragTo;

    public ParallelCoordinates() {
        setId("sweep-parallel");
        canvas.setOnMousePressed(e -> {
            dragAxis = axisAt(e.getX());
            dragFrom = dragTo = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            if (dragAxis < 0) return;
            dragTo = e.getY();
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            int axis = dragAxis;
            dragAxis = -1;
            if (axis >= 0 && Math.abs(dragTo - dragFrom) > 3) {
                onBrush.accept(axes.get(axis).name(), new ResultFilter.Interval(positionAt(dragFrom), positionAt(dragTo)));
            } else if (axis >= 0 && filter.brushes().containsKey(axes.get(axis).name())) {
                onBrush.accept(axes.get(axis).name(), null);
            } else {
                SweepViewModel.Row hit = lineAt(e.getX(), e.getY());
                if (hit != null) onPick.accept(hit);
            }
            redraw();
        });
    }

    public void setOnBrush(BiConsumer<String, ResultFilter.Interval> onBrush) { this.onBrush = onBrush; }

    public void setOnPick(Consumer<SweepViewModel.Row> onPick) { this.onPick = onPick; }

    /** Everything drawn, in one call: the lines of {@code rows}, coloured where their number is in {@code kept}. */
    public void show(List<Axis> axes, List<SweepViewModel.Row> rows, Set<Integer> kept, ColorScale colors, ResultFilter filter,
                     SweepViewModel.Row selected) {
        this.axes = axes;
        this.rows = rows;
        this.kept = kept;
        this.colors = colors;
        this.filter = filter;
        this.selected = selected;
        redraw();
    }

    double axisX(int i) {
        double w = canvas.getWidth() - LEFT - RIGHT;
        return axes.size() < 2 ? LEFT + w / 2 : LEFT + i * w / (axes.size() - 1);
    }

    /** Values sit a little inside the axis's ends, so the best and worst lines do not run along the frame. */
    private static final double INSET = 8;

    double y(double position) {
        return TOP + INSET + (1 - position) * (canvas.getHeight() - TOP - BOTTOM - 2 * INSET);
    }

    private double positionAt(double y) {
        return Math.max(0, Math.min(1, 1 - (y - TOP - INSET) / (canvas.getHeight() - TOP - BOTTOM - 2 * INSET)));
    }

    private int axisAt(double x) {
        for (int i = 0; i < axes.size(); i++) if (Math.abs(x - axisX(i)) <= GRAB) return i;
        return -1;
    }

    /** The kept line nearest the point, within a few pixels. */
    private SweepViewModel.Row lineAt(double x, double y) {
        SweepViewModel.Row best = null;
        double bestDistance = 6;
        for (SweepViewModel.Row r : rows) {
            if (!kept.contains(r.number())) continue;
            for (int i = 0; i + 1 < axes.size(); i++) {
                double x0 = axisX(i), x1 = axisX(i + 1);
                if (x < x0 || x > x1) continue;
                double y0 = y(axes.get(i).position(r)), y1 = y(axes.get(i + 1).position(r));
                double d = Math.abs(y - (y0 + (y1 - y0) * (x - x0) / (x1 - x0)));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = r;
                }
            }
        }
        return best;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        g.setFont(Font.font(11));
        if (axes.isEmpty() || rows.isEmpty()) {
            g.setFill(MUTED);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("The finished configurations draw here, one line each.", width / 2, height / 2);
            return;
        }
        // faint lines first, so the kept ones are drawn over them
        for (SweepViewModel.Row r : rows) if (!kept.contains(r.number())) line(g, r, Color.gray(0.82), 1);
        for (SweepViewModel.Row r : rows) if (kept.contains(r.number())) line(g, r, fx(colors.colorOf(r.psnr())), 2.5);
        if (selected != null && kept.contains(selected.number())) {
            line(g, selected, Color.BLACK, 5);
            line(g, selected, fx(colors.colorOf(selected.psnr())), 3);
        }
        for (int i = 0; i < axes.size(); i++) axis(g, i, rows);
    }

    private void line(GraphicsContext g, SweepViewModel.Row r, Color color, double lineWidth) {
        g.setStroke(color);
        g.setLineWidth(lineWidth);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < axes.size(); i++) {
            double p = axes.get(i).position(r);
            if (!Double.isFinite(p)) continue;
            if (started) g.lineTo(axisX(i), y(p));
            else g.moveTo(axisX(i), y(p));
            started = true;
        }
        g.stroke();
    }

    private void axis(GraphicsContext g, int i, List<SweepViewModel.Row> all) {
        Axis axis = axes.get(i);
        double x = axisX(i);
        if (axis instanceof Axis.ScoreAxis) {
            // the PSNR axis is the colour legend too
            g.setFill(new LinearGradient(0, y(0), 0, y(1), false, CycleMethod.NO_CYCLE,
                    new Stop(0, fx(colors.colorOf(colors.min()))), new Stop(0.5, fx(colors.colorOf((colors.min() + colors.max()) / 2))),
                    new Stop(1, fx(colors.colorOf(colors.max())))));
            g.fillRect(x - 3, y(1) - INSET, 6, y(0) - y(1) + 2 * INSET);
        } else {
            g.setStroke(TEXT);
            g.setLineWidth(1);
            g.strokeLine(x, y(0) + INSET, x, y(1) - INSET);
        }
        ResultFilter.Interval brush = filter.brushes().get(axis.name());
        if (dragAxis == i) brush = new ResultFilter.Interval(positionAt(dragFrom), positionAt(dragTo));
        if (brush != null) {
            g.setFill(Color.rgb(30, 110, 220, 0.25));
            g.setStroke(Color.rgb(30, 110, 220, 0.9));
            g.setLineWidth(1);
            g.fillRect(x - 9, y(brush.high()), 18, y(brush.low()) - y(brush.high()));
            g.strokeRect(x - 9, y(brush.high()), 18, y(brush.low()) - y(brush.high()));
        }
        g.setFill(TEXT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(Font.font(10));
        for (AxisScale.Tick t : axis.ticks(all)) {
            g.setStroke(TEXT);
            g.strokeLine(x - 4, y(t.position()), x, y(t.position()));
            // a backing under the label: lines cross the labels' place left of the axis
            double w = 6.2 * t.label().length() + 4;
            g.setFill(Color.rgb(250, 250, 250, 0.85));
            g.fillRect(x - 7 - w, y(t.position()) - 7, w + 2, 14);
            g.setFill(TEXT);
            g.fillText(t.label(), x - 6, y(t.position()));
        }
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(axis.name(), x, TOP - 8);
    }
}
