package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.session.Knob;
import com.daeworkbench.core.session.KnobEffects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sweep's own window: two knobs and their values, the queue of configurations with their
 * scores as they come, and afterwards what each knob did (the share of the PSNR's variance it
 * explains, and its mean PSNR by value). Not modal: the Runs tab can be watched meanwhile.
 */
public final class SweepWindow {
    private static final String NONE = "none";
    private static Stage open;

    private SweepWindow() { }

    public static void show(Window owner, SweepViewModel vm, Supplier<SweepViewModel.Base> base) {
        if (open != null) {
            open.toFront();
            return;
        }
        ComboBox<String> knob1 = knobs(false), knob2 = knobs(true);
        knob1.setValue(Knob.LR.option);
        knob2.setValue(Knob.WIDTH.option);
        TextField values1 = new TextField("1e-3,3e-3"), values2 = new TextField("16,32");
        values1.setId("sweep-values-1");
        values2.setId("sweep-values-2");
        values2.disableProperty().bind(knob2.valueProperty().isEqualTo(NONE));
        for (TextField f : List.of(values1, values2)) {
            f.setPrefColumnCount(18);
            f.setTooltip(tip("Values separated by commas, e.g. 1e-3,3e-3 for lr, 16,32,64 for width, relu,tanh for activation,"
                    + " gaussian:0.3,gaussian:0.6 for corruption. Every combination of the two rows is one run."));
        }
        Spinner<Integer> epochs = new Spinner<>(1, 100, 1);
        epochs.setEditable(true);
        epochs.setPrefWidth(80);
        epochs.setTooltip(tip("Epochs of each run. One is enough to see which way a knob pushes; more to see where it ends."));
        Button start = new Button("Start sweep");
        start.setId("sweep-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> {
            SweepViewModel.Base b = base.get();
            if (b == null) return;
            Map<String, String> values = new LinkedHashMap<>();
            values.put(knob1.getValue(), values1.getText());
            if (!NONE.equals(knob2.getValue())) values.put(knob2.getValue(), values2.getText());
            vm.start(b, values, epochs.getValue());
        });
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Vary"), knob1, new Label("over"), values1);
        form.addRow(1, new Label("and"), knob2, new Label("over"), values2);
        form.addRow(2, new Label("Epochs"), epochs);
        Label hint = new Label("Each run starts from the Train tab's settings with these knobs changed, and is kept in the Runs tab.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        TableView<SweepViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("sweep-table");
        table.getColumns().add(column("#", 40, r -> Integer.toString(r.number())));
        table.getColumns().add(column("configuration", 260, SweepViewModel.Row::describe));
        table.getColumns().add(column("status", 90, r -> r.status().name().toLowerCase(Locale.ROOT)));
        TableColumn<SweepViewModel.Row, Number> psnr = new TableColumn<>("PSNR (dB)");
        psnr.setCellValueFactory(c -> new javafx.beans.property.SimpleDoubleProperty(c.getValue().psnr()));
        psnr.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? "" : String.format(Locale.ROOT, "%.2f", v.doubleValue()));
            }
        });
        psnr.setPrefWidth(90);
        table.getColumns().add(psnr);
        table.getColumns().add(column("seconds", 80, r -> Double.isNaN(r.seconds()) ? "" : String.format(Locale.ROOT, "%.1f", r.seconds())));
        table.setPlaceholder(new Label("Choose knobs and values, then Start sweep: the configurations queue here."));
        table.setPrefHeight(200);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel("% of PSNR variance");
        BarChart<String, Number> importance = new BarChart<>(x, y);
        importance.setTitle("Which knob mattered");
        importance.setLegendVisible(false);
        importance.setAnimated(false);
        importance.setPrefHeight(220);
        Label effects = new Label("When the sweep is over: which knob moved the validation PSNR most, in which direction.");
        effects.setId("sweep-effects");
        effects.setWrapText(true);
        effects.getStyleClass().add("hint");
        vm.effectsProperty().addListener((o, a, list) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            StringBuilder text = new StringBuilder();
            for (KnobEffects.Effect eff : list) {
                s.getData().add(new XYChart.Data<>(eff.knob(), 100 * eff.varianceExplained()));
                List<String> means = new java.util.ArrayList<>();
                eff.meanByValue().forEach((v, m) -> means.add(String.format(Locale.ROOT, "%s: %.2f dB", v, m)));
                text.append(String.format(Locale.ROOT, "%s explains %.0f%% of the PSNR's variance (%s; best %s). ",
                        eff.knob(), 100 * eff.varianceExplained(), String.join(", ", means), eff.bestValue()));
            }
            importance.getData().setAll(List.of(s));
            effects.setText(list.isEmpty() ? "No run finished with a score." : text.toString().trim());
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox buttons = new HBox(8, start, cancel, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, form, hint, buttons, table, importance, effects);
        root.setPadding(new Insets(12));
        VBox.setVgrow(table, Priority.ALWAYS);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Sweep");
        Scene scene = new Scene(root, 640, 700);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }

    private static ComboBox<String> knobs(boolean optional) {
        ComboBox<String> c = new ComboBox<>();
        if (optional) c.getItems().add(NONE);
        for (Knob k : Knob.values()) c.getItems().add(k.option);
        c.setTooltip(tip("A setting to vary, named as the command line's option (lr is --lr)."));
        return c;
    }

    private static TableColumn<SweepViewModel.Row, String> column(String title, double width,
                                                                 java.util.function.Function<SweepViewModel.Row, String> value) {
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
