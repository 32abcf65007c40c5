package com.daeworkbench.ui.train;

import com.daeworkbench.core.model.NetworkPlan.Shape;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The network as a row of bars, input to output, one per layer's output: a bar's height grows
 * with the square root of the values it holds, so a dense autoencoder reads as a funnel into its
 * code and out again, and a conv one shows that its pooled code is not smaller than its input.
 * The code (the bottleneck) is marked; each bar's tooltip gives its shape.
 */
final class LayerDiagram extends VBox {
    static final double MAX_BAR = 64;
    private static final double MIN_BAR = 3;
    private static final double BAR_WIDTH = 18;
    private final HBox bars = new HBox(4);
    private final Label caption = new Label();

    LayerDiagram() {
        getStyleClass().add("layer-bars");
        bars.setAlignment(Pos.CENTER);
        bars.setMinHeight(MAX_BAR);
        bars.setPrefHeight(MAX_BAR);
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        setSpacing(4);
        getChildren().addAll(bars, caption);
    }

    void show(List<Shape> shapes, int code) {
        bars.getChildren().clear();
        if (shapes.isEmpty()) {
            caption.setText("");
            return;
        }
        double max = Math.sqrt(shapes.stream().mapToLong(Shape::values).max().orElse(1));
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            Region bar = new Region();
            double h = Math.max(MIN_BAR, MAX_BAR * Math.sqrt(s.values()) / max);
            bar.setMinSize(BAR_WIDTH, h);
            bar.setPrefSize(BAR_WIDTH, h);
            bar.setMaxSize(BAR_WIDTH, h);
            String role = i == 0 ? "input" : i == shapes.size() - 1 ? "output" : i == code ? "code (bottleneck)" : "layer " + i;
            bar.getStyleClass().add(i == code ? "layer-bar-code" : i == 0 || i == shapes.size() - 1 ? "layer-bar-io" : "layer-bar");
            Tooltip t = new Tooltip(String.format(Locale.ROOT, "%s: %s = %,d values per image", role, s, s.values()));
            t.setShowDelay(javafx.util.Duration.millis(200));
            Tooltip.install(bar, t);
            bars.getChildren().add(bar);
        }
        Shape in = shapes.get(0);
        Shape c = code >= 0 && code < shapes.size() ? shapes.get(code) : null;
        caption.setText(c == null ? "No bottleneck: every layer keeps the image's size; the network predicts the noise and subtracts it."
                : String.format(Locale.ROOT, "input %s → code %s (%,d values, %s the input's %,d)",
                in, c, c.values(), c.values() < in.values() ? String.format(Locale.ROOT, "%.0f%% of", 100.0 * c.values() / in.values()) : "more than",
                in.values()));
    }
}
