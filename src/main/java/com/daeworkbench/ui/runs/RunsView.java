package com.daeworkbench.ui.runs;

import com.daeworkbench.core.runs.RunRecord;
import java.io.File;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
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
import javax.imageio.ImageIO;

/** Every run kept: a sortable table; the selected runs' validation curves overlaid in one chart. */
public final class RunsView extends BorderPane {
    private final RunsViewModel vm;
    final TableView<RunRecord> table = new TableView<>();
    final LineChart<Number, Number> overlay = new LineChart<>(new NumberAxis(), new NumberAxis());

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
        table.getColumns().add(text("Run", RunRecord::name, 300));
        table.getColumns().add(text("Data", RunRecord::dataset, 90));
        table.getColumns().add(text("Status", r -> r.status().name().toLowerCase(Locale.ROOT), 90));
        table.getColumns().add(number("Epochs", r -> (double) r.epochs().size(), "%.0f"));
        TableColumn<RunRecord, Number> psnr = number("PSNR (dB)", RunRecord::finalPsnr, "%.2f");
        table.getColumns().add(psnr);
        table.getColumns().add(number("SSIM", RunRecord::finalSsim, "%.3f"));
        table.getColumns().add(text("Started", r -> r.createdAt().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"), 170));
        psnr.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(psnr);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunRecord>) c -> {
            vm.selected().setAll(table.getSelectionModel().getSelectedItems());
            drawOverlay();
        });
        overlay.setAnimated(false);
        overlay.setTitle("Validation loss of the selected runs");
        overlay.getXAxis().setLabel("epoch");
        overlay.getYAxis().setLabel("validation loss");
        ((NumberAxis) overlay.getYAxis()).setForceZeroInRange(false);
        Button png = new Button("Chart as PNG…");
        png.setOnAction(e -> exportPng());
        png.setTooltip(new Tooltip("Save the overlay chart as a PNG image."));
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
        SplitPane split = new SplitPane(table, overlay);
        split.setDividerPositions(0.55);
        setTop(top);
        setCenter(split);
    }

    private void drawOverlay() {
        overlay.getData().clear();
        for (RunRecord r : vm.selected()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(r.name());
            for (RunRecord.EpochPoint p : r.epochs()) {
                if (Double.isFinite(p.validationLoss())) s.getData().add(new XYChart.Data<>(p.epoch(), p.validationLoss()));
            }
            overlay.getData().add(s);
        }
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

    private void exportPng() {
        var image = overlay.snapshot(null, null);
        save("PNG image", "*.png", "runs.png", f -> {
            try {
                com.daeworkbench.core.io.AtomicFiles.write(f.toPath(), out -> ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static TableColumn<RunRecord, String> text(String title, java.util.function.Function<RunRecord, String> f, double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
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
        c.setPrefWidth(90);
        return c;
    }

    private static double nanLow(Number n) {
        return n == null || Double.isNaN(n.doubleValue()) ? Double.NEGATIVE_INFINITY : n.doubleValue();
    }
}
