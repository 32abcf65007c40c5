package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.session.KnobEffects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sweep window's middle: the finished runs as one filtered set — a filter field per knob,
 * parallel coordinates (brushable), a heatmap of two knobs, which knob mattered, a sortable
 * table, and what each knob did in words.
 */
final class SweepResults {
    private SweepResults() { }

    static Node pane(SweepViewModel vm) {
        HBox filters = new HBox(6);
        filters.setId("sweep-filters");
        filters.setAlignment(Pos.CENTER_LEFT);
        Label shownCount = new Label();
        shownCount.setId("sweep-shown");
        Button clearBrushes = new Button("Clear brushes");
        clearBrushes.setId("sweep-clear-brushes");
        clearBrushes.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.filterProperty().get().brushes().isEmpty(), vm.filterProperty()));
        clearBrushes.setOnAction(e -> vm.clearBrushes());
        Runnable count = () -> shownCount.setText(vm.scoredProperty().get().isEmpty() ? ""
                : vm.shown().size() + " of " + vm.scoredProperty().get().size() + " shown");
        vm.shown().addListener((javafx.collections.ListChangeListener<SweepViewModel.Row>) c -> count.run());
        vm.scoredProperty().addListener((o, a, b) -> count.run());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        filters.getChildren().add(SweepWindow.hint("a field per knob, once runs finish"));
        HBox filterBar = new HBox(8, new Label("Filter"), filters, spring, shownCount, clearBrushes);
        filterBar.setAlignment(Pos.CENTER_LEFT);

        ParallelCoordinates parallel = new ParallelCoordinates();
        parallel.setOnBrush(vm::brush);
        parallel.setOnPick(vm::select);
        Runnable redrawParallel = () -> {
            Set<Integer> kept = new HashSet<>();
            for (SweepViewModel.Row r : vm.shown()) kept.add(r.number());
            parallel.show(vm.axesProperty().get(), vm.scoredProperty().get(), kept, vm.colorsProperty().get(), vm.filterProperty().get(),
                    vm.selectedProperty().get());
        };
        vm.shown().addListener((javafx.collections.ListChangeListener<SweepViewModel.Row>) c -> redrawParallel.run());
        vm.axesProperty().addListener((o, a, b) -> redrawParallel.run());
        vm.filterProperty().addListener((o, a, b) -> redrawParallel.run());
        vm.selectedProperty().addListener((o, a, b) -> redrawParallel.run());

        Heatmap heatmap = new Heatmap();
        Runnable redrawHeatmap = () -> heatmap.show(vm.heatmapProperty().get(), vm.colorsProperty().get(),
                vm.axesProperty().get().size() < 3 ? "A heatmap needs a sweep of two knobs or more." : "No finished run passes the filters.");
        vm.heatmapProperty().addListener((o, a, b) -> redrawHeatmap.run());
        redrawHeatmap.run();
        ComboBox<String> across = new ComboBox<>(), upward = new ComboBox<>();
        across.setId("heatmap-across");
        upward.setId("heatmap-up");
        HBox heatmapKnobs = new HBox(6, new Label("across"), across, new Label("up"), upward);
        heatmapKnobs.setAlignment(Pos.CENTER_LEFT);
        vm.heatmapProperty().addListener((o, a, h) -> {
            if (h == null) return;
            if (!h.knobA().equals(across.getValue())) across.setValue(h.knobA());
            if (!h.knobB().equals(upward.getValue())) upward.setValue(h.knobB());
        });
        Runnable chooseHeatmap = () -> {
            if (across.getValue() != null && upward.getValue() != null && !across.getValue().equals(upward.getValue())) {
                vm.showHeatmapOf(across.getValue(), upward.getValue());
            }
        };
        across.setOnAction(e -> chooseHeatmap.run());
        upward.setOnAction(e -> chooseHeatmap.run());

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel("% of PSNR variance");
        BarChart<String, Number> importance = new BarChart<>(x, y);
        importance.setId("sweep-importance");
        importance.setLegendVisible(false);
        importance.setAnimated(false);
        importance.setCategoryGap(60);
        // the knobs in the effects' order (most first): a category axis otherwise keeps the order it first saw
        x.setAutoRanging(false);

        TabPane views = new TabPane(
                view("Parallel coordinates", "One line per finished run across its knobs and its PSNR, coloured by PSNR (yellow best)."
                        + " Drag along an axis to keep a range; click the axis to clear it; click a line for its run.", parallel),
                view("Heatmap", "Mean validation PSNR at each pair of two knobs' values (yellow best; a dash: no run there)."
                        + " Hover a cell for its runs.", new VBox(4, heatmapKnobs, grow(heatmap))),
                view("Which knob mattered", "The share of the PSNR's spread each knob explains, over the runs shown (filters and brushes apply).",
                        importance));
        views.setId("sweep-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setPrefHeight(330);
        views.setMinHeight(260);

        TableView<SweepViewModel.Row> table = new TableView<>();
        table.setId("sweep-table");
        SortedList<SweepViewModel.Row> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("Finished runs that pass the filters show here."));
        table.setPrefHeight(190);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) vm.select(r);
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) table.getSelectionModel().select(r);
        });

        Label effects = SweepWindow.hint("");
        effects.setId("sweep-effects");
        effects.setText("What did that knob do? Once runs finish: which knob moved the validation PSNR most, and which way.");
        vm.effectsProperty().addListener((o, a, list) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            for (KnobEffects.Effect eff : list) s.getData().add(new XYChart.Data<>(eff.knob(), 100 * eff.varianceExplained()));
            x.setCategories(javafx.collections.FXCollections.observableArrayList(list.stream().map(KnobEffects.Effect::knob).toList()));
            importance.getData().setAll(List.of(s));
            effects.setText(summary(list, vm.shown().size()));
        });

        vm.axesProperty().addListener((o, a, axes) -> {
            List<String> names = axes.stream().filter(ax -> ax instanceof Axis.KnobAxis).map(Axis::name).toList();
            List<String> before = a == null ? List.of() : a.stream().filter(ax -> ax instanceof Axis.KnobAxis).map(Axis::name).toList();
            if (names.equals(before)) return;
            rebuildFilters(filters, names, vm);
            rebuildColumns(table, names);
            across.getItems().setAll(names);
            upward.getItems().setAll(names);
            heatmapKnobs.setVisible(names.size() > 2);
            heatmapKnobs.setManaged(names.size() > 2);
        });
        heatmapKnobs.setVisible(false);
        heatmapKnobs.setManaged(false);
        rebuildColumns(table, List.of());

        VBox middle = new VBox(6, filterBar, views, SweepWindow.hint("Finished runs that pass the filters and brushes. Click a header to sort, a row for its curves and reconstructions."),
                table, effects);
        VBox.setVgrow(table, Priority.ALWAYS);
        return middle;
    }

    private static Node grow(Region r) {
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Tab view(String title, String howToRead, Node content) {
        Label how = SweepWindow.hint(howToRead);
        if (content instanceof Region r) VBox.setVgrow(r, Priority.ALWAYS);
        VBox box = new VBox(4, how, content);
        box.setPadding(new Insets(6, 4, 4, 4));
        return new Tab(title, box);
    }

    /** "lr explains 80% ... best 3e-3." for each knob, over the runs shown. */
    static String summary(List<KnobEffects.Effect> list, int runs) {
        if (list.isEmpty()) return "What did that knob do? It needs two finished runs or more that differ in a knob.";
        List<String> parts = new ArrayList<>();
        for (KnobEffects.Effect eff : list) {
            // the best and the worst value's mean say which way the knob pushes; every mean would be a table
            var best = eff.meanByValue().entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            var worst = eff.meanByValue().entrySet().stream().min(java.util.Map.Entry.comparingByValue()).orElseThrow();
            parts.add(String.format(Locale.ROOT, "%s explains %.0f%% (best %s: %.2f dB, worst %s: %.2f dB)", eff.knob(),
                    100 * eff.varianceExplained(), best.getKey(), best.getValue(), worst.getKey(), worst.getValue()));
        }
        return "What did that knob do? Of the PSNR's spread over the " + runs + " runs shown, " + String.join("; ", parts) + ".";
    }

    private static void rebuildFilters(HBox filters, List<String> knobs, SweepViewModel vm) {
        filters.getChildren().clear();
        for (String knob : knobs) {
            TextField f = new TextField();
            f.setId("filter-" + knob);
            f.setPromptText(knob);
            f.setPrefColumnCount(7);
            f.setTooltip(SweepWindow.tip("Keep runs whose " + knob + " matches: a value (1e-3 finds 0.001), a part of a word (rel),"
                    + " a comparison (<1e-3, >=32), or several separated by commas."));
            f.textProperty().addListener((o, a, text) -> vm.filterKnob(knob, text));
            filters.getChildren().add(f);
        }
    }

    private static void rebuildColumns(TableView<SweepViewModel.Row> table, List<String> knobs) {
        table.getColumns().clear();
        table.getColumns().add(number("#", 40, r -> r.number()));
        for (String knob : knobs) {
            // wide enough for the knob's name in the header (weight-decay)
            TableColumn<SweepViewModel.Row, String> c = SweepWindow.column(knob, Math.max(80, 8 * knob.length() + 28), r -> r.params().get(knob));
            // numbers sort as numbers (1e-3 before 3e-3 before 1e-2), words as words
            c.setComparator((a, b) -> AxisScale.isNumber(a) && AxisScale.isNumber(b)
                    ? Double.compare(AxisScale.number(a), AxisScale.number(b)) : a.compareTo(b));
            table.getColumns().add(c);
        }
        table.getColumns().add(number("PSNR (dB)", 90, SweepViewModel.Row::psnr));
        table.getColumns().add(number("seconds", 80, SweepViewModel.Row::seconds));
    }

    private static TableColumn<SweepViewModel.Row, Number> number(String title, double width, Function<SweepViewModel.Row, Number> value) {
        TableColumn<SweepViewModel.Row, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null || Double.isNaN(v.doubleValue())) setText("");
                else setText(v instanceof Integer ? v.toString() : String.format(Locale.ROOT, title.startsWith("PSNR") ? "%.2f" : "%.1f", v.doubleValue()));
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
