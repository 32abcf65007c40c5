package com.daeworkbench.ui.runs;

import com.daeworkbench.core.runs.RunRecord;
import java.io.File;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Every run kept: a sortable table; the selected runs' curves (validation PSNR, validation or training loss) overlaid in one chart. */
public final class RunsView extends BorderPane {
    private final RunsViewModel vm;
    final TableView<RunRecord> table = new TableView<>();
    final LineChart<Number, Number> overlay = new LineChart<>(new NumberAxis(), new NumberAxis());
    final javafx.scene.control.ComboBox<RunsViewModel.Metric> metric = new javafx.scene.control.ComboBox<>();

    public RunsView(RunsViewModel vm) {
        this(vm, r -> { });
    }

    /** @param resume continues an interrupted or stopped run (the Train tab does it) */
    public RunsView(RunsViewModel vm, java.util.function.Consumer<RunRecord> resume) {
        this.vm = vm;
        getStyleClass().add("runs-view");
        table.setId("runs-table");
        overlay.setId("runs-overlay");
        // a sorted view of the runs: sorting must not write back into the list it watches
        javafx.collections.transformation.SortedList<RunRecord> sorted = new javafx.collections.transformation.SortedList<>(vm.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: every training run is kept here, with its curves and model."));
        // the scores first, beside the name: they are what the table is sorted and read by
        TableColumn<RunRecord, String> name = text("Run", RunRecord::name, 250);
        name.setMinWidth(120);
        // names differ at both ends (architecture first, learning rate and seed last): cut the middle
        name.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null ? null : new Tooltip(v));
            }
        });
        name.setStyle("-fx-text-overrun: center-ellipsis;");
        table.getColumns().add(name);
        TableColumn<RunRecord, Number> psnr = number("PSNR (dB)", RunRecord::finalPsnr, "%.2f");
        psnr.setMinWidth(96);   // its header also carries the sort arrow (sorted by it at first)
        psnr.setPrefWidth(96);
        table.getColumns().add(psnr);
        table.getColumns().add(number("SSIM", RunRecord::finalSsim, "%.3f"));
        table.getColumns().add(text("Data", RunRecord::dataset, 64));
        table.getColumns().add(text("Noise", RunRecord::corruption, 92));
        table.getColumns().add(number("LR", r -> r.spec().learningRate(), "%.0e"));
        table.getColumns().add(number("Batch", r -> (double) r.spec().batchSize(), "%.0f"));
        table.getColumns().add(text("Status", r -> r.status().name().toLowerCase(Locale.ROOT), 76));
        table.getColumns().add(number("Epochs", r -> (double) r.epochs().size(), "%.0f"));
        table.getColumns().add(text("Started (UTC)", r -> r.createdAt().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", ""), 132));
        // every column in view at 1366x768, no horizontal scroll: the others keep their widths, the name gives way
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        psnr.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(psnr);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunRecord>) c -> {
            vm.selected().setAll(table.getSelectionModel().getSelectedItems());
            drawOverlay();
        });
        overlay.setAnimated(false);
        overlay.getXAxis().setLabel("epoch");
        ((NumberAxis) overlay.getYAxis()).setForceZeroInRange(false);
        metric.setId("runs-metric");
        metric.getItems().addAll(RunsViewModel.Metric.values());
        metric.setValue(RunsViewModel.Metric.VALIDATION_PSNR);
        metric.valueProperty().addListener(o -> drawOverlay());
        metric.setTooltip(new Tooltip("What to compare. Validation PSNR is fair across all runs; losses of different kinds"
                + " (cross-entropy for dense and conv, squared error for residual) are not on one scale."));
        Button png = com.daeworkbench.ui.common.ChartExport.pngButton(overlay, "runs", "Save the overlay chart as a PNG image.", vm::report);
        png.setText("Chart as PNG…");
        Button csv = new Button("Curves as CSV…");
        csv.setOnAction(e -> withOne(r -> save("CSV", "*.csv", r.id() + ".csv", f -> vm.exportCsv(r, f.toPath()))));
        Button model = new Button("Model file…");
        model.setOnAction(e -> withOne(r -> save("DAE model", "*.dae", r.id() + ".dae", f -> vm.exportModel(r, f.toPath()))));
        Button delete = new Button("Delete");
        delete.setOnAction(e -> vm.delete(table.getSelectionModel().getSelectedItems()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button resumeRun = new Button("Resume");
        resumeRun.setId("resume-run");
        resumeRun.setTooltip(new Tooltip("Continue an interrupted or stopped run from its last saved epoch, in the Train tab."));
        resumeRun.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RunRecord r = table.getSelectionModel().getSelectedItem();
            return r == null || r.epochs().isEmpty() || r.epochs().size() >= r.epochsPlanned()
                    || !(r.status() == RunRecord.Status.INTERRUPTED || r.status() == RunRecord.Status.CANCELLED);
        }, table.getSelectionModel().selectedItemProperty()));
        resumeRun.setOnAction(e -> withOne(resume));
        Label hint = new Label("Select several runs (Ctrl/Shift+click) to overlay their curves; click a column to sort.");
        hint.getStyleClass().add("hint");
        HBox actions = new HBox(8, resumeRun, png, csv, model, delete, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, actions, hint);
        top.setPadding(new Insets(10));
        Label empty = new Label("Select runs in the table to overlay their curves.");
        empty.getStyleClass().add("placeholder");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.selected()));
        empty.setMouseTransparent(true);
        overlay.visibleProperty().bind(empty.visibleProperty().not());
        HBox chartBar = new HBox(8, new Label("Compare"), metric);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        chartBar.setPadding(new Insets(8, 8, 0, 12));
        javafx.scene.layout.StackPane chartArea = new javafx.scene.layout.StackPane(overlay, empty);
        VBox chartPane = new VBox(chartBar, chartArea);
        VBox.setVgrow(chartArea, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, chartPane);
        split.setDividerPositions(0.64);
        setTop(top);
        setCenter(split);
    }

    private void drawOverlay() {
        RunsViewModel.Metric m = metric.getValue();
        overlay.setTitle(capitalised(m.label) + " of the selected runs");
        overlay.setCreateSymbols(m != RunsViewModel.Metric.TRAIN_LOSS);   // a dot per epoch; a training curve is dense
        overlay.getYAxis().setLabel(m.label);
        overlay.getData().clear();
        double first = Double.POSITIVE_INFINITY, last = Double.NEGATIVE_INFINITY;
        for (RunRecord r : vm.selected()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.name());
            for (double[] p : RunsViewModel.curve(r, m)) {
                s.getData().add(new XYChart.Data<>(p[0], p[1]));
                first = Math.min(first, p[0]);
                last = Math.max(last, p[0]);
            }
            overlay.getData().add(s);
        }
        // epochs are counted: whole-number ticks, never "2.5"
        NumberAxis epochs = (NumberAxis) overlay.getXAxis();
        if (first <= last) com.daeworkbench.ui.common.CountAxes.fit(epochs, Math.floor(first), Math.ceil(last));
        else epochs.setAutoRanging(true);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void withOne(java.util.function.Consumer<RunRecord> action) {
        RunRecord r = table.getSelectionModel().getSelectedItem();
        if (r != null) action.accept(r);
    }

    private void save(String what, String pattern, String name, java.util.function.Consumer<File> then) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName(name);
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) then.accept(f);
    }

    private static TableColumn<RunRecord, String> text(String title, java.util.function.Function<RunRecord, String> f, double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private static TableColumn<RunRecord, Number> number(String title, java.util.function.Function<RunRecord, Double> f, String format) {
        TableColumn<RunRecord, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? "" : String.format(Locale.ROOT, format, v.doubleValue()));
            }
        });
        c.setComparator((a, b) -> Double.compare(nanLow(a), nanLow(b)));
        c.setPrefWidth(Math.max(56, 9 * title.length() + 4));   // the bold header in full
        c.setMinWidth(c.getPrefWidth());
        return c;
    }

    private static double nanLow(Number n) {
        return n == null || Double.isNaN(n.doubleValue()) ? Double.NEGATIVE_INFINITY : n.doubleValue();
    }
}
