package com.daeworkbench.ui.inside;

import com.daeworkbench.core.model.FeatureMaps;
import com.daeworkbench.core.train.Diagnostics;
import com.daeworkbench.ui.common.ChartExport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Inside the network while it trains: per layer the update:weight ratio and histograms of its
 * weights, gradients and activations over time; the feature maps of a chosen validation image
 * (conv models) or the first layer's weights as filters (dense models). Not modal; while it is
 * open the trainer inspects one step in N, when it closes training goes back to the plain path.
 */
public final class InsideWindow {
    static final String RATIO_HINT = "How big each step is against the weights. Near -3 (shaded) is healthy;"
            + " far above -3: the learning rate is too high; far below: the layer has almost stopped learning.";
    static final String STRIPS_HINT = "Each strip is one layer over time (left to right), values upward, darker = more values."
            + " Gradients shrinking to the 0 line: vanishing; activations piled at 0: dead ReLUs; weights spreading wide: steps too big.";
    static final String MAPS_HINT = "What each conv layer makes of the chosen validation image, one tile a channel (white = strong)."
            + " Flat black tiles: dead channels; tiles all alike: wasted channels.";
    static final String FILTERS_HINT = "What each first-layer unit looks for in an image (white = positive weight, black = negative)."
            + " Strokes and blobs: learned features; salt-and-pepper: not trained yet.";
    private static Stage open;

    private InsideWindow() { }

