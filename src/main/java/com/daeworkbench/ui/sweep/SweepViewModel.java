package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.io.Problems;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.train.Durations;
import com.daeworkbench.core.train.Previews;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.session.Knob;
import com.daeworkbench.core.session.KnobEffects;
import com.daeworkbench.core.session.Sweep;
import com.daeworkbench.core.session.TrainingSession;
import com.daeworkbench.ui.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A sweep from the window: every combination of the values given for a few knobs (a grid), or
 * N configurations drawn from ranges (random), each trained as an ordinary run (TrainingSession,
 * so the Runs tab lists it, tagged with the sweep) one after another in the background, from the
 * Train tab's settings. The same core pieces as the CLI's sweep command.
 *
 * <p>The queue can be reordered and paused while it runs. The finished configurations are the
 * results: filtered by knob texts and by brushes on the parallel coordinates' axes
 * ({@link ResultFilter}); the table, the heatmap and what-each-knob-did all use the filtered
 * set, so every view answers for the same configurations. A selected configuration's curves
 * and reconstructions load in the background from its run.
 */
public final class SweepViewModel {

    public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** One configuration of the sweep and, once trained, its score. */
    public record Row(int number, Map<String, String> params, Status status, double psnr, double seconds, String runId) {
        Row with(Status s, double p, double sec, String id) { return new Row(number, params, s, p, sec, id); }

        public String describe() {
            List<String> parts = new ArrayList<>();
            params.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join("  ", parts);
        }
    }

    /** What a sweep starts from: the Train tab's network, data and noise. */
    public record Base(ArchitectureSpec spec, Dataset data, Corruption corruption) { }

    /** A configuration's run, loaded: its record (curves per epoch) and reconstructions of validation images. */
    public record Details(Row row, RunRecord record, TrainingEvent.Samples samples, String problem) { }

    /** Validation images shown per selected configuration. */
    static final int PREVIEW_IMAGES = 3;

    private final TaskRunner runner;
    private final RunStore store;
    private final Consumer<String> notifier;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<KnobEffects.Effect>> effects = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ObservableList<Row> shown = FXCollections.observableArrayList();
    private final ObservableList<Row> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyObjectWrapper<List<Row>> scored = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Axis>> axes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<ResultFilter> filter = new ReadOnlyObjectWrapper<>(ResultFilter.NONE);
    private final ReadOnlyObjectWrapper<ColorScale> colors = new ReadOnlyObjectWrapper<>(new ColorScale(0, 1));
    private final ReadOnlyObjectWrapper<HeatmapGrid> heatmap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Row> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loadingDetails = new ReadOnlyBooleanWrapper();
    private volatile TrainingSession session;
    private volatile boolean cancelled;
    private Base lastBase;
    /** The knobs the current sweep draws from ranges: binned for the heatmap and the effects. */
    private java.util.Set<String> drawnKnobs = java.util.Set.of();
    private int detailsRequest;

