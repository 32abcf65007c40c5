package com.daeworkbench.ui.train;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The Train tab's control factories: sliders, spinners bound to view-model properties, knobs, forms, tooltips. */
final class Controls {
    private Controls() { }

    static Slider slider(double min, double max, double value, double tick) {
        Slider s = new Slider(min, max, value);
        s.setBlockIncrement(tick);
        s.setMajorTickUnit(tick * 4);
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }

    static Spinner<Integer> spinner(int min, int max, javafx.beans.property.IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, a, v) -> { if (v != null) p.set(v); });
        p.addListener((o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }

    /**
     * A slider for quick, visible changes with a spinner beside it for exact values. On a
     * {@code log2} knob the slider steps through powers of two; a value typed in the spinner
     * (48, say) is kept as it is, the slider only showing where it lies.
     */
    static Node knob(int min, int max, boolean log2, javafx.beans.property.IntegerProperty p, String id, String help) {
        java.util.function.IntToDoubleFunction toSlider = v -> log2 ? Math.log(v) / Math.log(2) : v;
        Slider slider = new Slider(toSlider.applyAsDouble(min), toSlider.applyAsDouble(max), toSlider.applyAsDouble(p.get()));
        slider.setId(id + "-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(110);
        Spinner<Integer> spinner = spinner(min, max, p);
        spinner.setId(id + "-spinner");
        spinner.setPrefWidth(78);
        boolean[] syncing = {false};
        slider.valueProperty().addListener((o, a, v) -> {
            if (syncing[0]) return;
            int value = (int) Math.round(log2 ? Math.pow(2, Math.round(v.doubleValue())) : v.doubleValue());
            if (value != p.get()) p.set(Math.max(min, Math.min(max, value)));
        });
        p.addListener((o, a, v) -> {
            syncing[0] = true;
            slider.setValue(toSlider.applyAsDouble(v.intValue()));
            syncing[0] = false;
        });
        slider.setTooltip(tip(help));
        spinner.setTooltip(tip(help));
        HBox box = new HBox(6, slider, spinner);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        return box;
    }

    static Node labelled(String label, Slider slider, Label value) {
        value.setMinWidth(40);
        HBox box = new HBox(8, new Label(label), slider, value);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.getStyleClass().add("form");
        return g;
    }

    static Tooltip tip(String text) {
        Tooltip t = com.daeworkbench.ui.common.Tooltips.wrapped(text);
        t.setShowDelay(javafx.util.Duration.millis(350));
        return t;
    }

    static <E extends Enum<E>> StringConverter<E> enumNames(Class<E> type) {
        return new StringConverter<>() {
            public String toString(E e) {
                if (e == null) return "";
                String s = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                return switch (s) {
                    case "sgd momentum" -> "SGD + momentum";
                    case "rmsprop" -> "RMSProp";
                    case "adam" -> "Adam";
                    case "relu" -> "ReLU";
                    case "leaky relu" -> "leaky ReLU";
                    case "elu" -> "ELU";
                    default -> s;
                };
            }
            public E fromString(String s) { return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace(' ', '_')); }
        };
    }
}
