package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.session.Knob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The sweep window's left side: what to sweep (a grid or random draws), then the queue, reorderable, with pause and cancel. */
final class SweepSetup {
    private static final String NONE = "none";
    private static final int KNOB_ROWS = 3;

    private SweepSetup() { }

    static Node pane(SweepViewModel vm, Supplier<SweepViewModel.Base> base) {
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
            text.setTooltip(SweepWindow.tip("Grid: values separated by commas (1e-3,3e-3 for lr; 16,32,64 for width; relu,tanh for activation;"
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
        count.setTooltip(SweepWindow.tip("How many random configurations to draw (seeded by the Train tab's seed: the same fields give the same queue)."));
        Spinner<Integer> epochs = new Spinner<>(1, 100, 1);
        epochs.setId("sweep-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(70);
        epochs.setTooltip(SweepWindow.tip("Epochs of each run. One is enough to see which way a knob pushes; more to see where it ends."));
        HBox sizes = new HBox(6, new Label("N"), count, new Label("Epochs"), epochs);
        sizes.setAlignment(Pos.CENTER_LEFT);
        Label how = SweepWindow.hint("Each run starts from the Train tab's settings with these knobs changed, and is kept in the Runs tab.");

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
        queue.getColumns().add(SweepWindow.column("#", 34, r -> Integer.toString(r.number())));
        queue.getColumns().add(SweepWindow.column("configuration", 150, SweepViewModel.Row::describe));
        queue.getColumns().add(SweepWindow.column("status", 66, r -> r.status().name().toLowerCase(Locale.ROOT)));
        queue.getColumns().add(SweepWindow.column("dB", 46, r -> Double.isNaN(r.psnr()) ? "" : String.format(Locale.ROOT, "%.2f", r.psnr())));
        queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        queue.setPlaceholder(new Label("Start a sweep: its configurations queue here."));
        Button up = new Button("↑ Earlier");
        Button down = new Button("↓ Later");
        up.setId("sweep-earlier");
        down.setId("sweep-later");
        up.setTooltip(SweepWindow.tip("Run the chosen waiting configuration sooner."));
        down.setTooltip(SweepWindow.tip("Run the chosen waiting configuration later."));
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
        VBox left = new VBox(8, SweepWindow.title("Sweep"), modes, form, sizes, how, buttons, status, SweepWindow.title("Queue"),
                SweepWindow.hint("Runs top to bottom; choose a waiting one and move it. Pause holds the run under way."), queue, moves);
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

    private static ComboBox<String> knobs(boolean optional) {
        ComboBox<String> c = new ComboBox<>();
        if (optional) c.getItems().add(NONE);
        for (Knob k : Knob.values()) c.getItems().add(k.option);
        c.setTooltip(SweepWindow.tip("A setting to vary, named as the command line's option (lr is --lr)."));
        return c;
    }
}
