package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.analysis.AnomalyReport;
import com.daeworkbench.core.analysis.Roc;
import com.daeworkbench.core.analysis.Score;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.ui.common.ChartExport;
import com.daeworkbench.ui.common.Images;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Anomaly detection by reconstruction error: score histograms, ROC and AUC, a threshold, the extremes. */
public final class AnomaliesView extends BorderPane {
    private final AnalysisViewModel vm;
    final AreaChart<Number, Number> histogram = new AreaChart<>(new NumberAxis(), new NumberAxis());
    final LineChart<Number, Number> roc = new LineChart<>(new NumberAxis(0, 1, 0.2), new NumberAxis(0, 1, 0.2));
    private final FlowPane most = new FlowPane(4, 4), least = new FlowPane(4, 4);
    private final Label precisionRecall = new Label();
    private final Label hover = new Label("Hover the charts to read them.");
    final javafx.scene.control.TableView<OddRowList.OddRow> mostRows = OddRowTable.create("odd-rows-most");
    final javafx.scene.control.TableView<OddRowList.OddRow> leastRows = OddRowTable.create("odd-rows-least");

    public AnomaliesView(AnalysisViewModel vm, Consumer<String> notifier) {
        this.vm = vm;
        setId("anomalies-view");
        ComboBox<String> second = new ComboBox<>();
        second.getItems().addAll(AnalysisViewModel.BLOTCH, AnalysisViewModel.ROTATED, AnalysisViewModel.GLYPH, AnalysisViewModel.FASHION);
        second.valueProperty().bindBidirectional(vm.secondSetProperty());
        second.setTooltip(new Tooltip("The images to tell apart from the normal test split: another data set, or the same"
                + " digits with a defect the network never saw."));
        ComboBox<Score> score = new ComboBox<>();
        score.getItems().addAll(Score.values());
        score.valueProperty().bindBidirectional(vm.scoreProperty());
        score.setTooltip(new Tooltip("How an image's anomaly score is computed: the network rebuilds normal images well, so a"
                + " large reconstruction error means 'not like the training data'."));
        Button run = new Button("Score");
        run.setId("run-anomalies");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.runAnomalies());
        Label against = new Label("against");
        Label scoreLabel = new Label("score");
        Label rowsNote = new Label("odd rows: the rarer label · score: each column hidden in turn");
        rowsNote.setId("odd-rows-note");
        rowsNote.setTooltip(new Tooltip("A table model scores every row of its table: each column in turn is hidden and predicted from"
                + " the rest of the row, and a row whose values the others do not explain scores high. The rows of the rarer label"
                + " stand for the odd ones, so the ROC says how well the score finds them without ever seeing the label."));
        // a table has no second image set and one score: show what is scored instead of controls that do nothing
        for (javafx.scene.Node n : List.of(against, second, scoreLabel, score)) {
            n.visibleProperty().bind(vm.tableModelProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        rowsNote.visibleProperty().bind(vm.tableModelProperty());
        rowsNote.managedProperty().bind(rowsNote.visibleProperty());
        setTop(new ModelBar(vm, AnalysisViewModel.Tab.ANOMALIES, against, second, scoreLabel, score, rowsNote, run));

        histogram.setId("anomaly-histogram");
        histogram.getStyleClass().add("anomaly-chart");
        roc.getStyleClass().addAll("anomaly-chart", "roc-chart");
        histogram.setTitle("Anomaly scores");
        histogram.setAnimated(false);
        histogram.setCreateSymbols(false);
        histogram.getXAxis().setLabel("score (higher = more anomalous)");
        histogram.getYAxis().labelProperty().bind(javafx.beans.binding.Bindings.when(vm.tableModelProperty()).then("rows").otherwise("images"));
        roc.setId("anomaly-roc");
        roc.setTitle("ROC curve");
        roc.setAnimated(false);
        roc.setCreateSymbols(false);
        roc.getXAxis().setLabel("false positive rate");
        roc.getYAxis().setLabel("true positive rate (recall)");
        Slider threshold = new Slider(0, 1, 0);
        threshold.setId("anomaly-threshold");
        threshold.setTooltip(new Tooltip("Images (or rows) scoring at or above the threshold are flagged as anomalies."));
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        vm.reportProperty().addListener((o, a, r) -> {
            if (r == null) return;
            // the slider reaches every score, also past a wild tail the histogram folds into its last bin
            double max = Math.max(r.histogram().binStart(r.histogram().bins()),
                    java.util.stream.DoubleStream.concat(java.util.Arrays.stream(r.normalScores()), java.util.Arrays.stream(r.testScores())).max().orElse(0));
            threshold.setMin(r.histogram().min());
            threshold.setMax(max);
            threshold.setValue(r.thresholdAt95Recall());
            draw(r);
        });
        vm.confusionProperty().addListener((o, a, c) -> showConfusion(c));
        hover.getStyleClass().add("hint");
        histogram.setOnMouseMoved(e -> hoverHistogram(e.getSceneX(), e.getSceneY()));
        roc.setOnMouseMoved(e -> hoverRoc(e.getSceneX(), e.getSceneY()));
        HBox thresholdRow = new HBox(8, new Label("Threshold"), threshold, precisionRecall);
        HBox.setHgrow(threshold, Priority.ALWAYS);
        thresholdRow.setPadding(new Insets(0, 10, 0, 10));
        javafx.scene.Node histogramArea = com.daeworkbench.ui.common.ChartPlaceholder.over(histogram,
                javafx.beans.binding.Bindings.when(vm.tableModelProperty())
                        .then("Press Score: every row of the table is scored; the scores of the commoner label's rows and of the"
                                + " rarer label's (taken as the odd ones) appear here as two histograms.")
                        .otherwise("Press Score: the anomaly scores of the normal test images and of the second set appear here as"
                                + " two histograms."));
        javafx.scene.Node rocArea = com.daeworkbench.ui.common.ChartPlaceholder.over(roc,
                "Press Score: the ROC curve (how well the score separates the two sets) and its AUC appear here.");
        VBox histogramBox = new VBox(4, histogramArea, hover, thresholdRow, ChartExport.buttons(histogram, "anomaly-histogram",
                "bin_start,normal,test", this::histogramRows, notifier));
        VBox rocBox = new VBox(4, rocArea, ChartExport.buttons(roc, "anomaly-roc", "false_positive_rate,true_positive_rate,threshold",
                this::rocRows, notifier));
        VBox.setVgrow(histogramArea, Priority.ALWAYS);
        VBox.setVgrow(rocArea, Priority.ALWAYS);
        GridPane charts = new GridPane();
        charts.setHgap(10);
        charts.add(histogramBox, 0, 0);
        charts.add(rocBox, 1, 0);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setPercentWidth(58);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setPercentWidth(42);
        charts.getColumnConstraints().addAll(c0, c1);
        javafx.scene.layout.RowConstraints r0 = new javafx.scene.layout.RowConstraints();
        r0.setVgrow(Priority.ALWAYS);
        charts.getRowConstraints().add(r0);
        Label mostLabel = new Label("Most anomalous (orange: from the second set)");
        Label leastLabel = new Label("Least anomalous");
        VBox extremes = new VBox(6, mostLabel, most, leastLabel, least);
        extremes.setPadding(new Insets(6, 10, 10, 10));
        HBox rowTables = new HBox(10, titled("Rows rebuilt worst (orange: the rarer label)", mostRows),
                titled("Rows rebuilt best", leastRows));
        rowTables.setPadding(new Insets(6, 10, 10, 10));
        rowTables.setPrefHeight(190);
        rowTables.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        vm.oddRowsProperty().addListener((o, a, list) -> {
            mostRows.getItems().setAll(list == null ? List.of() : list.most());
            leastRows.getItems().setAll(list == null ? List.of() : list.least());
        });
        // the tab's lower part follows the model: row tables for a table's model, thumbnails for an image model
        vm.tableModelProperty().addListener((o, a, table) -> setBottom(table ? rowTables : extremes));
        setCenter(charts);
        setBottom(vm.tableModelProperty().get() ? rowTables : extremes);
        BorderPane.setMargin(charts, new Insets(6, 10, 0, 10));
    }

    private static VBox titled(String title, javafx.scene.control.TableView<?> table) {
        VBox box = new VBox(4, new Label(title), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** What the second histogram holds: the second image set, or a table's rows of the rarer label. */
    private String secondName() {
        OddRowList rows = vm.oddRowsProperty().get();
        return rows == null ? vm.secondSetProperty().get() : rows.oddLabel() + " rows";
    }

    private void draw(AnomalyReport r) {
        XYChart.Series<Number, Number> normal = new XYChart.Series<>(), test = new XYChart.Series<>();
        OddRowList rows = vm.oddRowsProperty().get();
        normal.setName(rows == null ? "normal test split" : rows.normalLabel() + " rows");
        test.setName(secondName());
        AnomalyReport.Histogram h = r.histogram();
        for (int i = 0; i < h.bins(); i++) {
            double x = h.binStart(i) + h.binWidth() / 2;
            normal.getData().add(new XYChart.Data<>(x, h.normal()[i]));
            test.getData().add(new XYChart.Data<>(x, h.test()[i]));
        }
        histogram.getData().setAll(List.of(normal, test));
        XYChart.Series<Number, Number> curve = new XYChart.Series<>(), chance = new XYChart.Series<>();
        curve.setName(String.format(Locale.ROOT, "%s score, AUC %.3f", rows == null ? r.score().key() : "row", r.auc()));
        for (Roc.Point p : r.rocCurve()) curve.getData().add(new XYChart.Data<>(p.fpr(), p.tpr()));
        chance.setName("chance (AUC 0.5)");
        chance.getData().add(new XYChart.Data<>(0, 0));
        chance.getData().add(new XYChart.Data<>(1, 1));
        roc.getData().setAll(List.of(curve, chance));
        ImageSet[] sets = vm.anomalySetsProperty().get();
        fill(most, r.mostAnomalous(), sets);
        fill(least, r.leastAnomalous(), sets);
    }

    private static void fill(FlowPane pane, List<AnomalyReport.Ranked> ranked, ImageSet[] sets) {
        pane.getChildren().clear();
        if (sets == null) return;
        for (AnomalyReport.Ranked k : ranked) {
            ImageSet set = sets[k.source() == AnomalyReport.Source.NORMAL ? 0 : 1];
            ImageView v = new ImageView(Images.gray(set.pixels(), k.index() * set.pixelsPerImage(), set.width(), set.height()));
            v.setFitWidth(48);
            v.setFitHeight(48);
            v.setSmooth(false);
            Label cell = new Label(String.format(Locale.ROOT, "%.4f", k.score()), v);
            cell.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            cell.getStyleClass().add(k.source() == AnomalyReport.Source.TEST ? "from-test-set" : "from-normal-set");
            pane.getChildren().add(cell);
        }
    }

    /** The value under the pointer, in the chart's units, or NaN off the plot. */
    private static double[] valueAt(XYChart<Number, Number> chart, double sceneX, double sceneY) {
        javafx.scene.Node plot = chart.lookup(".chart-plot-background");
        if (plot == null) return null;
        javafx.geometry.Point2D p = plot.sceneToLocal(sceneX, sceneY);
        if (!plot.getLayoutBounds().contains(p)) return null;
        NumberAxis x = (NumberAxis) chart.getXAxis(), y = (NumberAxis) chart.getYAxis();
        double xOffset = x.sceneToLocal(plot.localToScene(0, 0)).getX();
        double yOffset = y.sceneToLocal(plot.localToScene(0, 0)).getY();
        return new double[] {x.getValueForDisplay(p.getX() + xOffset).doubleValue(), y.getValueForDisplay(p.getY() + yOffset).doubleValue()};
    }

    private void hoverHistogram(double sceneX, double sceneY) {
        AnomalyReport r = vm.reportProperty().get();
        double[] v = valueAt(histogram, sceneX, sceneY);
        if (r == null || v == null) return;
        AnomalyReport.Histogram h = r.histogram();
        int bin = (int) Math.floor((v[0] - h.min()) / h.binWidth());
        if (bin < 0 || bin >= h.bins()) return;
        hover.setText(String.format(Locale.ROOT, "scores %.4f to %.4f: %d normal, %d %s", h.binStart(bin), h.binStart(bin + 1),
                h.normal()[bin], h.test()[bin], secondName()));
    }

    private void hoverRoc(double sceneX, double sceneY) {
        AnomalyReport r = vm.reportProperty().get();
        double[] v = valueAt(roc, sceneX, sceneY);
        if (r == null || v == null) return;
        Roc.Point best = null;
        for (Roc.Point p : r.rocCurve()) if (best == null || Math.abs(p.fpr() - v[0]) < Math.abs(best.fpr() - v[0])) best = p;
        if (best != null) {
            hover.setText(String.format(Locale.ROOT, "ROC: false positive rate %.3f, recall %.3f at threshold %.4f", best.fpr(), best.tpr(), best.threshold()));
        }
    }

    private void showConfusion(Roc.Confusion c) {
        precisionRecall.setText(c == null ? "" : String.format(Locale.ROOT, "precision %.3f · recall %.3f · %d flagged",
                c.precision(), c.recall(), c.truePositives() + c.falsePositives()));
    }

    private List<String> histogramRows() {
        List<String> rows = new ArrayList<>();
        AnomalyReport r = vm.reportProperty().get();
        if (r == null) return rows;
        for (int i = 0; i < r.histogram().bins(); i++) {
            rows.add(String.format(Locale.ROOT, "%.6f,%d,%d", r.histogram().binStart(i), r.histogram().normal()[i], r.histogram().test()[i]));
        }
        return rows;
    }

    private List<String> rocRows() {
        List<String> rows = new ArrayList<>();
        AnomalyReport r = vm.reportProperty().get();
        if (r != null) for (Roc.Point p : r.rocCurve()) rows.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f", p.fpr(), p.tpr(), p.threshold()));
        return rows;
    }
}
