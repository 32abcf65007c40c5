package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.session.Knob;
import com.daeworkbench.core.session.KnobEffects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sweep's own window. Left: the knobs (a grid of values, or ranges to draw N random
 * configurations from), then the queue, reorderable, with pause and cancel. Middle: the results
 * of the finished runs — filters per knob, parallel coordinates (brushable), a heatmap of two
 * knobs, which knob mattered, and a sortable table — all over the same filtered configurations.
 * Right: the chosen run's curves and reconstructions. Not modal: the Runs tab can be watched meanwhile.
 */
public final class SweepWindow {
    private static final String NONE = "none";
    private static final int KNOB_ROWS = 3;
    private static Stage open;

    private SweepWindow() { }

    public static void show(Window owner, SweepViewModel vm, Supplier<SweepViewModel.Base> base) {
        if (open != null) {
            open.toFront();
            return;
        }
        BorderPane root = new BorderPane();
        root.setLeft(setup(vm, base));
        root.setCenter(results(vm));
        RunDetails details = new RunDetails();
        // three images and their PSNRs side by side, with the headers unclipped
        details.setPrefWidth(400);
        details.setMinWidth(380);
        details.setMaxWidth(420);
        vm.detailsProperty().addListener((o, a, d) -> details.show(d, vm.loadingDetailsProperty().get()));
        vm.loadingDetailsProperty().addListener((o, a, loading) -> details.show(vm.detailsProperty().get(), loading));
        BorderPane.setMargin(details, new Insets(0, 0, 0, 10));
        root.setRight(details);
        root.setPadding(new Insets(10));

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Sweep");
        // the whole of a 1366x768 screen is the size it is laid out for; smaller screens get what they have
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight()));
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }

    // ---- left: what to sweep, and the queue

    private static Node setup(SweepViewModel vm, Supplier<SweepViewModel.Base> base) {
        ToggleGroup mode = new ToggleGroup();
        RadioButton grid = new RadioButton("Grid: every combination");
        RadioButton random = new RadioButton("Random: N draws");
        grid.setId("sweep-grid");
        random.setId("sweep-random");
        grid.setToggleGroup(mode);
        random.setToggleGroup(mode);
        grid.setSelected(true);
        HBox modes = new HBox(12, grid, random);

        List<ComboBox<String>> knobs = new ArrayList<>();
        List<TextField> texts = new ArrayList<>();
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        String[][] defaults = {{Knob.LR.option, "1e-3,3e-3", "1e-4:1e-2"}, {Knob.WIDTH.option, "16,32", "8,16,32"}, {NONE, "", ""}};
        for (int i = 0; i < KNOB_ROWS; i++) {
            ComboBox<String> knob = knobs(i > 0);
            knob.setValue(defaults[i][0]);
            knob.setPrefWidth(112);
            TextField text = new TextField(defaults[i][1]);
            text.setId("sweep-values-" + (i + 1));
            text.setPrefColumnCount(11);
            text.disableProperty().bind(knob.valueProperty().isEqualTo(NONE));
            text.setTooltip(tip("Grid: values separated by commas (1e-3,3e-3 for lr; 16,32,64 for width; relu,tanh for activation;"
                    + " gaussian:0.3,gaussian:0.6 for corruption). Random: LOW:HIGH to draw from a range — on a log scale for lr and"
                    + " weight-decay, add :log or :linear to choose — or values separated by commas to pick from."));
            knobs.add(knob);
            texts.add(text);
            Label lead = new Label(i == 0 ? "Vary" : "and");
            lead.setMinWidth(Region.USE_PREF_SIZE);
            form.addRow(i, lead, knob, text);
        }
        mode.selectedToggleProperty().addListener((o, a, t) -> {
            // switching modes swaps in that mode's example where the field still holds the other's
            int now = t == random ? 2 : 1, before = t == random ? 1 : 2;
            for (int i = 0; i < KNOB_ROWS; i++) if (texts.get(i).getText().equals(defaults[i][before])) texts.get(i).setText(defaults[i][now]);
        });
        Spinner<Integer> count = new Spinner<>(2, 200, 8);
        count.setId("sweep-count");
        count.setEditable(true);
        count.setPrefWidth(76);
        count.disableProperty().bind(random.selectedProperty().not());
        count.setTooltip(tip("How many random configurations to draw (seeded by the Train tab's seed: the same fields give the same queue)."));
        Spinner<Integer> epochs = new Spinner<>(1, 100, 1);
        epochs.setId("sweep-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(70);
        epochs.setTooltip(tip("Epochs of each run. One is enough to see which way a knob pushes; more to see where it ends."));
        HBox sizes = new HBox(6, new Label("N"), count, new Label("Epochs"), epochs);
        sizes.setAlignment(Pos.CENTER_LEFT);
        Label how = hint("Each run starts from the Train tab's settings with these knobs changed, and is kept in the Runs tab.");

        Button start = new Button("Start sweep");
        start.setId("sweep-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> {
            SweepViewModel.Base b = base.get();
            if (b == null) return;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < KNOB_ROWS; i++) if (!NONE.equals(knobs.get(i).getValue())) values.put(knobs.get(i).getValue(), texts.get(i).getText());
            if (random.isSelected()) vm.startRandom(b, values, count.getValue(), b.spec().seed(), epochs.getValue());
            else vm.start(b, values, epochs.getValue());
        });
        Button pause = new Button("Pause");
        pause.setId("sweep-pause");
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.runningProperty().not());
        pause.setOnAction(e -> {
            if (vm.pausedProperty().get()) vm.resume();
            else vm.pause();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox buttons = new HBox(8, start, pause, cancel);
        Label status = new Label();
        status.setId("sweep-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        TableView<SweepViewModel.Row> queue = new TableView<>(vm.rows());
        queue.setId("sweep-queue");
        queue.getColumns().add(column("#", 34, r -> Integer.toString(r.number())));
        queue.getColumns().add(column("configuration", 150, SweepViewModel.Row::describe));
        queue.getColumns().add(column("status", 66, r -> r.status().name().toLowerCase(Locale.ROOT)));
        queue.getColumns().add(column("dB", 46, r -> Double.isNaN(r.psnr()) ? "" : String.format(Locale.ROOT, "%.2f", r.psnr())));
        queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        queue.setPlaceholder(new Label("Start a sweep: its configurations queue here."));
        Button up = new Button("↑ Earlier");
        Button down = new Button("↓ Later");
        up.setId("sweep-earlier");
        down.setId("sweep-later");
        up.setTooltip(tip("Run the chosen waiting configuration sooner."));
        down.setTooltip(tip("Run the chosen waiting configuration later."));
        up.disableProperty().bind(Bindings.createBooleanBinding(() -> !waiting(queue.getSelectionModel().getSelectedItem()),
                queue.getSelectionModel().selectedItemProperty(), vm.rows()));
        down.disableProperty().bind(up.disableProperty());
        up.setOnAction(e -> moveSelected(queue, vm::moveEarlier));
        down.setOnAction(e -> moveSelected(queue, vm::moveLater));
        queue.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r.status() == SweepViewModel.Status.DONE) vm.select(r);
        });
        HBox moves = new HBox(6, up, down);
        VBox.setVgrow(queue, Priority.ALWAYS);
        VBox left = new VBox(8, title("Sweep"), modes, form, sizes, how, buttons, status, title("Queue"),
                hint("Runs top to bottom; choose a waiting one and move it. Pause holds the run under way."), queue, moves);
        left.setPrefWidth(330);
        left.setMaxWidth(340);
        BorderPane.setMargin(left, new Insets(0, 10, 0, 0));
        return left;
    }

    private static boolean waiting(SweepViewModel.Row r) {
        return r != null && r.status() == SweepViewModel.Status.QUEUED;
    }

    private static void moveSelected(TableView<SweepViewModel.Row> queue, Function<SweepViewModel.Row, Boolean> move) {
        SweepViewModel.Row r = queue.getSelectionModel().getSelectedItem();
        if (r == null || !move.apply(r)) return;
        for (SweepViewModel.Row item : queue.getItems()) if (item.number() == r.number()) queue.getSelectionModel().select(item);
    }

    // ---- middle: the results of the finished runs, all over the same filtered set

    private static Node results(SweepViewModel vm) {
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
        filters.getChildren().add(hint("a field per knob, once runs finish"));
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

        Label effects = hint("");
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

        VBox middle = new VBox(6, filterBar, views, hint("Finished runs that pass the filters and brushes. Click a header to sort, a row for its curves and reconstructions."),
                table, effects);
        VBox.setVgrow(table, Priority.ALWAYS);
        return middle;
    }

    private static Node grow(Region r) {
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Tab view(String title, String howToRead, Node content) {
        Label how = hint(howToRead);
        if (content instanceof Region r) VBox.setVgrow(r, Priority.ALWAYS);
        VBox box = new VBox(4, how, content);
        box.setPadding(new Insets(6, 4, 4, 4));
        return new Tab(title, box);
    }

    /** "lr explains 80% ... best 3e-3." for each knob, over the runs shown. */
    static String summary(List<KnobEffects.Effect> list, int runs) {
        if (list.isEmpty()) return "What did that knob do? It needs two finished runs or more that differ in a knob.";
        StringBuilder text = new StringBuilder("What did that knob do? Over the " + runs + " runs shown: ");
        for (KnobEffects.Effect eff : list) {
            List<String> means = new ArrayList<>();
            eff.meanByValue().forEach((v, m) -> means.add(String.format(Locale.ROOT, "%s %.2f", v, m)));
            // a random sweep's numbers are all different: naming each mean says nothing, the best does
            String detail = means.size() <= 4 ? "mean dB " + String.join(", ", means) + "; " : "";
            text.append(String.format(Locale.ROOT, "%s explains %.0f%% of the PSNR's spread (%sbest %s). ",
                    eff.knob(), 100 * eff.varianceExplained(), detail, eff.bestValue()));
        }
        return text.toString().trim();
    }

    private static void rebuildFilters(HBox filters, List<String> knobs, SweepViewModel vm) {
        filters.getChildren().clear();
        for (String knob : knobs) {
            TextField f = new TextField();
            f.setId("filter-" + knob);
            f.setPromptText(knob);
            f.setPrefColumnCount(7);
            f.setTooltip(tip("Keep runs whose " + knob + " matches: a value (1e-3 finds 0.001), a part of a word (rel),"
                    + " a comparison (<1e-3, >=32), or several separated by commas."));
            f.textProperty().addListener((o, a, text) -> vm.filterKnob(knob, text));
            filters.getChildren().add(f);
        }
    }

    private static void rebuildColumns(TableView<SweepViewModel.Row> table, List<String> knobs) {
        table.getColumns().clear();
        table.getColumns().add(number("#", 40, r -> r.number()));
        for (String knob : knobs) {
            TableColumn<SweepViewModel.Row, String> c = column(knob, 90, r -> r.params().get(knob));
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

    private static Label title(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static ComboBox<String> knobs(boolean optional) {
        ComboBox<String> c = new ComboBox<>();
        if (optional) c.getItems().add(NONE);
        for (Knob k : Knob.values()) c.getItems().add(k.option);
        c.setTooltip(tip("A setting to vary, named as the command line's option (lr is --lr)."));
        return c;
    }

    private static TableColumn<SweepViewModel.Row, String> column(String title, double width, Function<SweepViewModel.Row, String> value) {
        TableColumn<SweepViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }
}
