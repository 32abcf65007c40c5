package com.daeworkbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * An empty chart showed bare 0-110 axes; this says instead what will appear and which button
 * fills it, and shows the chart once it has data.
 */
public final class ChartPlaceholder {
    private ChartPlaceholder() { }

    /** The chart under a message shown while none of its series has a point. */
    public static StackPane over(XYChart<?, ?> chart, String message) {
        return over(chart, new javafx.beans.property.SimpleStringProperty(message));
    }

    /** The same with a message that follows what the chart will show (images or table rows). */
    public static StackPane over(XYChart<?, ?> chart, javafx.beans.value.ObservableValue<String> message) {
        Label text = new Label();
        text.textProperty().bind(message);
        text.setWrapText(true);
        text.setMaxWidth(360);
        text.getStyleClass().add("placeholder");
        text.setMouseTransparent(true);
        BooleanBinding empty = Bindings.createBooleanBinding(
                () -> chart.getData().stream().allMatch(s -> s.getData().isEmpty()), chart.getData());
        text.visibleProperty().bind(empty);
        chart.visibleProperty().bind(empty.not());
        StackPane pane = new StackPane(chart, text);
        pane.setMinHeight(0);
        return pane;
    }
}