    public static void show(Window owner, InsideViewModel vm, Consumer<String> notifier) {
        if (open != null) {
            open.toFront();
            return;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Inside the network");
        Scene scene = new Scene(content(vm, notifier), 1340, 720);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            vm.watch(false);
            open = null;
        });
        open = stage;
        vm.watch(true);
        stage.show();
    }

    /** The window's content, apart from its stage: for tests. */
    static Region content(InsideViewModel vm, Consumer<String> notifier) {
        Label status = new Label();
        status.setId("inside-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Spinner<Integer> every = new Spinner<>(1, 10_000, vm.everyIterationsProperty().get());
        every.setEditable(true);
        every.setPrefWidth(90);
        every.setTooltip(tip("Inspect one training step in this many. Each inspection copies the weights and gradients and runs"
                + " 16 validation images forward: at one in 20 it costs a dense model 3.5% of its speed, a conv model under 1%."));
        every.valueProperty().addListener((o, a, n) -> { if (n != null) vm.everyIterationsProperty().set(n); });
        Spinner<Integer> image = new Spinner<>(1, Diagnostics.PROBE_IMAGES, vm.chosenImageProperty().get() + 1);
        image.setId("inside-image");
        image.setEditable(true);
        image.setPrefWidth(75);
        image.setTooltip(tip("Which of the first " + Diagnostics.PROBE_IMAGES + " validation images the feature maps show"
                + " (from the next inspection on)."));
        image.valueProperty().addListener((o, a, n) -> { if (n != null) vm.chosenImageProperty().set(n - 1); });

        TabPane tabs = new TabPane(new Tab("Layers", layersPane(vm)), new Tab("Feature maps", mapsPane(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.firstLayerFiltersProperty().addListener((o, a, f) -> tabs.getTabs().get(1).setText(f != null ? "First-layer filters" : "Feature maps"));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Node png = ChartExport.pngButton(tabs, "inside", "Save the tab shown as a PNG image.", notifier);
        HBox bar = new HBox(8, status, new Label("Inspect every"), every, new Label("iterations"),
                new Label("Validation image"), image, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(8, bar, tabs);
        root.setPadding(new Insets(10));
        return root;
    }

    private static Node layersPane(InsideViewModel vm) {
        RatioChart ratios = new RatioChart();
        ratios.setId("inside-ratios");
        ratios.setTitle("Update : weight ratio");
        VBox left = new VBox(4, hint(RATIO_HINT), ratios);
        VBox.setVgrow(ratios, Priority.ALWAYS);
        left.setPrefWidth(470);
        left.setMinWidth(380);
        GridPane grid = new GridPane();
        grid.setId("inside-strips");
        grid.setHgap(GAP);
        grid.setVgap(6);
        List<HistogramStrip[]> strips = new ArrayList<>();
        List<Label[]> labels = new ArrayList<>();
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        vm.layersProperty().addListener((o, a, layers) -> {
            if (strips.size() != layers.size()) rebuild(grid, strips, labels, layers.size(), stripWidth(scroll.getViewportBounds().getWidth()));
            ratios.show(layers);
            for (int i = 0; i < layers.size(); i++) {
                LayerHistory layer = layers.get(i);
                LayerHistory.Sample last = layer.latest();
                labels.get(i)[0].setText(layer.name());
                double r = last == null ? Double.NaN : last.log10Ratio();
                labels.get(i)[1].setText(String.format(Locale.ROOT, "%,d weights · ratio %s · %s", layer.weightCount(),
                        Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f", r), InsideViewModel.verdict(r)));
                for (LayerHistory.Quantity q : LayerHistory.Quantity.values()) {
                    strips.get(i)[q.ordinal()].show(layer.samples().stream().map(q::of).toList());
                }
            }
        });
        // the strips share the width the layer names leave
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            double w = stripWidth(b.getWidth());
            for (HistogramStrip[] row : strips) for (HistogramStrip strip : row) strip.setStripWidth(w);
        });
        VBox right = new VBox(4, hint(STRIPS_HINT), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox pane = new HBox(12, left, right);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    private static final double NAME_WIDTH = 175, GAP = 8;

    private static double stripWidth(double viewport) {
        return Math.max(120, (viewport - NAME_WIDTH - 4 * GAP) / 3);
    }

    private static void rebuild(GridPane grid, List<HistogramStrip[]> strips, List<Label[]> labels, int rows, double width) {
        grid.getChildren().clear();
        strips.clear();
        labels.clear();
        for (LayerHistory.Quantity q : LayerHistory.Quantity.values()) {
            Label head = new Label(q.label);
            head.setStyle("-fx-font-weight: bold;");
            grid.add(head, 1 + q.ordinal(), 0);
        }
        for (int r = 0; r < rows; r++) {
            Label name = new Label(), detail = new Label();
            name.setWrapText(true);
            detail.setWrapText(true);
            detail.getStyleClass().add("hint");
            VBox about = new VBox(2, name, detail);
            about.setPrefWidth(NAME_WIDTH);
            about.setMinWidth(NAME_WIDTH);
            about.setMaxWidth(NAME_WIDTH);
            grid.add(about, 0, r + 1);
            HistogramStrip[] row = new HistogramStrip[LayerHistory.Quantity.values().length];
            for (int q = 0; q < row.length; q++) {
                row[q] = new HistogramStrip(width, 64);
                grid.add(row[q], 1 + q, r + 1);
            }
            strips.add(row);
            labels.add(new Label[] {name, detail});
        }
    }

    private static Node mapsPane(InsideViewModel vm) {
        Label hint = hint(MAPS_HINT);
        VBox sections = new VBox(8);
        sections.setId("inside-maps");
        sections.getChildren().add(new Label("The maps appear with the first inspection of a conv model."));
        Runnable redraw = () -> {
            FeatureMaps filters = vm.firstLayerFiltersProperty().get();
            List<FeatureMaps> maps = vm.featureMapsProperty().get();
            hint.setText(filters != null ? FILTERS_HINT : MAPS_HINT);
            List<Node> out = new ArrayList<>();
            FeatureMaps input = vm.probeImageProperty().get();
            if (input != null && filters == null) out.add(section(input, false, 80));
            if (filters != null) out.add(section(filters, true, 76));
            for (FeatureMaps m : maps) out.add(section(m, false, 40));
            if (!out.isEmpty()) sections.getChildren().setAll(out);
        };
        vm.featureMapsProperty().addListener((o, a, n) -> redraw.run());
        vm.firstLayerFiltersProperty().addListener((o, a, n) -> redraw.run());
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        VBox pane = new VBox(6, hint, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    private static Node section(FeatureMaps maps, boolean signed, double tile) {
        Label name = new Label(maps.layer() + (signed ? " — weights of the first " + maps.channels() + " units"
                : maps.channels() == 1 ? "" : String.format(Locale.ROOT, " — %d channels of %dx%d", maps.channels(), maps.height(), maps.width())));
        name.setStyle("-fx-font-weight: bold;");
        return new VBox(3, name, new MapTiles(maps, signed, tile));
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static Tooltip tip(String text) {
        return com.daeworkbench.ui.common.Tooltips.wrapped(text);
    }
}