    public SweepViewModel(TaskRunner runner, RunStore store, Consumer<String> notifier) {
        this.runner = runner;
        this.store = store;
        this.notifier = notifier;
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> refreshResults());
        filter.addListener((o, a, b) -> refreshShown());
    }

    /**
     * Starts a grid sweep over {@code values} (knob name to comma-separated values, in order: the
     * first knob varies slowest), {@code epochs} each. Bad knobs or values: one message, nothing started.
     */
    public void start(Base base, Map<String, String> values, int epochs) {
        if (running.get()) return;
        try {
            Map<String, List<String>> grid = new LinkedHashMap<>();
            values.forEach((knob, list) -> grid.put(Knob.of(knob).option, listed(knob, list)));
            List<Map<String, String>> configs = Sweep.grid(grid);
            drawnKnobs = java.util.Set.of();
            launch(base, configs, epochs);
        } catch (IllegalArgumentException e) {
            notifier.accept("The sweep cannot start: " + e.getMessage());
        }
    }

    /**
     * Starts a random sweep: {@code count} configurations, each knob drawn from its text's range
     * (LOW:HIGH, on a log scale for lr and weight decay; see {@link Sweep.Range#parse}) or picked
     * from its comma-separated values. Seeded, so the same texts and seed give the same queue.
     */
    public void startRandom(Base base, Map<String, String> rangesOrValues, int count, long seed, int epochs) {
        if (running.get()) return;
        try {
            List<Sweep.Range> ranges = new ArrayList<>();
            Map<String, List<String>> choices = new LinkedHashMap<>();
            rangesOrValues.forEach((name, text) -> {
                Knob knob = Knob.of(name);
                if (text.contains(":") && knob != Knob.CORRUPTION) ranges.add(Sweep.Range.parse(knob, text));
                else choices.put(knob.option, listed(name, text));
            });
            List<Map<String, String>> configs = Sweep.random(ranges, choices, count, seed);
            drawnKnobs = ranges.stream().map(Sweep.Range::knob).collect(java.util.stream.Collectors.toSet());
            launch(base, configs, epochs);
        } catch (IllegalArgumentException e) {
            notifier.accept("The sweep cannot start: " + e.getMessage());
        }
    }

    private static List<String> listed(String knob, String text) {
        List<String> vs = new ArrayList<>();
        for (String v : text.split(",")) if (!v.isBlank()) vs.add(v.trim());
        if (vs.isEmpty()) throw new IllegalArgumentException(knob + ": give one or more values, separated by commas");
        return vs;
    }

    private void launch(Base base, List<Map<String, String>> configs, int epochs) {
        if (configs.isEmpty()) throw new IllegalArgumentException("choose a knob and its values");
        for (Map<String, String> c : configs) {
            specOf(base, c);
            corruptionOf(base, c);
        }
        lastBase = base;
        filter.set(ResultFilter.NONE);
        selected.set(null);
        details.set(null);
        rows.clear();
        for (int i = 0; i < configs.size(); i++) rows.add(new Row(i + 1, configs.get(i), Status.QUEUED, Double.NaN, Double.NaN, ""));
        cancelled = false;
        paused.set(false);
        running.set(true);
        runNext(base, "sweep-" + RunStore.newId(), epochs, 0);
    }

    private static ArchitectureSpec specOf(Base base, Map<String, String> config) {
        ArchitectureSpec s = base.spec();
        for (Map.Entry<String, String> k : config.entrySet()) s = Knob.of(k.getKey()).apply(s, k.getValue());
        return s;
    }

    private static Corruption corruptionOf(Base base, Map<String, String> config) {
        if (base.data().hasPairs()) return null;
        String noise = config.get(Knob.CORRUPTION.option);
        return noise == null ? base.corruption() : CorruptionSpec.parse(noise);
    }

    private void runNext(Base base, String sweepId, int epochs, int i) {
        if (i >= rows.size() || cancelled) {
            for (int k = i; k < rows.size(); k++) rows.set(k, rows.get(k).with(Status.CANCELLED, Double.NaN, Double.NaN, ""));
            finish(cancelled ? "Sweep cancelled after " + i + " of " + rows.size() + " runs." : "Sweep done: " + rows.size() + " runs.");
            return;
        }
        if (paused.get()) {
            // paused between two runs: the next waits for resume (or cancel)
            heldNext = () -> runNext(base, sweepId, epochs, i);
            status.set(String.format(Locale.ROOT, "Paused before run %d of %d.", i + 1, rows.size()));
            return;
        }
        Row row = rows.get(i);
        rows.set(i, row.with(Status.RUNNING, Double.NaN, Double.NaN, ""));
        status.set(String.format(Locale.ROOT, "Run %d of %d: %s%s", i + 1, rows.size(), row.describe(), timeLeft(rows, i)));
        ArchitectureSpec spec = specOf(base, row.params());
        TrainingSession s = new TrainingSession(store, new TrainingSession.Plan(row.describe(), sweepId, base.data(),
                corruptionOf(base, row.params()), epochs, 0, false, 1000));
        session = s;
        runner.submit("sweep-run", () -> {
            long t0 = System.nanoTime();
            try (DenoisingModel model = Models.create(spec)) {
                return new Trained(s.run(model, e -> { }), (System.nanoTime() - t0) / 1e9);
            }
        }, done -> {
            TrainingSession.Result r = done.result();
            double seconds = done.seconds();
            double psnr = r.savedEpoch() == 0 ? Double.NaN : r.record().epochs().get(r.savedEpoch() - 1).validationPsnr();
            Status st = switch (r.training().outcome()) {
                case COMPLETED -> Status.DONE;
                case CANCELLED -> Status.CANCELLED;
                case DIVERGED, FAILED -> Status.FAILED;
            };
            rows.set(i, row.with(st, psnr, seconds, r.record().id()));
            runNext(base, sweepId, epochs, i + 1);
        }, e -> {
            rows.set(i, row.with(Status.FAILED, Double.NaN, Double.NaN, ""));
            notifier.accept("Sweep run " + (i + 1) + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            runNext(base, sweepId, epochs, i + 1);
        });
    }

    private record Trained(TrainingSession.Result result, double seconds) { }

    /** ", about 14m 20s left" before run {@code i}, from the training time of the runs done (pauses not counted), or "". */
    static String timeLeft(List<Row> rows, int i) {
        double mean = rows.subList(0, i).stream().filter(r -> r.status() == Status.DONE && Double.isFinite(r.seconds()))
                .mapToDouble(Row::seconds).average().orElse(Double.NaN);
        long left = (long) (mean * (rows.size() - i) * 1000);
        return Double.isNaN(mean) || left < 1000 ? "" : ", about " + Durations.of(left) + " left";
    }

    private void finish(String message) {
        session = null;
        running.set(false);
        paused.set(false);
        Row best = rows.stream().filter(r -> Double.isFinite(r.psnr())).max((a, b) -> Double.compare(a.psnr(), b.psnr())).orElse(null);
        status.set(message + (best == null ? "" : String.format(Locale.ROOT, " Best: %s, %.2f dB.", best.describe(), best.psnr())));
    }

    /** Stops the run under way and leaves the rest of the queue. */
    public void cancel() {
        cancelled = true;
        TrainingSession s = session;
        if (s != null) {
            s.resume();
            s.cancel();
        }
        paused.set(false);
        releaseHeld();
    }

    /** Holds the run under way (and so the queue) until {@link #resume}; the cores are free meanwhile. */
    public void pause() {
        TrainingSession s = session;
        if (!running.get()) return;
        if (s != null) s.pause();
        paused.set(true);
        // the line under the buttons is where one looks for why nothing moves
        status.set(status.get().startsWith("Run ") ? "Paused: " + status.get() : status.get());
    }

    public void resume() {
        TrainingSession s = session;
        if (s != null) s.resume();
        paused.set(false);
        if (status.get().startsWith("Paused: ")) status.set(status.get().substring("Paused: ".length()));
        releaseHeld();
    }

    /** The queue's next step, held while paused between runs. */
    private Runnable heldNext;

    private void releaseHeld() {
        Runnable next = heldNext;
        heldNext = null;
        if (next != null) next.run();
    }

    /** Moves a queued configuration one place earlier in the queue, past the queued one before it; false when it cannot move. */
    public boolean moveEarlier(Row row) {
        return move(row, -1);
    }

    public boolean moveLater(Row row) {
        return move(row, +1);
    }

    private boolean move(Row row, int step) {
        int i = indexOf(row);
        int j = i + step;
        if (i < 0 || j < 0 || j >= rows.size()) return false;
        // only the waiting part of the queue is reordered: what ran stays where it ran
        if (rows.get(i).status() != Status.QUEUED || rows.get(j).status() != Status.QUEUED) return false;
        Row other = rows.get(j);
        rows.set(j, rows.get(i));
        rows.set(i, other);
        return true;
    }

    private int indexOf(Row row) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).number() == row.number()) return i;
        return -1;
    }

    // ---- results: filter, brushes, heatmap, effects

    private void refreshResults() {
        List<Row> done = rows.stream().filter(r -> r.status() == Status.DONE && Double.isFinite(r.psnr())).toList();
        if (!done.equals(scored.get())) {
            scored.set(done);
            axes.set(Axis.of(done, drawnKnobs));
            colors.set(ColorScale.over(done.stream().mapToDouble(Row::psnr)));
        }
        refreshShown();
    }

    private void refreshShown() {
        List<Axis> ax = axes.get();
        List<Row> kept = scored.get().stream().filter(r -> filter.get().keeps(r, ax)).toList();
        if (!kept.equals(shown)) shown.setAll(kept);
        List<KnobEffects.Outcome> outcomes = new ArrayList<>();
        for (Row r : kept) outcomes.add(new KnobEffects.Outcome(HeatmapGrid.grouped(r, ax), r.psnr()));
        effects.set(KnobEffects.of(outcomes));
        List<Axis.KnobAxis> knobs = ax.stream().filter(a -> a instanceof Axis.KnobAxis).map(a -> (Axis.KnobAxis) a).toList();
        heatmap.set(knobs.size() < 2 || kept.isEmpty() ? null : HeatmapGrid.of(kept, heatmapKnob(knobs, 0), heatmapKnob(knobs, 1)));
    }

    private String[] heatmapKnobs;

    /** The heatmap's two knobs (across, up); by default the sweep's first two. */
    public void showHeatmapOf(String across, String up) {
        heatmapKnobs = new String[] {across, up};
        refreshShown();
    }

    private Axis.KnobAxis heatmapKnob(List<Axis.KnobAxis> knobs, int which) {
        if (heatmapKnobs != null) {
            for (Axis.KnobAxis k : knobs) if (k.name().equals(heatmapKnobs[which])) return k;
        }
        return knobs.get(which);
    }

    /** Keeps only configurations whose position on the axis lies in the range (null: the axis's brush is removed). */
    public void brush(String axis, ResultFilter.Interval range) {
        filter.set(filter.get().withBrush(axis, range));
    }

    public void clearBrushes() {
        filter.set(filter.get().withoutBrushes());
    }

    /** Keeps only configurations whose knob matches the text (see {@link ResultFilter}); blank: no filter on that knob. */
    public void filterKnob(String knob, String text) {
        filter.set(filter.get().withKnobText(knob, text));
    }

    // ---- one configuration's curves and reconstructions

    /** Shows a configuration's run: its record and reconstructions load in the background. */
    public void select(Row row) {
        if (row != null && selected.get() != null && selected.get().number() == row.number() && details.get() != null) return;
        selected.set(row);
        details.set(null);
        if (row == null || row.runId().isEmpty()) return;
        int request = ++detailsRequest;
        Base base = lastBase;
        loadingDetails.set(true);
        runner.submit("sweep-details", () -> load(row, base), d -> {
            if (request != detailsRequest) return; // another configuration was chosen meanwhile
            loadingDetails.set(false);
            details.set(d);
        }, e -> {
            if (request != detailsRequest) return;
            loadingDetails.set(false);
            details.set(new Details(row, null, null, "Could not read run " + row.runId() + ": " + Problems.describe(e)));
        });
    }

    private Details load(Row row, Base base) throws java.io.IOException {
        RunRecord record = store.load(row.runId());
        if (base == null || !java.nio.file.Files.isRegularFile(store.modelOf(row.runId()))) {
            return new Details(row, record, null, "This run kept no model, so there are no reconstructions to show.");
        }
        SavedModel saved = ModelStore.load(store.modelOf(row.runId()));
        try (DenoisingModel model = saved.model()) {
            var clean = base.data().test().slice(0, PREVIEW_IMAGES);
            var noisy = base.data().hasPairs() ? base.data().testNoisy().slice(0, PREVIEW_IMAGES)
                    : Corruptions.corruptSet(clean, corruptionOf(base, row.params()), record.spec().seed() + 1);
            return new Details(row, record, Previews.of(model, clean, noisy, PREVIEW_IMAGES), "");
        }
    }

    public ObservableList<Row> rows() { return rowsView; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What each knob did among the configurations shown (finished, filtered and brushed). */
    public ReadOnlyObjectProperty<List<KnobEffects.Effect>> effectsProperty() { return effects.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pausedProperty() { return paused.getReadOnlyProperty(); }
    /** The finished configurations that pass the filter and the brushes: what the table, heatmap and effects show. */
    public ObservableList<Row> shown() { return shownView; }
    /** Every finished configuration with a score, in queue order: the parallel coordinates draw them all, the brushed-out faint. */
    public ReadOnlyObjectProperty<List<Row>> scoredProperty() { return scored.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Axis>> axesProperty() { return axes.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ResultFilter> filterProperty() { return filter.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ColorScale> colorsProperty() { return colors.getReadOnlyProperty(); }
    /** Mean PSNR by two knobs' values over the configurations shown; null with fewer than two knobs. */
    public ReadOnlyObjectProperty<HeatmapGrid> heatmapProperty() { return heatmap.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Row> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Details> detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingDetailsProperty() { return loadingDetails.getReadOnlyProperty(); }
}
