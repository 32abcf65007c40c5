package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.ui.train.SampleGrid;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The chosen configuration: its loss curves (the training loss of every iteration, thin, and the
 * train and validation loss at each epoch's end, x in epochs) and corrupted | reconstructed |
 * clean validation images from the model its run kept.
 */
final class RunDetails extends VBox {
    static final String CHOOSE = "Click a run in the table or a line in the parallel coordinates: its curves and reconstructions show here.";

    private final Label title = new Label("No run chosen");
    private final Label message = new Label(CHOOSE);
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> curves = new LineChart<>(x, y);
    private final SampleGrid reconstructions = new SampleGrid();

    RunDetails() {
        super(6);
        setId("sweep-details");
        title.getStyleClass().add("section-title");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        x.setLabel("epoch");
        x.setForceZeroInRange(true);
        y.setLabel("loss");
        y.setForceZeroInRange(false);
        curves.setAnimated(false);
        curves.setCreateSymbols(true);
        curves.setPrefHeight(210);
        curves.setMinHeight(160);
        curves.setLegendVisible(true);
        reconstructions.showPlaceholder("");
        getChildren().addAll(title, message, curves, reconstructions);
        show(null, false);
    }

    void show(SweepViewModel.Details d, boolean loading) {
        curves.getData().clear();
        // no empty chart axes before a run is chosen: the message says what comes here
        curves.setVisible(d != null);
        curves.setManaged(d != null);
        reconstructions.setVisible(d != null && d.samples() != null);
        reconstructions.setManaged(d != null && d.samples() != null);
        if (d == null) {
            title.setText(loading ? "Loading…" : "No run chosen");
            message.setText(loading ? "Reading the run's curves and denoising validation images with its model…" : CHOOSE);
            return;
        }
        title.setText("#" + d.row().number() + "  " + d.row().describe() + String.format(Locale.ROOT, "  —  %.2f dB", d.row().psnr()));
        message.setText(d.problem().isEmpty() ? "Loss by epoch; below, validation images as this run's model denoises them." : d.problem());
        if (d.record() != null) {
            List<XYChart.Series<Number, Number>> all = series(d.record());
            curves.getData().setAll(all);
            // every iteration's loss is a thin line, no dots; the epochs' ends keep theirs
            for (XYChart.Data<Number, Number> point : all.get(0).getData()) if (point.getNode() != null) point.getNode().setVisible(false);
            if (all.get(0).getNode() != null) all.get(0).getNode().setStyle("-fx-stroke-width: 1px; -fx-opacity: 0.6;");
        }
        if (d.samples() != null) reconstructions.show(d.samples(), null);
    }

    private static List<XYChart.Series<Number, Number>> series(RunRecord r) {
        XYChart.Series<Number, Number> iterations = new XYChart.Series<>();
        iterations.setName("train (iterations)");
        XYChart.Series<Number, Number> train = new XYChart.Series<>();
        train.setName("train (epoch)");
        XYChart.Series<Number, Number> validation = new XYChart.Series<>();
        validation.setName("validation");
        int perEpoch = r.epochs().isEmpty() ? 0 : r.epochs().get(0).iteration();
        if (perEpoch > 0) {
            // at most ~200 points: a chart of every iteration of a long run is slow and no clearer
            int step = Math.max(1, r.iterationLoss().size() / 200);
            for (int i = 0; i < r.iterationLoss().size(); i += step) {
                iterations.getData().add(new XYChart.Data<>((i + 1.0) / perEpoch, r.iterationLoss().get(i)));
            }
        }
        for (RunRecord.EpochPoint p : r.epochs()) {
            train.getData().add(new XYChart.Data<>(p.epoch(), p.trainLoss()));
            validation.getData().add(new XYChart.Data<>(p.epoch(), p.validationLoss()));
        }
        return List.of(iterations, train, validation);
    }
}
