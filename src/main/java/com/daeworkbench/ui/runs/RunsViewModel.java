package com.daeworkbench.ui.runs;

import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The kept runs: listing, selection for the overlay chart, the curves it draws, export and delete. */
public final class RunsViewModel {
    private final TaskRunner runner;
    private final RunStore store;
    private final Consumer<String> notifier;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> selected = FXCollections.observableArrayList();

    public RunsViewModel(TaskRunner runner, RunStore store, Consumer<String> notifier) {
        this.runner = runner;
        this.store = store;
        this.notifier = notifier;
    }

    /**
     * What the overlay compares. Validation PSNR is the fair measure across runs: losses of
     * different kinds (BCE for dense and conv, MSE for residual) are not on one scale.
     */
    public enum Metric {
        VALIDATION_PSNR("validation PSNR (dB)"),
        VALIDATION_LOSS("validation loss"),
        TRAIN_LOSS("training loss (smoothed)");

        public final String label;

        Metric(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }

    /** points drawn per training-loss curve: enough for the chart's width */
    static final int CURVE_POINTS = 400;
    static final double TRAIN_SMOOTHING = 0.6;

    /**
     * A run's curve as (epoch, value) pairs. Training loss is smoothed over every iteration
     * first, then thinned, and its x is the fractional epoch, so runs with different batch
     * sizes line up.
     */
    public static List<double[]> curve(RunRecord r, Metric m) {
        List<double[]> out = new ArrayList<>();
        if (m == Metric.TRAIN_LOSS) {
            double[] losses = r.iterationLoss().stream().mapToDouble(Double::doubleValue).toArray();
            if (losses.length == 0) return out;
            double perEpoch = r.epochs().isEmpty() ? losses.length : Math.max(1, r.epochs().get(0).iteration());
            double[] smooth = com.daeworkbench.ui.common.Curves.smooth(losses, TRAIN_SMOOTHING);
            for (int i : com.daeworkbench.ui.common.Curves.decimate(losses.length, CURVE_POINTS)) {
                if (Double.isFinite(smooth[i])) out.add(new double[] {(i + 1) / perEpoch, smooth[i]});
            }
            return out;
        }
        for (RunRecord.EpochPoint p : r.epochs()) {
            double v = m == Metric.VALIDATION_PSNR ? p.validationPsnr() : p.validationLoss();
            if (Double.isFinite(v)) out.add(new double[] {p.epoch(), v});
        }
        return out;
    }

    /** Shows a message to the user the way the view-model's own errors are shown. */
    public void report(String message) {
        notifier.accept(message);
    }

    /** The runs read from the store, and one line per run folder that could not be read. */
    private record Listing(List<RunRecord> runs, List<String> problems) { }

    public void refresh() {
        runner.submit("list-runs", () -> {
            List<String> problems = new ArrayList<>();
            return new Listing(store.list(problems), problems);
        }, listing -> {
            runs.setAll(listing.runs());
            if (!listing.problems().isEmpty()) notifier.accept("Some runs could not be read: " + String.join("; ", listing.problems()));
        }, e -> notifier.accept("Could not list the runs: " + e.getMessage()));
    }

    public void exportCsv(RunRecord r, Path target) {
        runner.submit("export-csv", () -> {
            AtomicFiles.writeString(target, com.daeworkbench.core.runs.CurvesCsv.of(r));
            return target;
        }, t -> notifier.accept("Saved " + t.getFileName()), e -> notifier.accept("Could not save " + target.getFileName() + ": " + e.getMessage()));
    }

    public void exportModel(RunRecord r, Path target) {
        runner.submit("export-model", () -> {
            Path model = store.modelOf(r.id());
            if (!Files.exists(model)) throw new java.io.IOException("this run saved no model (it ended before its first epoch)");
            AtomicFiles.write(target, out -> Files.copy(model, out));
            return target;
        }, t -> notifier.accept("Saved " + t.getFileName()), e -> notifier.accept("Could not save the model: " + e.getMessage()));
    }

    public void delete(List<RunRecord> toDelete) {
        List<RunRecord> copy = List.copyOf(toDelete);
        runner.submit("delete-runs", () -> {
            for (RunRecord r : copy) store.delete(r.id());
            return copy.size();
        }, n -> refresh(), e -> notifier.accept("Could not delete: " + e.getMessage()));
    }

    public Path modelOf(RunRecord r) {
        return store.modelOf(r.id());
    }

    public ObservableList<RunRecord> runs() { return runs; }

    public ObservableList<RunRecord> selected() { return selected; }

}
