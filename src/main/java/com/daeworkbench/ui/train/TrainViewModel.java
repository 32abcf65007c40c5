package com.daeworkbench.ui.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.metrics.ClassicFilters;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.core.infer.DocumentModel;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.train.LearningRateFinder;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.Coalescer;
import com.daeworkbench.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the training screen shows and does. Only this class touches the core; the view
 * binds to its properties. Trainer events arrive on the training thread and are coalesced
 * before they reach the UI thread.
 */
public final class TrainViewModel {
    public static final List<String> NOISE_TYPES = List.of("gaussian", "saltpepper", "masking", "speckle");
    /** the second noise's "none" */
    public static final String NO_NOISE = "none";
    static final int PREVIEW_ROWS = 6;
    static final int STRIP_IMAGES = 10;
    /** the data set every installation has (10,000 MNIST digits in the jar) */
    static final String BUNDLED = "digits";

    private final TaskRunner runner;
    /** run.json writes, in order: a late RUNNING write must never overwrite the final status */
    private final TaskRunner runWriter;
    private final RunStore runs;
    private final Consumer<String> notifier;

    // settings
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(BUNDLED);
    private final ObjectProperty<String> noiseType = new SimpleObjectProperty<>("gaussian");
    private final DoubleProperty noiseLevel = new SimpleDoubleProperty(0.5);
    /** a second corruption applied after the first ({@link #NO_NOISE}: none), as the CLI's "gaussian:0.3+masking:0.2" */
    private final ObjectProperty<String> secondNoiseType = new SimpleObjectProperty<>(NO_NOISE);
    private final DoubleProperty secondNoiseLevel = new SimpleDoubleProperty(0.2);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CONV);
    private final IntegerProperty layers = new SimpleIntegerProperty(2);
    private final IntegerProperty width = new SimpleIntegerProperty(32);
    private final IntegerProperty bottleneck = new SimpleIntegerProperty(32);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.RELU);
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.ADAM);
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(ArchitectureSpec.defaults(Kind.CONV, 28, 28).loss());
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(0);
    /** log10 of the learning rate */
    private final DoubleProperty learningRateLog = new SimpleDoubleProperty(-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(128);
    private final IntegerProperty epochs = new SimpleIntegerProperty(5);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);

    // state shown
    private final ReadOnlyObjectWrapper<Dataset> loadedDataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper datasetSummary = new ReadOnlyStringWrapper("loading the bundled digits...");
    private final ReadOnlyObjectWrapper<float[]> previewNoisy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper parameterCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper layerDiagram = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<com.daeworkbench.core.model.NetworkPlan.Shape>> layerShapes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper codeShapeIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper specError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper engineReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading the engine...");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper curveVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<TrainingEvent.Samples> liveSamples = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TrainingEvent.Samples> epochSamples = FXCollections.observableArrayList();
    /**
     * One read-only view, kept: the view listens to it, and a fresh wrapper per call would be
     * held by the list only weakly, collected, and its listeners silently never called.
     */
    private final ObservableList<TrainingEvent.Samples> epochSamplesView = FXCollections.unmodifiableObservableList(epochSamples);
    private final ReadOnlyObjectWrapper<double[]> baselinePsnr = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper baselineSetPsnr = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper baselineName = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper setPsnr = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<RunRecord> savedRun = new ReadOnlyObjectWrapper<>();
    /** what has gone wrong with the run under way (loss exploded, output flat), or "" */
    private final ReadOnlyStringWrapper trainingWarning = new ReadOnlyStringWrapper("");
    /** the loaded data are noisy/clean pairs: the noise settings do not apply */
    private final ReadOnlyBooleanWrapper noiseFromPairs = new ReadOnlyBooleanWrapper();
    /** the loss an exploded one is measured against: the first batch's, then the first epoch's mean */
    private double referenceLoss = Double.NaN;

    // curves, at full resolution (the chart decimates)
    private final List<Double> iterationLoss = new ArrayList<>();
    private final List<RunRecord.EpochPoint> epochPoints = new ArrayList<>();

    private Trainer trainer;
    private TaskRunner.Handle trainingTask;
    private RunRecord currentRun;
    private int iterationsPerEpoch = 1;

    private final com.daeworkbench.ui.sweep.SweepViewModel sweep;
    private final com.daeworkbench.ui.inside.InsideViewModel inside = new com.daeworkbench.ui.inside.InsideViewModel();
    private final ReadOnlyBooleanWrapper findingRate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LearningRateFinder.Result> learningRateTest = new ReadOnlyObjectWrapper<>();
    private TaskRunner.Handle rateTask;

    private final BooleanProperty fineTuneDocumentModel = new javafx.beans.property.SimpleBooleanProperty();

    /** epochs and iterations a resumed run had done before this session's trainer started counting */
    private volatile int epochOffset;
    private int iterationOffset;

    public TrainViewModel(TaskRunner runner, RunStore runs, Consumer<String> notifier) {
        this.runner = runner;
        this.runWriter = runner.serial();
        this.runs = runs;
        this.notifier = notifier;
        this.sweep = new com.daeworkbench.ui.sweep.SweepViewModel(runner, runs, notifier);
        kind.addListener((o, a, k) -> applyDefaults(k));
        for (javafx.beans.Observable p : List.of(kind, layers, width, bottleneck, activation, optimizer, loss, weightDecay, learningRateLog, batchSize, seed, loadedDataset)) {
            p.addListener(o -> updateArchitecture());
        }
        noiseType.addListener(o -> updatePreview());
        noiseLevel.addListener(o -> updatePreview());
        secondNoiseType.addListener(o -> updatePreview());
        secondNoiseLevel.addListener(o -> updatePreview());
        fineTuneDocumentModel.addListener((o, was, on) -> { if (on) matchDocumentArchitecture(); });
        loadedDataset.addListener(o -> updatePreview());
        loadedDataset.addListener((o, a, d) -> noiseFromPairs.set(d != null && d.hasPairs()));
        updateArchitecture();
    }

    /** Loads the engine's natives and the default data set in the background. */
    public void start() {
        runner.submit("engine", com.daeworkbench.core.model.Engine::initialize, description -> {
            engineReady.set(true);
            if (!running.get()) status.set("Ready. Engine: " + description);
        }, e -> {
            status.set("The engine failed to load: " + message(e));
            notifier.accept("The training engine could not be loaded: " + message(e));
        });
        loadDataset(dataset.get());
    }

    public void loadDataset(String nameOrPath) {
        datasetSummary.set("loading " + nameOrPath + "...");
        runner.submit("dataset", () -> DatasetSource.resolve(nameOrPath), d -> {
            dataset.set(nameOrPath);
            loadedDataset.set(d);
            datasetSummary.set(String.format(Locale.ROOT, "%s: %,d train / %,d test images, %dx%d%s", d.name(),
                    d.train().count(), d.test().count(), d.width(), d.height(), d.hasPairs() ? ", noisy/clean pairs" : ""));
        }, e -> {
            if (loadedDataset.get() == null && !BUNDLED.equals(nameOrPath)) {
                // the folder of the last session is gone (or unreadable): start on the bundled digits, not on nothing
                notifier.accept("Could not load " + nameOrPath + ": " + message(e) + ". Using the bundled digits instead.");
                loadDataset(BUNDLED);
                return;
            }
            datasetSummary.set(loadedDataset.get() == null ? "no data set loaded" : datasetSummary.get());
            notifier.accept("Could not load " + nameOrPath + ": " + message(e));
        });
    }

    private void applyDefaults(Kind k) {
        ArchitectureSpec d = ArchitectureSpec.defaults(k, 28, 28);
        layers.set(d.layers());
        width.set(d.width());
        bottleneck.set(d.bottleneck());
        loss.set(d.loss());
    }

    /** The spec the current settings describe, or null (with {@link #specErrorProperty()} set) when they are invalid. */
    public ArchitectureSpec spec() {
        Dataset d = loadedDataset.get();
        int h = d == null ? 28 : d.height(), w = d == null ? 28 : d.width();
        ArchitectureSpec defaults = ArchitectureSpec.defaults(kind.get(), h, w);
        try {
            return new ArchitectureSpec(kind.get(), h, w, layers.get(), width.get(), bottleneck.get(), activation.get(),
                    loss.get(), optimizer.get(), learningRate(), batchSize.get(), weightDecay.get(), seed.get());
        } catch (IllegalArgumentException e) {
            specError.set(e.getMessage());
            return null;
        }
    }

    public double learningRate() {
        return Math.pow(10, learningRateLog.get());
    }

    private void updateArchitecture() {
        ArchitectureSpec s = spec();
        if (s == null) return;
        Dataset d = loadedDataset.get();
        int m = s.kind() == Kind.CONV ? 1 << s.layers() : 1;
        if (d != null && s.kind() == Kind.CONV && (d.height() % m != 0 || d.width() % m != 0)) {
            specError.set(layers.get() + " pooling levels need image sides divisible by " + m + "; these images are "
                    + d.width() + "x" + d.height());
        } else {
            specError.set("");
        }
        com.daeworkbench.core.model.NetworkPlan plan = com.daeworkbench.core.model.NetworkPlan.of(s);
        parameterCount.set((int) Math.min(Integer.MAX_VALUE, plan.parameterCount()));
        layerDiagram.set(String.join("\n", plan.describe()));
        layerShapes.set(plan.shapes(s.inputHeight(), s.inputWidth()));
        // a residual network keeps every layer at full size: it has no code to mark
        codeShapeIndex.set(s.kind() == Kind.RESIDUAL ? -1 : plan.codeShapeIndex());
    }

    public Corruption corruption() {
        String first = noiseType.get() + ":" + levelText(noiseLevel.get());
        if (NO_NOISE.equals(secondNoiseType.get()) || secondNoiseType.get() == null) return CorruptionSpec.parse(first);
        return CorruptionSpec.parse(first + "+" + secondNoiseType.get() + ":" + levelText(secondNoiseLevel.get()));
    }

    /** The slider's level to two decimals, as the label shows it and the run record keeps it. */
    private static String levelText(double level) {
        return Double.toString(Math.round(level * 100) / 100.0);
    }

    private void updatePreview() {
        Dataset d = loadedDataset.get();
        if (d == null) return;
        ImageSet strip = d.test().slice(0, Math.min(STRIP_IMAGES, d.test().count()));
        previewNoisy.set(d.hasPairs() ? d.testNoisy().slice(0, strip.count()).pixels()
                : Corruptions.corruptSet(strip, corruption(), 7).pixels());
    }

    public void train() {
        if (running.get() || findingRate.get()) return;
        if (sweep.runningProperty().get()) {
            notifier.accept("A sweep is training: wait for it, or cancel it in the Sweep window.");
            return;
        }
        ArchitectureSpec s = spec();
        Dataset d = loadedDataset.get();
        if (!engineReady.get() || d == null || s == null || !specError.get().isEmpty()) {
            notifier.accept(!specError.get().isEmpty() ? specError.get() : "Wait until the engine and the data set are loaded.");
            return;
        }
        clearCurves();
        Corruption noise = d.hasPairs() ? null : corruption();
        String noiseSpec = d.hasPairs() ? "pairs" : noise.spec();
        currentRun = new RunRecord(RunStore.newId(), describe(s, noiseSpec), java.time.Instant.now().toString(), d.name(), noiseSpec,
                s, epochs.get(), RunRecord.Status.RUNNING, "", List.of(), List.of());
        boolean fineTune = fineTuneDocumentModel.get();
        startRun(d, noise, noiseSpec, epochs.get(), 0, () -> fineTune ? DocumentModel.fineTunable(s) : Models.create(s));
    }

    /**
     * The learning-rate range test on the current settings, in the background: a fresh network
     * trained for 100 batches at a growing rate ({@link LearningRateFinder}); the result goes to
     * {@link #learningRateTestProperty()}, where the view shows its curve and suggestion.
     */
    public void findLearningRate() {
        if (running.get() || findingRate.get()) return;
        ArchitectureSpec s = spec();
        Dataset d = loadedDataset.get();
        if (!engineReady.get() || d == null || s == null || !specError.get().isEmpty()) {
            notifier.accept(!specError.get().isEmpty() ? specError.get() : "Wait until the engine and the data set are loaded.");
            return;
        }
        Corruption noise = d.hasPairs() ? null : corruption();
        findingRate.set(true);
        status.set("Finding a learning rate: 100 batches at rates from 1e-6 up, until the loss explodes...");
        rateTask = runner.submit("lr-find", () -> {
            try (DenoisingModel model = Models.create(s)) {
                return LearningRateFinder.run(model, d, noise, LearningRateFinder.Range.defaults(), Thread.currentThread()::isInterrupted);
            }
        }, result -> {
            findingRate.set(false);
            status.set(result.points().isEmpty() ? "The learning-rate test was stopped."
                    : String.format(Locale.ROOT, "Learning-rate test: suggested %.2g.", result.suggestion()));
            learningRateTest.set(null);   // the same settings give an equal result: listeners must hear it again
            if (!result.points().isEmpty()) learningRateTest.set(result);
        }, e -> {
            findingRate.set(false);
            status.set("The learning-rate test failed.");
            notifier.accept("The learning-rate test failed: " + message(e));
        });
    }

    /** The Inside window's view of the run under way (issue 17). */
    public com.daeworkbench.ui.inside.InsideViewModel inside() { return inside; }

    /** The sweeps started from this tab's settings. */
    public com.daeworkbench.ui.sweep.SweepViewModel sweep() { return sweep; }

    /** What a sweep starts from now (null, with a message, when the settings are not ready or a run is under way). */
    public com.daeworkbench.ui.sweep.SweepViewModel.Base sweepBase() {
        ArchitectureSpec s = spec();
        Dataset d = loadedDataset.get();
        if (running.get() || findingRate.get()) {
            notifier.accept("Wait for the current run to end: a sweep trains one run after another on the same cores.");
            return null;
        }
        if (!engineReady.get() || d == null || s == null || !specError.get().isEmpty()) {
            notifier.accept(!specError.get().isEmpty() ? specError.get() : "Wait until the engine and the data set are loaded.");
            return null;
        }
        return new com.daeworkbench.ui.sweep.SweepViewModel.Base(s, d, d.hasPairs() ? null : corruption());
    }

    /** Takes the last learning-rate test's suggestion as the learning rate. */
    public void useSuggestedLearningRate() {
        LearningRateFinder.Result r = learningRateTest.get();
        if (r == null || !(r.suggestion() > 0)) return;
        learningRateLog.set(Math.max(-5, Math.min(-1, Math.log10(r.suggestion()))));
    }

    /**
     * Continues an interrupted or stopped run from its last checkpoint (the model saved after
     * its last completed epoch): the run's settings come back into the Train tab, its curves
     * are kept, and training goes on for the epochs it still had to do, in the same run.
     */
    public void resume(RunRecord run) {
        if (running.get()) {
            notifier.accept("Stop the current training before resuming another run.");
            return;
        }
        int done = run.epochs().size();
        java.nio.file.Path checkpoint = runs.modelOf(run.id());
        if (done == 0 || !java.nio.file.Files.exists(checkpoint)) {
            notifier.accept("Run " + run.name() + " has no completed epoch to resume from; train it again instead.");
            return;
        }
        if (done >= run.epochsPlanned()) {
            notifier.accept("Run " + run.name() + " already did all its " + run.epochsPlanned() + " epochs.");
            return;
        }
        status.set("Resuming " + run.name() + " after epoch " + done + "...");
        Dataset loaded = loadedDataset.get();
        runner.submit("resume-data", () -> loaded != null && loaded.name().equals(run.dataset()) ? loaded : DatasetSource.resolve(run.dataset()), d -> {
            applySpec(run.spec());
            epochs.set(run.epochsPlanned());
            Corruption noise = d.hasPairs() ? null : CorruptionSpec.parse(run.corruption());
            applyCorruption(run.corruption());
            loadedDataset.set(d);
            clearCurves();
            iterationLoss.addAll(run.iterationLoss());
            epochPoints.addAll(run.epochs());
            currentRun = run.with(RunRecord.Status.RUNNING, "", run.iterationLoss(), run.epochs());
            startRun(d, noise, run.corruption(), run.epochsPlanned() - done, done,
                    () -> com.daeworkbench.core.io.ModelStore.load(checkpoint).model());
        }, e -> notifier.accept("Cannot resume " + run.name() + ": the data set '" + run.dataset() + "' is not available ("
                + message(e) + "). Load it in the Train tab and try again."));
    }

    private interface ModelSource {
        DenoisingModel open() throws Exception;
    }

    /** Runs {@code epochCount} epochs on the background runner; epochs already done shift the numbering. */
    private void startRun(Dataset d, Corruption noise, String noiseSpec, int epochCount, int epochsDone, ModelSource source) {
        ArchitectureSpec s = currentRun.spec();
        epochOffset = epochsDone;
        iterationOffset = iterationLoss.size();
        saveRun();
        running.set(true);
        paused.set(false);
        status.set("Building the network...");
        computeBaseline(d, noise);
        Coalescer<TrainingEvent> toUi = new Coalescer<>(runner, this::apply);
        String source0 = dataset.get();
        trainingTask = runner.submit("training", () -> {
            try (DenoisingModel model = source.open()) {
                // a model that sees pages divided by their paper (the bundled document model, fine-tuned) trains on such pages
                ArchitectureSpec.PageInput input = model.spec().pageInput();
                Dataset data = input != ArchitectureSpec.PageInput.RAW && d.hasPairs() && source0 != null
                        ? DatasetSource.resolve(source0, input) : d;
                // a resumed run goes on with the order and noise of its next epoch, and the same validation noise
                Trainer t = new Trainer(model, data, noise, new Trainer.Options(epochCount, PREVIEW_ROWS, 10, 1000, s.seed(), epochsDone));
                t.inspect(inside.diagnostics());
                runner.onUiThread(() -> trainer = t);
                return t.run(e -> {
                    toUi.offer(e);
                    if (e instanceof TrainingEvent.EpochDone done) checkpoint(model, done, noiseSpec, d.name());
                });
            }
        }, result -> {
            trainer = null;
        }, e -> {
            trainer = null;
            running.set(false);
            status.set("Training failed: " + message(e));
            notifier.accept("Training failed: " + message(e));
        });
    }

    /** Autosave: the run's model after every epoch, so a crash loses at most one epoch. */
    private void checkpoint(DenoisingModel model, TrainingEvent.EpochDone done, String noiseSpec, String datasetName) {
        try {
            runs.saveModel(currentRun.id(), model, ModelInfo.of(noiseSpec, datasetName, done.epoch() + epochOffset,
                    Map.of("psnr_validation", done.validationPsnr(), "ssim_validation", done.validationSsim())));
        } catch (java.io.IOException e) {
            runner.onUiThread(() -> notifier.accept("Could not save the checkpoint: " + e.getMessage()));
        }
    }

    private void computeBaseline(Dataset d, Corruption noise) {
        runner.submit("baseline", () -> {
            int n = Math.min(500, d.test().count());
            ImageSet clean = d.test().slice(0, n);
            ImageSet noisy = d.hasPairs() ? d.testNoisy().slice(0, n) : Corruptions.corruptSet(clean, noise, 1 + seed.get() + 1L);
            return ClassicFilters.best(noisy, clean, Math.min(200, n));
        }, best -> {
            baselineSetPsnr.set(best.psnr());
            baselineName.set(best.name() + " " + best.parameter());
        }, e -> { });
    }

    /** Trainer events, on the UI thread, in order (package-private: tests feed it events directly). */
    void apply(List<TrainingEvent> events) {
        inside.apply(events);
        boolean curves = false;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started st) {
                referenceLoss = Double.NaN;
                iterationsPerEpoch = st.iterationsPerEpoch();
                status.set(String.format(Locale.ROOT, "Training %,d parameters on %,d images", st.parameterCount(), st.trainImages()));
            } else if (e instanceof TrainingEvent.IterationDone it) {
                iterationLoss.add(it.loss());
                if (Double.isNaN(referenceLoss) && Double.isFinite(it.loss())) referenceLoss = it.loss();
                warnIf(TrainingHealth.explodedLoss(it.loss(), referenceLoss, currentRun == null ? learningRate() : currentRun.spec().learningRate()));
                curves = true;
                progress.set(it.progress());
                speed.set(String.format(Locale.ROOT, "epoch %d/%d · %,.0f samples/s · %s left", it.epoch() + epochOffset, epochs.get(),
                        it.samplesPerSecond(), eta(it.etaMillis())));
            } else if (e instanceof TrainingEvent.Preview p) {
                updateBaselineRows(p.samples());
                liveSamples.set(p.samples());
            } else if (e instanceof TrainingEvent.EpochDone done) {
                epochPoints.add(new RunRecord.EpochPoint(done.epoch() + epochOffset, done.iteration() + iterationOffset, done.trainLoss(), done.validationLoss(),
                        done.validationPsnr(), done.validationSsim()));
                if (done.epoch() == 1 && Double.isFinite(done.trainLoss())) referenceLoss = done.trainLoss();
                // judged at an epoch's end only: in its first batches any network's output is nearly flat
                if (TrainingHealth.collapsed(done.samples())) warnIf(TrainingHealth.COLLAPSED);
                setPsnr.set(done.validationPsnr());
                epochSamples.add(done.samples());
                updateBaselineRows(done.samples());
                liveSamples.set(done.samples());
                curves = true;
                status.set(String.format(Locale.ROOT, "Epoch %d: validation PSNR %.2f dB, SSIM %.3f", done.epoch() + epochOffset,
                        done.validationPsnr(), done.validationSsim()));
                saveRun(RunRecord.Status.RUNNING, "");
            } else if (e instanceof TrainingEvent.Paused pe) {
                paused.set(true);
                status.set("Paused");
                // no samples/s while nothing runs, and no time left counting down
                speed.set(String.format(Locale.ROOT, "epoch %d/%d · paused", pe.epoch() + epochOffset, epochs.get()));
            } else if (e instanceof TrainingEvent.Resumed re) {
                paused.set(false);
                status.set("Training...");
                speed.set(String.format(Locale.ROOT, "epoch %d/%d · resuming", re.epoch() + epochOffset, epochs.get()));
            } else if (e instanceof TrainingEvent.Finished f) {
                running.set(false);
                paused.set(false);
                status.set(capitalise(f.message()));
                saveRun(RunRecord.Status.valueOf(f.outcome().name()), f.message());
                if (f.outcome() == TrainingEvent.Outcome.DIVERGED || f.outcome() == TrainingEvent.Outcome.FAILED) {
                    notifier.accept(capitalise(f.message()));
                }
            }
        }
        if (curves) curveVersion.set(curveVersion.get() + 1);
    }

    /** Shows the first thing that went wrong in a run, and notifies once; later ones wait for the next run. */
    private void warnIf(String warning) {
        if (warning == null || !trainingWarning.get().isEmpty()) return;
        trainingWarning.set(warning);
        notifier.accept(warning);
    }

    /** The current run's curves as CSV rows (header {@link com.daeworkbench.core.runs.CurvesCsv#HEADER}), as the Runs tab saves them. */
    public List<String> curveRows() {
        return com.daeworkbench.core.runs.CurvesCsv.rows(iterationLoss, epochPoints);
    }

    /** Shows a message to the user the way the view-model's own errors are shown. */
    public void report(String message) {
        notifier.accept(message);
    }

    /** The preview rows carry the run's fixed validation noise, so their median-filter PSNRs are computed once a run. */
    private void updateBaselineRows(TrainingEvent.Samples s) {
        if (baselinePsnr.get() != null && baselinePsnr.get().length == s.count()) return;
        double[] rows = new double[s.count()];
        int n = s.height() * s.width();
        for (int i = 0; i < s.count(); i++) {
            float[] filtered = ClassicFilters.median(java.util.Arrays.copyOfRange(s.noisy(), i * n, (i + 1) * n), s.height(), s.width(), 3);
            rows[i] = com.daeworkbench.core.metrics.Metrics.psnr(java.util.Arrays.copyOfRange(s.clean(), i * n, (i + 1) * n), filtered, 0, n);
        }
        baselinePsnr.set(rows);
    }

    /**
     * Start the next run from the bundled document model's weights (fine-tuning on the user's
     * own pages); ticking it sets the architecture to the bundled one, on the worker thread.
     */
    public BooleanProperty fineTuneDocumentModelProperty() { return fineTuneDocumentModel; }

    private void matchDocumentArchitecture() {
        runner.submit("document-model-spec", DocumentModel::bundledSpec, b -> {
            if (b == null) {
                fineTuneDocumentModel.set(false);
                notifier.accept("This build has no bundled document model to fine-tune.");
                return;
            }
            kind.set(b.kind());
            layers.set(b.layers());
            width.set(b.width());
            bottleneck.set(b.bottleneck());
            activation.set(b.activation());
            status.set("Next run starts from the bundled document model (" + b.kind().name().toLowerCase() + ", "
                    + b.layers() + " layers x " + b.width() + "); train it on your own page pairs.");
        }, e -> notifier.accept("Could not read the bundled document model: " + message(e)));
    }

    /**
     * The model file of the last run (saved after every epoch): this session's, or else the
     * newest an earlier session kept (the Runs tab lists them); null when there is none.
     */
    public java.nio.file.Path lastModelFile() {
        String id = currentRunId();
        if (id != null && java.nio.file.Files.exists(runs.modelOf(id))) return runs.modelOf(id);
        return runs.latestModel().orElse(null);
    }

    /** Copies the last run's model (saved after every epoch) to a file of the user's choice. */
    public void saveModel(java.nio.file.Path target) {
        String id = currentRunId();
        java.nio.file.Path source = id == null ? null : runs.modelOf(id);
        if (source == null || !java.nio.file.Files.exists(source)) {
            notifier.accept("No model to save yet: train for at least one epoch.");
            return;
        }
        runner.submit("save-model", () -> {
            com.daeworkbench.core.io.AtomicFiles.write(target, out -> java.nio.file.Files.copy(source, out));
            return target;
        }, t -> status.set("Saved the model to " + t), e -> notifier.accept("Could not save " + target.getFileName() + ": " + message(e)));
    }

    /**
     * Loads a model file: its settings become the current ones and its reconstructions of the
     * current data set fill the grid, so a saved model can be inspected or trained again.
     */
    public void loadModel(java.nio.file.Path file) {
        Dataset d = loadedDataset.get();
        if (running.get()) {
            notifier.accept("Stop the training before loading a model.");
            return;
        }
        runner.submit("load-model", () -> {
            com.daeworkbench.core.io.SavedModel saved = com.daeworkbench.core.io.ModelStore.load(file);
            try (DenoisingModel m = saved.model()) {
                TrainingEvent.Samples samples = null;
                boolean fits = d != null && (m.spec().fullyConvolutional()
                        || (m.spec().inputHeight() == d.height() && m.spec().inputWidth() == d.width()));
                if (fits) {
                    ImageSet clean = d.test().slice(0, Math.min(PREVIEW_ROWS, d.test().count()));
                    ImageSet noisy = d.hasPairs() ? d.testNoisy().slice(0, clean.count())
                            : Corruptions.corruptSet(clean, noiseOf(saved.info().corruption()), 1);
                    samples = com.daeworkbench.core.train.Previews.of(m, clean, noisy, PREVIEW_ROWS);
                }
                return new Object[] {saved, samples};
            }
        }, result -> {
            com.daeworkbench.core.io.SavedModel saved = (com.daeworkbench.core.io.SavedModel) result[0];
            ArchitectureSpec s = saved.model().spec();
            applySpec(s);
            applyCorruption(saved.info().corruption());
            clearCurves();
            if (result[1] != null) liveSamples.set((TrainingEvent.Samples) result[1]);
            Double psnr = saved.info().metrics().get("psnr_validation");
            status.set(String.format(Locale.ROOT, "Loaded %s: %s, trained %d epochs on %s%s", file.getFileName(),
                    s.kind().name().toLowerCase(Locale.ROOT), saved.info().epochs(), saved.info().dataset(),
                    psnr == null ? "" : String.format(Locale.ROOT, ", validation PSNR %.2f dB", psnr)));
        }, e -> notifier.accept("Could not load " + file.getFileName() + ": " + message(e)));
    }

    private Corruption noiseOf(String spec) {
        try {
            return spec == null || spec.equals("pairs") ? corruption() : CorruptionSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            return corruption();
        }
    }

    /** A model's or run's architecture and training settings into the controls. */
    private void applySpec(ArchitectureSpec s) {
        kind.set(s.kind());   // first: a new kind resets the other controls to its defaults
        layers.set(s.layers());
        width.set(s.width());
        bottleneck.set(s.bottleneck());
        activation.set(s.activation());
        optimizer.set(s.optimizer());
        learningRateLog.set(Math.log10(s.learningRate()));
        batchSize.set(s.batchSize());
        seed.set((int) s.seed());
        loss.set(s.loss());
        weightDecay.set(s.weightDecay());
    }

    /** A run's or model's corruption ("type:level", or two joined by "+") into the noise controls; others are left as they are. */
    private void applyCorruption(String spec) {
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

    private static String[] typeAndLevel(String part) {
        int colon = part.indexOf(':');
        if (colon < 0 || !NOISE_TYPES.contains(part.substring(0, colon).trim())) return null;
        try {
            double level = Double.parseDouble(part.substring(colon + 1).trim());
            return level >= 0 && level <= 1 ? new String[] {part.substring(0, colon).trim(), Double.toString(level)} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void pauseOrResume() {
        Trainer t = trainer;
        if (t == null) return;
        if (t.isPaused()) t.resume();
        else t.pause();
    }

    public void stop() {
        Trainer t = trainer;
        if (t != null) t.cancel();
    }

    /** Clears the run's curves and samples; the next Train starts from the same seeded weights. */
    public void reset() {
        if (running.get()) stop();
        clearCurves();
        status.set(engineReady.get() ? "Reset: the next run starts from the initial weights of seed " + seed.get() : status.get());
    }

    public void newSeed() {
        seed.set(1 + new Random().nextInt(99_999));
    }

    private void clearCurves() {
        // the score first: listeners of the samples below redraw it
        setPsnr.set(Double.NaN);
        baselineSetPsnr.set(Double.NaN);
        baselineName.set("");
        trainingWarning.set("");
        referenceLoss = Double.NaN;
        baselinePsnr.set(null);
        iterationLoss.clear();
        epochPoints.clear();
        epochSamples.clear();
        liveSamples.set(null);
        progress.set(0);
        speed.set("");
        curveVersion.set(curveVersion.get() + 1);
    }

    private void saveRun() {
        saveRun(RunRecord.Status.RUNNING, "");
    }

    private void saveRun(RunRecord.Status s, String message) {
        if (currentRun == null) return;
        currentRun = currentRun.with(s, message, iterationLoss, epochPoints);
        RunRecord snapshot = currentRun;
        runWriter.submit("save-run", () -> {
            runs.save(snapshot);
            return snapshot;
        }, savedRun::set, e -> notifier.accept("Could not save the run: " + message(e)));
    }

    static String describe(ArchitectureSpec s, String noise) {
        String shape = switch (s.kind()) {
            case DENSE -> "dense " + s.layers() + "x" + s.width() + " → " + s.bottleneck();
            case CONV -> "conv " + s.layers() + "x" + s.width() + " → " + s.bottleneck();
            case RESIDUAL -> "residual " + s.layers() + "x" + s.width();
        };
        return shape + ", " + noise + ", lr " + String.format(Locale.ROOT, "%.0e", s.learningRate()) + ", seed " + s.seed();
    }

    static String eta(long millis) {
        if (millis < 0) return "—";
        long s = millis / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // --- properties -------------------------------------------------------
    public ObjectProperty<String> datasetProperty() { return dataset; }
    public ObjectProperty<String> noiseTypeProperty() { return noiseType; }
    public DoubleProperty noiseLevelProperty() { return noiseLevel; }
    public ObjectProperty<String> secondNoiseTypeProperty() { return secondNoiseType; }
    public DoubleProperty secondNoiseLevelProperty() { return secondNoiseLevel; }
    public ObjectProperty<Loss> lossProperty() { return loss; }
    public ReadOnlyBooleanProperty findingRateProperty() { return findingRate.getReadOnlyProperty(); }
    /** The last learning-rate test's curve and suggestion (null before the first). */
    public ReadOnlyObjectProperty<LearningRateFinder.Result> learningRateTestProperty() { return learningRateTest.getReadOnlyProperty(); }
    /** L2 weight decay, added to each update as rate x decay x weight (0: off) */
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public ObjectProperty<Kind> kindProperty() { return kind; }
    public IntegerProperty layersProperty() { return layers; }
    public IntegerProperty widthProperty() { return width; }
    public IntegerProperty bottleneckProperty() { return bottleneck; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public DoubleProperty learningRateLogProperty() { return learningRateLog; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty seedProperty() { return seed; }
    public ReadOnlyObjectProperty<Dataset> loadedDatasetProperty() { return loadedDataset.getReadOnlyProperty(); }
    public ReadOnlyStringProperty datasetSummaryProperty() { return datasetSummary.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> previewNoisyProperty() { return previewNoisy.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty parameterCountProperty() { return parameterCount.getReadOnlyProperty(); }
    public ReadOnlyStringProperty layerDiagramProperty() { return layerDiagram.getReadOnlyProperty(); }
    /** The data's shape at the input and after each learned layer, for the layer diagram. */
    public ReadOnlyObjectProperty<List<com.daeworkbench.core.model.NetworkPlan.Shape>> layerShapesProperty() { return layerShapes.getReadOnlyProperty(); }
    /** Which of {@link #layerShapesProperty()} is the code (the bottleneck). */
    public ReadOnlyIntegerProperty codeShapeIndexProperty() { return codeShapeIndex.getReadOnlyProperty(); }
    public ReadOnlyStringProperty specErrorProperty() { return specError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty engineReadyProperty() { return engineReady.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pausedProperty() { return paused.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedProperty() { return speed.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty curveVersionProperty() { return curveVersion.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainingEvent.Samples> liveSamplesProperty() { return liveSamples.getReadOnlyProperty(); }
    public ObservableList<TrainingEvent.Samples> epochSamples() { return epochSamplesView; }
    public ReadOnlyObjectProperty<double[]> baselinePsnrProperty() { return baselinePsnr.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty baselineSetPsnrProperty() { return baselineSetPsnr.getReadOnlyProperty(); }
    public ReadOnlyStringProperty baselineNameProperty() { return baselineName.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty setPsnrProperty() { return setPsnr.getReadOnlyProperty(); }
    /** What has gone wrong with the current run (the loss exploded, the output went flat), or "". */
    public ReadOnlyStringProperty trainingWarningProperty() { return trainingWarning.getReadOnlyProperty(); }
    /** The loaded data are noisy/clean pairs: training uses their noise, not the noise settings. */
    public ReadOnlyBooleanProperty noiseFromPairsProperty() { return noiseFromPairs.getReadOnlyProperty(); }
    /** The run record last written to disk (the runs table refreshes on it). */
    public ReadOnlyObjectProperty<RunRecord> savedRunProperty() { return savedRun.getReadOnlyProperty(); }
    public List<Double> iterationLoss() { return java.util.Collections.unmodifiableList(iterationLoss); }
    public List<RunRecord.EpochPoint> epochPoints() { return java.util.Collections.unmodifiableList(epochPoints); }
    public int iterationsPerEpoch() { return iterationsPerEpoch; }
    public String currentRunId() { return currentRun == null ? null : currentRun.id(); }
}
