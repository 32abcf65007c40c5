package com.daeworkbench.ui.train;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.ui.common.Curves;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
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
    private final EpochLineChart chart = new EpochLineChart(xAxis, yAxis);
    private final XYChart.Series<Number, Number> raw = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> smooth = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validation = new XYChart.Series<>();
    private final Label readout = new Label();
    private double[] losses = new double[0];
    /** {@link #losses} smoothed with the current weight: computed once a redraw, read by the hover read-out */
    private double[] smoothed = new double[0];
    private List<RunRecord.EpochPoint> epochs = List.of();
    private int perEpoch = 1;
    private boolean log;
    private double smoothing = 0.6;
    /** the part of training shown, as fractions of the iterations so far (a live run keeps filling it) */
    private double rangeFrom = 0;
    private double rangeTo = 1;

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
        readout.getStyleClass().add("chart-readout");
        readout.setVisible(false);
        readout.setMouseTransparent(true);
        StackPane.setAlignment(readout, javafx.geometry.Pos.TOP_RIGHT);
        getChildren().addAll(chart, readout);
        chart.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        chart.setOnMouseExited(e -> readout.setVisible(false));
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

    /**
     * Shows only the iterations between the two fractions of those done so far (zooming in on
     * late training, where the curve flattens). The smoothing is still computed over every
     * iteration, so a point's smoothed value is the same at every zoom.
     */
    public void setRange(double from, double to) {
        rangeFrom = Math.max(0, Math.min(from, to));
        rangeTo = Math.min(1, Math.max(from, to));
        redraw();
    }

    public LineChart<Number, Number> chart() { return chart; }

    /** The iterations (1-based) of the first and last drawn points, or null when nothing is drawn (for tests). */
    public int[] drawnIterations() {
        var d = smooth.getData();
        return d.isEmpty() ? null : new int[] {d.get(0).getXValue().intValue(), d.get(d.size() - 1).getXValue().intValue()};
    }

    /** The smoothed value drawn at an iteration, or NaN where none is drawn (for tests). */
    public double drawnSmoothed(int iteration) {
        for (XYChart.Data<Number, Number> p : smooth.getData()) if (p.getXValue().intValue() == iteration) return p.getYValue().doubleValue();
        return Double.NaN;
    }

    /** Path elements of the validation line and its dots on screen (for tests: a new run must show none of the last). */
    int[] validationDrawn() {
        int elements = validation.getNode() instanceof javafx.scene.shape.Path path ? path.getElements().size() : 0;
        long dots = chart.lookupAll(".validation-dot").stream().filter(javafx.scene.Node::isVisible).count();
        return new int[] {elements, (int) dots};
    }

    /** How many points the smoothed series draws (for tests of the point cap). */
    public int drawnPoints() { return smooth.getData().size(); }

    private double y(double v) {
        return log ? Math.log10(Math.max(v, 1e-12)) : v;
    }

    private void redraw() {
        smoothed = Curves.smooth(losses, smoothing);
        int n = losses.length;
        // at least two points stay in view, however narrow the range
        int first = Math.min((int) Math.floor(rangeFrom * n), Math.max(0, n - 2));
        int last = Math.min(n, Math.max(first + 2, (int) Math.ceil(rangeTo * n)));
        int[] keep = Curves.decimate(first, last, MAX_POINTS);
        java.util.function.IntPredicate inView = iteration -> iteration > first && iteration <= last;   // 1-based
        java.util.ArrayList<XYChart.Data<Number, Number>> r = new java.util.ArrayList<>(keep.length);
        java.util.ArrayList<XYChart.Data<Number, Number>> s = new java.util.ArrayList<>(keep.length);
        for (int i : keep) {
            if (!Double.isFinite(losses[i])) continue;
            r.add(new XYChart.Data<>(i + 1, y(losses[i])));
            s.add(new XYChart.Data<>(i + 1, y(smoothed[i])));
        }
        raw.getData().setAll(r);
        smooth.getData().setAll(s);
        // iterations are counted: whole-number ticks over the iterations in view
        if (n > 0) com.daeworkbench.ui.common.CountAxes.fit(xAxis, first + 1, Math.max(first + 2, last));
        else xAxis.setAutoRanging(true);
        java.util.ArrayList<XYChart.Data<Number, Number>> v = new java.util.ArrayList<>();
        for (RunRecord.EpochPoint p : epochs) {
            if (!Double.isFinite(p.validationLoss()) || !inView.test(p.iteration())) continue;
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.iteration(), y(p.validationLoss()));
            // a node set before the point is added becomes its marker, even with symbols off
            // a table trains 100 short epochs: small dots, or they hide the curve
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(epochs.size() > 30 ? 3 : 5);
            dot.getStyleClass().add("validation-dot");
            javafx.scene.control.Tooltip.install(dot, new javafx.scene.control.Tooltip(String.format(Locale.ROOT,
                    "epoch %d: validation loss %.5f, %s", p.epoch(), p.validationLoss(), Double.isNaN(p.validationPsnr())
                            ? String.format(Locale.ROOT, "RMSE %.3f", p.validationRmse())
                            : String.format(Locale.ROOT, "PSNR %.2f dB", p.validationPsnr()))));
            d.setNode(dot);
            v.add(d);
        }
        validation.getData().setAll(v);
        chart.setEpochEnds(thinned(epochs.stream().mapToInt(RunRecord.EpochPoint::iteration).filter(inView).toArray()));
    }

    /** At most about {@link #MAX_EPOCH_LINES} epoch lines, evenly spaced and the last kept: 100 lines are a gray wall, not a guide. */
    static int[] thinned(int[] ends) {
        if (ends.length <= MAX_EPOCH_LINES) return ends;
        int step = (ends.length + MAX_EPOCH_LINES - 1) / MAX_EPOCH_LINES;
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int i = ends.length - 1; i >= 0; i -= step) kept.add(0, ends[i]);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    static final int MAX_EPOCH_LINES = 25;

    /**
     * A line chart with a dashed line at each epoch's end, placed in the chart's own layout
     * pass from the axis just laid out: lines placed after the layout, from the axis's last
     * scale, lagged the data by a redraw and missed their validation dots.
     */
    private static final class EpochLineChart extends LineChart<Number, Number> {
        private final List<Line> lines = new java.util.ArrayList<>();
        private int[] ends = new int[0];

        EpochLineChart(NumberAxis x, NumberAxis y) {
            super(x, y);
        }

        void setEpochEnds(int[] iterations) {
            ends = iterations;
            while (lines.size() < ends.length) {
                Line l = new Line();
                l.getStyleClass().add("epoch-line");
                l.setMouseTransparent(true);
                lines.add(l);
                getPlotChildren().add(0, l);   // behind the curves
            }
            for (int i = 0; i < lines.size(); i++) lines.get(i).setVisible(i < ends.length);
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            // LineChart leaves the last path of a series whose data became empty: a new run drew the
            // previous run's validation line over its own axes until its first epoch ended
            for (Series<Number, Number> series : getData()) {
                if (series.getData().isEmpty() && series.getNode() instanceof javafx.scene.shape.Path path) path.getElements().clear();
            }
            double height = getYAxis().getHeight();
            for (int i = 0; i < ends.length; i++) {
                double x = getXAxis().getDisplayPosition(ends[i]);
                Line l = lines.get(i);
                l.setStartX(x);
                l.setEndX(x);
                l.setStartY(0);
                l.setEndY(height);
            }
        }
    }

    /** Where the epoch lines stand, in the axis's units (for tests). */
    int[] epochLineIterations() { return chart.ends.clone(); }

    /** The x of an epoch line and of the validation dot at the same epoch, in the plot's coordinates (for tests). */
    double[] epochLineAndDotX(int k) {
        double dot = validation.getData().get(k).getNode().getBoundsInParent().getCenterX();
        return new double[] {chart.lines.get(k).getStartX(), dot};
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
