package com.daeworkbench.ui.inside;

import com.daeworkbench.core.model.FeatureMaps;
import com.daeworkbench.core.model.LayerInspection;
import com.daeworkbench.core.train.Diagnostics;
import com.daeworkbench.core.train.TrainingEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * What the Inside window shows of the network of the run under way: each layer's inspected steps
 * (update ratio, weight, gradient and activation histograms), the feature maps of the chosen
 * validation image, a dense model's first-layer filters. Fed the Train tab's events on the UI
 * thread, already coalesced; asks the trainer for inspections only while {@link #watch watched}.
 */
public final class InsideViewModel {
    /** Inspected steps kept per layer: 150 at one in 20 iterations is the last 3,000 iterations. */
    static final int HISTORY = 150;
    /**
     * One step in 20: an inspection costs a dense 784-256-64 model about 9 ms on top of its 13 ms
     * step (3.5% at one in 20, 7% at one in 10), a conv model about 10 ms on 67 ms (under 1%);
     * docs/bench/2026-12-02-diagnostics.txt.
     */
    static final int DEFAULT_EVERY = 20;

    /** Around 1e-3 each step is the usual healthy update (CS231n, DL4J's UI); a decade either side is shaded. */
    public static final double HEALTHY_LOW = -4, HEALTHY_HIGH = -2;

    private final Diagnostics diagnostics = new Diagnostics();
    private final IntegerProperty everyIterations = new SimpleIntegerProperty(DEFAULT_EVERY);
    private final IntegerProperty chosenImage = new SimpleIntegerProperty(0);
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<LayerHistory>> layers = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<FeatureMaps>> featureMaps = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<FeatureMaps> firstLayerFilters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeatureMaps> probeImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(IDLE);
    private final Map<Integer, List<LayerHistory.Sample>> samples = new LinkedHashMap<>();
    private final Map<Integer, LayerInspection> names = new LinkedHashMap<>();
    static final String IDLE = "Train a model: every few iterations its layers are inspected and shown here.";

    public InsideViewModel() {
        everyIterations.addListener((o, a, n) -> applyWatching());
        chosenImage.addListener((o, a, n) -> diagnostics.setChosenImage(n.intValue()));
    }

    /** What the trainer reads, from its own thread, at every step. */
    public Diagnostics diagnostics() { return diagnostics; }

    /** Inspect while a window shows this (true), train on the plain path otherwise (false). */
    public void watch(boolean on) {
        watching.set(on);
        applyWatching();
    }

    private void applyWatching() {
        int n = Math.max(1, everyIterations.get());
        diagnostics.setEveryIterations(watching.get() ? n : 0);
    }

    /** The Train tab's events, on the UI thread. */
    public void apply(List<TrainingEvent> events) {
        boolean changed = false;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started) {
                samples.clear();
                names.clear();
                featureMaps.set(List.of());
                probeImage.set(null);
                firstLayerFilters.set(null);
                changed = true;
                status.set(watching.get() ? "Training: the first inspection comes at iteration " + everyIterations.get() + "." : IDLE);
            } else if (e instanceof TrainingEvent.LayerStats stats) {
                record(stats);
                changed = true;
            } else if (e instanceof TrainingEvent.Finished f) {
                status.set(layers.get().isEmpty() && samples.isEmpty() ? IDLE
                        : "Run ended (" + f.outcome().name().toLowerCase(Locale.ROOT) + "): the last inspections stay until the next run.");
            }
        }
        if (changed) publish();
    }

    private void record(TrainingEvent.LayerStats stats) {
        for (LayerInspection layer : stats.inspection().layers()) {
            names.put(layer.step(), layer);
            List<LayerHistory.Sample> list = samples.computeIfAbsent(layer.step(), k -> new ArrayList<>());
            list.add(new LayerHistory.Sample(stats.iteration(), layer.updateRatio(), layer.weights(), layer.gradients(), layer.activations()));
            if (list.size() > HISTORY) list.remove(0);
        }
        probeImage.set(stats.inspection().probeImage());
        featureMaps.set(stats.inspection().featureMaps());
        firstLayerFilters.set(stats.inspection().firstLayerFilters());
        status.set(String.format(Locale.ROOT, "Epoch %d, iteration %,d: %d layers inspected, one iteration in %d.",
                stats.epoch(), stats.iteration(), stats.inspection().layers().size(), diagnostics.everyIterations()));
    }

    private void publish() {
        List<LayerHistory> out = new ArrayList<>();
        for (Map.Entry<Integer, List<LayerHistory.Sample>> e : samples.entrySet()) {
            LayerInspection l = names.get(e.getKey());
            out.add(new LayerHistory(l.name(), l.weightCount(), e.getValue()));
        }
        layers.set(List.copyOf(out));
    }

    /** How to read a layer's latest log10 update ratio, in a few words. */
    public static String verdict(double log10Ratio) {
        if (Double.isNaN(log10Ratio)) return "no update";
        if (log10Ratio > HEALTHY_HIGH) return "large steps: lower the learning rate?";
        if (log10Ratio < HEALTHY_LOW) return "tiny steps: barely learning";
        return "healthy";
    }

    public IntegerProperty everyIterationsProperty() { return everyIterations; }

    /** The validation image (0-based, of the first {@link Diagnostics#PROBE_IMAGES}) whose feature maps are shown. */
    public IntegerProperty chosenImageProperty() { return chosenImage; }

    public ReadOnlyBooleanProperty watchingProperty() { return watching.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<List<LayerHistory>> layersProperty() { return layers.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<List<FeatureMaps>> featureMapsProperty() { return featureMaps.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<FeatureMaps> firstLayerFiltersProperty() { return firstLayerFilters.getReadOnlyProperty(); }

    /** The chosen validation image itself, as the network gets it (noisy): what the feature maps are maps of. */
    public ReadOnlyObjectProperty<FeatureMaps> probeImageProperty() { return probeImage.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
