package com.daeworkbench.ui.sweep;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Knob A across, knob B up, each cell coloured by its mean validation PSNR with the value printed in it. */
public final class Heatmap extends CanvasPane {
    private static final double BOTTOM = 44, TOP = 10, RIGHT = 70;
    /** Room for the row labels (a random sweep's bins, "2.46e-5–1.05e-4", are long) and the knob's name beside them. */
    private double left = 84;

    private HeatmapGrid grid;
    private ColorScale colors = new ColorScale(0, 1);
    private String emptyMessage = "";
    private final Tooltip tip = new Tooltip();

    public Heatmap() {
        setId("sweep-heatmap");
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(cellText(e.getX(), e.getY())));
    }

    /** The grid to draw; null draws {@code emptyMessage} instead. */
    public void show(HeatmapGrid grid, ColorScale colors, String emptyMessage) {
        this.grid = grid;
        this.colors = colors;
        this.emptyMessage = emptyMessage;
        double widest = 0;
        if (grid != null) {
            for (String label : grid.rows()) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(label);
                t.setFont(Font.font(10));
                widest = Math.max(widest, t.getLayoutBounds().getWidth());
            }
        }
        left = Math.max(60, widest + 34);
        redraw();
    }

    private double cellWidth() { return (canvas.getWidth() - left - RIGHT) / grid.columns().size(); }

    private double cellHeight() { return (canvas.getHeight() - TOP - BOTTOM) / grid.rows().size(); }

    private String cellText(double x, double y) {
        if (grid == null) return emptyMessage;
        int c = (int) Math.floor((x - left) / cellWidth());
        int r = grid.rows().size() - 1 - (int) Math.floor((y - TOP) / cellHeight());
        if (c < 0 || c >= grid.columns().size() || r < 0 || r >= grid.rows().size()) return "Mean validation PSNR by " + grid.knobA() + " and " + grid.knobB();
        return grid.describe(c, r);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (grid == null) {
            g.setFill(MUTED);
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, width / 2, height / 2);
            return;
        }
        double cw = cellWidth(), ch = cellHeight();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < grid.columns().size(); c++) {
            for (int r = 0; r < grid.rows().size(); r++) {
                double x = left + c * cw, y = TOP + (grid.rows().size() - 1 - r) * ch;
                double v = grid.cell(c, r);
                g.setFill(Double.isNaN(v) ? Color.gray(0.95) : fx(colors.colorOf(v)));
                g.fillRect(x + 1, y + 1, cw - 2, ch - 2);
                g.setFill(Double.isNaN(v) ? MUTED : colors.colorOf(v).isLight() ? Color.BLACK : Color.WHITE);
                g.setFont(Font.font(null, FontWeight.BOLD, Math.min(14, Math.max(9, ch / 4))));
                String text = Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
                if (grid.runsIn(c, r) > 1) text += String.format(Locale.ROOT, "%n(%d runs)", grid.runsIn(c, r));
                g.fillText(text, x + cw / 2, y + ch / 2);
            }
        }
        g.setFill(TEXT);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c < grid.columns().size(); c++) g.fillText(grid.columns().get(c), left + (c + 0.5) * cw, height - BOTTOM + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < grid.rows().size(); r++) g.fillText(grid.rows().get(r), left - 6, TOP + (grid.rows().size() - 1 - r + 0.5) * ch);
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(grid.knobA() + " →", left + (width - left - RIGHT) / 2, height - 4);
        g.save();
        g.translate(14, TOP + (height - TOP - BOTTOM) / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(grid.knobB() + " →", 0, 0);
        g.restore();
        legend(g, width, height);
    }

    /** A PSNR colour bar at the right, lowest at the bottom. */
    private void legend(GraphicsContext g, double width, double height) {
        double x = width - RIGHT + 16, top = TOP, bottom = height - BOTTOM;
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            double f = (double) i / (steps - 1);
            g.setFill(fx(colors.colorOf(colors.min() + f * (colors.max() - colors.min()))));
            double y = bottom - (i + 1) * (bottom - top) / steps;
            g.fillRect(x, y, 10, (bottom - top) / steps + 1);
        }
        g.setFill(TEXT);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.1f", colors.max()), x + 13, top + 4);
        g.fillText(String.format(Locale.ROOT, "%.1f", colors.min()), x + 13, bottom - 4);
        g.fillText("dB", x + 13, (top + bottom) / 2);
    }
}
