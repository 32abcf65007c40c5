package com.daeworkbench.ui.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.core.model.NetworkPlan;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.table.TableRecipe;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The settings half of the Train tab: what to train on, the noise, the network and how it is
 * trained, as properties the controls bind to, and what follows from them at once (the spec, its
 * layer diagram and parameter count, the noise preview). Nothing here runs in the background.
 */
public final class TrainSettings {
    public static final List<String> NOISE_TYPES = List.of("gaussian", "saltpepper", "masking", "speckle");
    /** the corruptions of a table's cells (swap: a value from another row of the same column) */
    public static final List<String> TABLE_NOISE_TYPES = List.of("swap", "masking", "gaussian");
    /** the second noise's "none" */
    public static final String NO_NOISE = "none";
    static final int STRIP_IMAGES = 10;

    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(TrainViewModel.BUNDLED);
    private final ObjectProperty<String> noiseType = new SimpleObjectProperty<>("gaussian");
    private final DoubleProperty noiseLevel = new SimpleDoubleProperty(0.5);
    /** a second corruption applied after the first ({@link #NO_NOISE}: none), as the CLI's "gaussian:0.3+masking:0.2" */
    private final ObjectProperty<String> secondNoiseType = new SimpleObjectProperty<>(NO_NOISE);
    private final DoubleProperty secondNoiseLevel = new SimpleDoubleProperty(0.2);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CONV);
    private final IntegerProperty layers = new SimpleIntegerProperty(2);
    private final IntegerProperty width = new SimpleIntegerProperty(32);
    private final IntegerProperty bottleneck = new SimpleIntegerProperty(32);
    /** a residual network's widest tap spacing (1: none); other kinds ignore it */
    private final IntegerProperty dilation = new SimpleIntegerProperty(1);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.RELU);
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.ADAM);
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(ArchitectureSpec.defaults(Kind.CONV, 28, 28).loss());
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(0);
    /** log10 of the learning rate */
    private final DoubleProperty learningRateLog = new SimpleDoubleProperty(-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(128);
    private final IntegerProperty epochs = new SimpleIntegerProperty(5);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);

    private final ReadOnlyObjectWrapper<Dataset> loadedDataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper datasetSummary = new ReadOnlyStringWrapper("loading the bundled digits...");
    /** the loaded data are noisy/clean pairs: the noise settings do not apply */
    private final ReadOnlyBooleanWrapper noiseFromPairs = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<float[]> previewNoisy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper parameterCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper layerDiagram = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<NetworkPlan.Shape>> layerShapes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper codeShapeIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper specError = new ReadOnlyStringWrapper("");
    /** whether the settings follow a table (true) or images (false); null before the first data set */
    private Boolean showingTable;
    /** the noises that apply to the loaded data: the image ones, or a table's */
    private final javafx.collections.ObservableList<String> noiseTypes = javafx.collections.FXCollections.observableArrayList(NOISE_TYPES);
    private final javafx.collections.ObservableList<String> noiseTypesView = javafx.collections.FXCollections.unmodifiableObservableList(noiseTypes);

    TrainSettings() {
        // first: the noise and network must suit the new data before the preview and the spec are derived from them
        // (an invalidation listener: JavaFX calls those before any change listener, in the order added)
        loadedDataset.addListener(o -> followDataKind(loadedDataset.get()));
        kind.addListener((o, a, k) -> applyDefaults(k));
        for (Observable p : List.of(kind, layers, width, bottleneck, dilation, activation, optimizer, loss, weightDecay, learningRateLog,
                batchSize, seed, loadedDataset)) {
            p.addListener(o -> updateArchitecture());
        }
        for (Observable p : List.of(noiseType, noiseLevel, secondNoiseType, secondNoiseLevel, loadedDataset)) {
            p.addListener(o -> updatePreview());
        }
        loadedDataset.addListener((o, a, d) -> noiseFromPairs.set(d != null && d.hasPairs()));
        updateArchitecture();
    }

    /** The spec the current settings describe, or null (with {@link #specErrorProperty()} set) when they are invalid. */
    public ArchitectureSpec spec() {
        Dataset d = loadedDataset.get();
        int h = d == null ? 28 : d.height(), w = d == null ? 28 : d.width();
        try {
            ArchitectureSpec s = new ArchitectureSpec(kind.get(), h, w, layers.get(), width.get(), bottleneck.get(), activation.get(),
                    loss.get(), optimizer.get(), learningRate(), batchSize.get(), weightDecay.get(), seed.get());
            return kind.get() == Kind.RESIDUAL ? s.withNetwork(s.network().withDilation(dilation.get())) : s;
        } catch (IllegalArgumentException e) {
            specError.set(e.getMessage());
            return null;
        }
    }

    public double learningRate() {
        return Math.pow(10, learningRateLog.get());
    }

    /** The noise the settings describe; null for a data set of real pairs, which brings its own. */
    public Corruption corruption() {
        Dataset d = loadedDataset.get();
        return d != null && d.hasPairs() ? null : chosenCorruption();
    }

    /** The noise chosen in the controls, whatever the data (a table's cells or images). */
    Corruption chosenCorruption() {
        String first = noiseType.get() + ":" + levelText(noiseLevel.get());
        String spec = NO_NOISE.equals(secondNoiseType.get()) || secondNoiseType.get() == null ? first
                : first + "+" + secondNoiseType.get() + ":" + levelText(secondNoiseLevel.get());
        Dataset d = loadedDataset.get();
        return d == null ? CorruptionSpec.parse(spec) : CorruptionSpec.parse(spec, d.shape());
    }

    /** The loaded data is a table of numbers (rows of features), not images. */
    public boolean isTable() {
        Dataset d = loadedDataset.get();
        return d != null && d.table() != null;
    }

    /**
     * Moving between images and a table: the noise list follows, and a table starts from its recipe (an
     * overcomplete dense network, swap noise, 100 epochs of small batches) as the CLI does; back to images, the
     * image defaults.
     */
    private void followDataKind(Dataset now) {
        if (now == null) return;
        boolean table = now.table() != null, wasTable = Boolean.TRUE.equals(showingTable);
        if (showingTable != null && wasTable == table) return;
        showingTable = table;
        if (table) {
            noiseTypes.setAll(TABLE_NOISE_TYPES);
            ArchitectureSpec r = TableRecipe.defaults(now.table().features());
            applySpec(r.withSeed(seed.get()));
            epochs.set(TableRecipe.EPOCHS);
            noiseType.set("swap");
            noiseLevel.set(0.2);
            secondNoiseType.set(NO_NOISE);
        } else if (wasTable) {
            noiseTypes.setAll(NOISE_TYPES);
            ArchitectureSpec d = ArchitectureSpec.defaults(Kind.CONV, 28, 28);
            applySpec(d.withSeed(seed.get()));
            epochs.set(5);
            noiseType.set("gaussian");
            noiseLevel.set(0.5);
            secondNoiseType.set(NO_NOISE);
        }
    }

    /** The settings are complete and valid with a data set loaded: a run can start from them. */
    boolean ready() {
        return loadedDataset.get() != null && spec() != null && specError.get().isEmpty();
    }

    /** A model's or run's architecture and training settings into the controls. */
    void applySpec(ArchitectureSpec s) {
        applyNetwork(s);
        optimizer.set(s.optimizer());
        learningRateLog.set(Math.log10(s.learningRate()));
        batchSize.set(s.batchSize());
        seed.set((int) s.seed());
        weightDecay.set(s.weightDecay());
    }

    /** The network of a model the next run starts from (its training settings stay the user's). */
    void applyNetwork(ArchitectureSpec s) {
        kind.set(s.kind());   // first: a new kind resets the other controls to its defaults
        layers.set(s.layers());
        width.set(s.width());
        bottleneck.set(s.bottleneck());
        dilation.set(s.dilation());
        activation.set(s.activation());
        loss.set(s.loss());
    }

    /** A run's or model's corruption ("type:level", or two joined by "+") into the noise controls; others are left as they are. */
    void applyCorruption(String spec) {
        if (spec == null) return;
        String[] parts = spec.split("\\+");
        if (parts.length > 2) return;
        String[] first = typeAndLevel(parts[0]), second = parts.length == 2 ? typeAndLevel(parts[1]) : null;
        if (first == null || (parts.length == 2 && second == null)) return;
        noiseType.set(first[0]);
        noiseLevel.set(Double.parseDouble(first[1]));
        secondNoiseType.set(second == null ? NO_NOISE : second[0]);
        if (second != null) secondNoiseLevel.set(Double.parseDouble(second[1]));
    }

    public void newSeed() {
        seed.set(1 + new Random().nextInt(99_999));
    }

    void showLoading(String nameOrPath) {
        datasetSummary.set("loading " + nameOrPath + "...");
    }

    void useDataset(String nameOrPath, Dataset d) {
        dataset.set(nameOrPath);
        loadedDataset.set(d);
        datasetSummary.set(summary(d));
    }

    /** A loading that failed: the summary goes back to the data set still loaded. */
    void loadingFailed() {
        datasetSummary.set(loadedDataset.get() == null ? "no data set loaded" : summary(loadedDataset.get()));
    }

    private static String summary(Dataset d) {
        if (d.table() != null) {
            int label = d.table().labelColumn();
            return String.format(Locale.ROOT, "%s: a table, %,d train / %,d validation rows of %d features%s", d.name(), d.train().count(),
                    d.test().count(), d.table().features(), label < 0 ? "" : ", label column '" + d.table().columns().get(label).name() + "' kept aside");
        }
        return String.format(Locale.ROOT, "%s: %,d train / %,d test images, %dx%d%s", d.name(), d.train().count(),
                d.test().count(), d.width(), d.height(), d.hasPairs() ? ", noisy/clean pairs" : "");
    }

    private void applyDefaults(Kind k) {
        ArchitectureSpec d = ArchitectureSpec.defaults(k, 28, 28);
        layers.set(d.layers());
        width.set(d.width());
        bottleneck.set(d.bottleneck());
        dilation.set(d.dilation());
        loss.set(d.loss());
    }

    private void updateArchitecture() {
        ArchitectureSpec s = spec();
        if (s == null) return;
        Dataset d = loadedDataset.get();
        int m = s.kind() == Kind.CONV ? 1 << s.layers() : 1;
        if (d != null && d.table() != null && s.kind() != Kind.DENSE) {
            specError.set("A table of numbers trains a dense network: its rows have no neighbouring pixels for convolutions."
                    + " Choose Dense.");
        } else if (d != null && s.kind() == Kind.CONV && (d.height() % m != 0 || d.width() % m != 0)) {
            specError.set(layers.get() + " pooling levels need image sides divisible by " + m + "; these images are "
                    + d.width() + "x" + d.height());
        } else {
            specError.set("");
        }
        NetworkPlan plan = NetworkPlan.of(s);
        parameterCount.set((int) Math.min(Integer.MAX_VALUE, plan.parameterCount()));
        layerDiagram.set(String.join("\n", plan.describe()));
        layerShapes.set(plan.shapes(s.inputHeight(), s.inputWidth()));
        // a residual network keeps every layer at full size: it has no code to mark
        codeShapeIndex.set(s.kind() == Kind.RESIDUAL ? -1 : plan.codeShapeIndex());
    }

    private void updatePreview() {
        Dataset d = loadedDataset.get();
        if (d == null) return;
        if (d.table() != null) {
            previewNoisy.set(null);   // a row is no picture: the run shows rows as numbers instead
            return;
        }
        ImageSet strip = d.test().slice(0, Math.min(STRIP_IMAGES, d.test().count()));
        previewNoisy.set(d.hasPairs() ? d.testNoisy().slice(0, strip.count()).pixels()
                : Corruptions.corruptSet(strip, chosenCorruption(), 7).pixels());
    }

    /** The slider's level to two decimals, as the label shows it and the run record keeps it. */
    private static String levelText(double level) {
        return Double.toString(Math.round(level * 100) / 100.0);
    }

    private static String[] typeAndLevel(String part) {
        int colon = part.indexOf(':');
        String type = colon < 0 ? "" : part.substring(0, colon).trim();
        if (!NOISE_TYPES.contains(type) && !TABLE_NOISE_TYPES.contains(type)) return null;
        try {
            double level = Double.parseDouble(part.substring(colon + 1).trim());
            return level >= 0 && level <= 1 ? new String[] {part.substring(0, colon).trim(), Double.toString(level)} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // --- properties -------------------------------------------------------
    public ObjectProperty<String> datasetProperty() { return dataset; }
    public ObjectProperty<String> noiseTypeProperty() { return noiseType; }
    public DoubleProperty noiseLevelProperty() { return noiseLevel; }
    public ObjectProperty<String> secondNoiseTypeProperty() { return secondNoiseType; }
    public DoubleProperty secondNoiseLevelProperty() { return secondNoiseLevel; }
    public ObjectProperty<Loss> lossProperty() { return loss; }
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public ObjectProperty<Kind> kindProperty() { return kind; }
    public IntegerProperty layersProperty() { return layers; }
    public IntegerProperty widthProperty() { return width; }
    public IntegerProperty bottleneckProperty() { return bottleneck; }
    public IntegerProperty dilationProperty() { return dilation; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public DoubleProperty learningRateLogProperty() { return learningRateLog; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty seedProperty() { return seed; }
    public ReadOnlyObjectProperty<Dataset> loadedDatasetProperty() { return loadedDataset.getReadOnlyProperty(); }
    public ReadOnlyStringProperty datasetSummaryProperty() { return datasetSummary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty noiseFromPairsProperty() { return noiseFromPairs.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> previewNoisyProperty() { return previewNoisy.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty parameterCountProperty() { return parameterCount.getReadOnlyProperty(); }
    public ReadOnlyStringProperty layerDiagramProperty() { return layerDiagram.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<NetworkPlan.Shape>> layerShapesProperty() { return layerShapes.getReadOnlyProperty(); }
    /** index in {@link #layerShapesProperty()} of the code (the bottleneck), -1 when the network has none */
    public ReadOnlyIntegerProperty codeShapeIndexProperty() { return codeShapeIndex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty specErrorProperty() { return specError.getReadOnlyProperty(); }
    /** the noise types that apply to the loaded data */
    public javafx.collections.ObservableList<String> noiseTypes() { return noiseTypesView; }
}
