package com.daeworkbench.ui.train;

import com.daeworkbench.core.train.LearningRateFinder;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The learning-rate test's curve (smoothed loss by rate, log scale) and its suggestion, which the user may take. */
final class LearningRateDialog {
    private LearningRateDialog() { }

    static void show(Window owner, LearningRateFinder.Result result, TrainViewModel vm) {
        NumberAxis x = new NumberAxis();
        x.setLabel("learning rate (log scale)");
        x.setAutoRanging(false);
        double lo = Math.floor(Math.log10(result.points().get(0).learningRate()));
        double hi = Math.ceil(Math.log10(result.points().get(result.points().size() - 1).learningRate()));
        x.setLowerBound(lo);
        x.setUpperBound(Math.max(hi, lo + 1));
        x.setTickUnit(1);
        x.setTickLabelFormatter(new StringConverter<>() {
            public String toString(Number n) { return "1e" + Math.round(n.doubleValue()); }
            public Number fromString(String s) { return null; }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("loss (smoothed)");
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefSize(560, 320);
        XYChart.Series<Number, Number> loss = new XYChart.Series<>();
        for (LearningRateFinder.Point p : result.points()) loss.getData().add(new XYChart.Data<>(Math.log10(p.learningRate()), p.smoothedLoss()));
        XYChart.Series<Number, Number> mark = new XYChart.Series<>();
        double lowest = result.points().stream().mapToDouble(LearningRateFinder.Point::smoothedLoss).min().orElse(0);
        double highest = result.points().stream().mapToDouble(LearningRateFinder.Point::smoothedLoss).max().orElse(1);
        mark.getData().add(new XYChart.Data<>(Math.log10(result.suggestion()), lowest));
        mark.getData().add(new XYChart.Data<>(Math.log10(result.suggestion()), highest));
        chart.getData().add(loss);
        chart.getData().add(mark);
        String suggestion = TrainView.formatRate(result.suggestion());
        Label reading = new Label(String.format(Locale.ROOT,
                "Flat on the left: the rate is too small to move the weights. The loss falls fastest at %s, is lowest at %s%s."
                        + " The vertical line is the suggestion, %s: a third of the fastest fall's rate, because a whole run needs"
                        + " more stability than these 100 batches.",
                TrainView.formatRate(result.suggestion() * 3), TrainView.formatRate(result.lowestLossRate()),
                result.diverged() ? ", then explodes" : "", suggestion));
        reading.setWrapText(true);
        reading.setMaxWidth(560);
        reading.getStyleClass().add("hint");
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Learning-rate test");
        dialog.getDialogPane().setContent(new VBox(8, chart, reading));
        ButtonType use = new ButtonType("Use " + suggestion, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(use, ButtonType.CLOSE);
        dialog.showAndWait().filter(b -> b == use).ifPresent(b -> vm.useSuggestedLearningRate());
    }
}
