package com.daeworkbench.ui.train;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.ui.common.Curves;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * Live loss curves: raw and smoothed training loss per iteration, validation loss per epoch,
 * dashed epoch boundaries, optional log scale, and a hover read-out. At most
 * {@link #MAX_POINTS} points per series are drawn; smoothing happens before decimation.
 */
public final class LossChart extends StackPane {
    /** about one point per pixel of a full-width chart: more only costs paint time */
    static final int MAX_POINTS = 800;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final XYChart.Series<Number, Number> raw = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> smooth = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validation = new XYChart.Series<>();
    private final Pane overlay = new Pane();
    private final Label readout = new Label();
    private double[] losses = new double[0];
    /** {@link #losses} smoothed with the current weight: computed once a redraw, read by the hover read-out */
    private double[] smoothed = new double[0];
    private List<RunRecord.EpochPoint> epochs = List.of();
    private int perEpoch = 1;
    private boolean log;
    private double smoothing = 0.6;

    public LossChart() {
        getStyleClass().add("loss-chart");
        xAxis.setLabel("iteration");
        xAxis.setForceZeroInRange(false);
        yAxis.setLabel("loss");
        yAxis.setForceZeroInRange(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        raw.setName("train (raw)");
        smooth.setName("train (smoothed)");
        validation.setName("validation (per epoch)");
        chart.getData().addAll(List.of(raw, smooth, validation));
        overlay.setMouseTransparent(true);
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        StackPane.setAlignment(readout, javafx.geometry.Pos.TOP_RIGHT);
        getChildren().addAll(chart, overlay, readout);
        chart.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        chart.setOnMouseExited(e -> readout.setVisible(false));
        chart.needsLayoutProperty().addListener((o, a, needs) -> { if (!needs) drawEpochLines(); });
    }

    public void setData(List<Double> iterationLoss, List<RunRecord.EpochPoint> epochPoints, int iterationsPerEpoch) {
        losses = iterationLoss.stream().mapToDouble(Double::doubleValue).toArray();
        epochs = List.copyOf(epochPoints);
        perEpoch = Math.max(1, iterationsPerEpoch);
        redraw();
    }

    public void setLogScale(boolean on) {
        log = on;
        yAxis.setLabel(on ? "loss (log scale)" : "loss");
        yAxis.setTickLabelFormatter(on ? new javafx.util.StringConverter<>() {
            public String toString(Number n) { return String.format(Locale.ROOT, "%.3g", Math.pow(10, n.doubleValue())); }
            public Number fromString(String s) { return Math.log10(Double.parseDouble(s)); }
        } : null);
        redraw();
    }

    public void setSmoothing(double weight) {
        smoothing = weight;
        redraw();
    }

    public LineChart<Number, Number> chart() { return chart; }

    /** How many points the smoothed series draws (for tests of the point cap). */
    public int drawnPoints() { return smooth.getData().size(); }

    private double y(double v) {
        return log ? Math.log10(Math.max(v, 1e-12)) : v;
    }

    private void redraw() {
        smoothed = Curves.smooth(losses, smoothing);
        int[] keep = Curves.decimate(losses.length, MAX_POINTS);
        java.util.ArrayList<XYChart.Data<Number, Number>> r = new java.util.ArrayList<>(keep.length);
        java.util.ArrayList<XYChart.Data<Number, Number>> s = new java.util.ArrayList<>(keep.length);
        for (int i : keep) {
            if (!Double.isFinite(losses[i])) continue;
            r.add(new XYChart.Data<>(i + 1, y(losses[i])));
            s.add(new XYChart.Data<>(i + 1, y(smoothed[i])));
        }
        raw.getData().setAll(r);
        smooth.getData().setAll(s);
        java.util.ArrayList<XYChart.Data<Number, Number>> v = new java.util.ArrayList<>();
        for (RunRecord.EpochPoint p : epochs) {
            if (!Double.isFinite(p.validationLoss())) continue;
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.iteration(), y(p.validationLoss()));
            // a node set before the point is added becomes its marker, even with symbols off
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5);
            dot.getStyleClass().add("validation-dot");
            javafx.scene.control.Tooltip.install(dot, new javafx.scene.control.Tooltip(String.format(Locale.ROOT,
                    "epoch %d: validation loss %.5f, PSNR %.2f dB", p.epoch(), p.validationLoss(), p.validationPsnr())));
            d.setNode(dot);
            v.add(d);
        }
        validation.getData().setAll(v);
        chart.requestLayout();
    }

    private void drawEpochLines() {
        overlay.getChildren().clear();
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null || epochs.isEmpty()) return;
        Bounds b = overlay.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        for (RunRecord.EpochPoint p : epochs) {
            double x = xAxis.getDisplayPosition(p.iteration());
            Bounds axisInScene = xAxis.localToScene(xAxis.getBoundsInLocal());
            double sx = overlay.sceneToLocal(axisInScene.getMinX() + x, 0).getX();
            if (sx < b.getMinX() || sx > b.getMaxX()) continue;
            Line line = new Line(sx, b.getMinY(), sx, b.getMaxY());
            line.getStyleClass().add("epoch-line");
            overlay.getChildren().add(line);
        }
    }

    private void hover(double mx, double my) {
        if (losses.length == 0) return;
        Bounds axis = xAxis.localToScene(xAxis.getBoundsInLocal());
        double sceneX = chart.localToScene(mx, my).getX();
        Number it = xAxis.getValueForDisplay(sceneX - axis.getMinX());
        int i = (int) Math.round(it.doubleValue()) - 1;
        if (i < 0 || i >= losses.length) {
            readout.setVisible(false);
            return;
        }
        readout.setText(String.format(Locale.ROOT, "iteration %d · epoch %d · loss %.5f (smoothed %.5f)",
                i + 1, i / perEpoch + 1, losses[i], smoothed[i]));
        readout.setVisible(true);
    }
}
