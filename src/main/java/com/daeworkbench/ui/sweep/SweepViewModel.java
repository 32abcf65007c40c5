package com.daeworkbench.ui.sweep;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.runs.RunStore;
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
 * A grid sweep from the window: every combination of the values given for up to a few knobs,
 * each trained as an ordinary run (TrainingSession, so the Runs tab lists it, tagged with the
 * sweep) one after another in the background, from the Train tab's settings; then what each
 * knob did. The same core pieces as the CLI's sweep command.
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

    private final TaskRunner runner;
    private final RunStore store;
    private final Consumer<String> notifier;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<KnobEffects.Effect>> effects = new ReadOnlyObjectWrapper<>(List.of());
    private volatile TrainingSession session;
    private volatile boolean cancelled;

    public SweepViewModel(TaskRunner runner, RunStore store, Consumer<String> notifier) {
        this.runner = runner;
        this.store = store;
        this.notifier = notifier;
    }

    /**
     * Starts a sweep over {@code values} (knob name to comma-separated values, in order: the first
     * knob varies slowest), {@code epochs} each. Bad knobs or values: one message, nothing started.
     */
    public void start(Base base, Map<String, String> values, int epochs) {
        if (running.get()) return;
        List<Map<String, String>> configs;
        try {
            Map<String, List<String>> grid = new LinkedHashMap<>();
            values.forEach((knob, list) -> {
                List<String> vs = new ArrayList<>();
                for (String v : list.split(",")) if (!v.isBlank()) vs.add(v.trim());
                if (vs.isEmpty()) throw new IllegalArgumentException(knob + ": give one or more values, separated by commas");
                grid.put(Knob.of(knob).option, vs);
            });
            configs = Sweep.grid(grid);
            if (configs.isEmpty()) throw new IllegalArgumentException("choose a knob and its values");
            for (Map<String, String> c : configs) {
                specOf(base, c);
                corruptionOf(base, c);
            }
        } catch (IllegalArgumentException e) {
            notifier.accept("The sweep cannot start: " + e.getMessage());
            return;
        }
        rows.clear();
        for (int i = 0; i < configs.size(); i++) rows.add(new Row(i + 1, configs.get(i), Status.QUEUED, Double.NaN, Double.NaN, ""));
        effects.set(List.of());
        cancelled = false;
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
        Row row = rows.get(i);
        rows.set(i, row.with(Status.RUNNING, Double.NaN, Double.NaN, ""));
        status.set(String.format(Locale.ROOT, "Run %d of %d: %s", i + 1, rows.size(), row.describe()));
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

    private void finish(String message) {
        session = null;
        running.set(false);
        List<KnobEffects.Outcome> outcomes = new ArrayList<>();
        for (Row r : rows) if (r.status() == Status.DONE && Double.isFinite(r.psnr())) outcomes.add(new KnobEffects.Outcome(r.params(), r.psnr()));
        effects.set(KnobEffects.of(outcomes));
        Row best = rows.stream().filter(r -> Double.isFinite(r.psnr())).max((a, b) -> Double.compare(a.psnr(), b.psnr())).orElse(null);
        status.set(message + (best == null ? "" : String.format(Locale.ROOT, " Best: %s, %.2f dB.", best.describe(), best.psnr())));
    }

    /** Stops the run under way and leaves the rest of the queue. */
    public void cancel() {
        cancelled = true;
        TrainingSession s = session;
        if (s != null) s.cancel();
    }

    public ObservableList<Row> rows() { return rowsView; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** What each knob did, once the sweep is over (empty before). */
    public ReadOnlyObjectProperty<List<KnobEffects.Effect>> effectsProperty() { return effects.getReadOnlyProperty(); }
}
