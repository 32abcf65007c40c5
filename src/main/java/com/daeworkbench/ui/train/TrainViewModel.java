package com.daeworkbench.ui.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.data.TableReader;
import com.daeworkbench.core.infer.DocumentModel;
import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.Problems;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Engine;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.session.TrainingSession;
import com.daeworkbench.core.table.TableModel;
import com.daeworkbench.core.table.TableImputer;
import com.daeworkbench.core.train.LearningRateFinder;
import com.daeworkbench.core.train.Previews;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.ValidationMetrics;
import com.daeworkbench.ui.BackgroundTask;
import com.daeworkbench.ui.TaskRunner;
import com.daeworkbench.ui.TaskSlot;
import com.daeworkbench.ui.sweep.SweepViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Train tab: its {@link TrainSettings} (what the controls set), its {@link TrainingRun} (the
 * run under way and what it shows), and what joins them to the core: the engine and data-set
 * loading, starting and resuming runs, the learning-rate test, sweeps, and saving or loading a
 * model. The view binds to the two halves' properties.
 */
public final class TrainViewModel {
    /** the data set every installation has (10,000 MNIST digits in the jar) */
    static final String BUNDLED = "digits";

    private final TaskRunner runner;
    private final RunStore runs;
    private final Consumer<String> notifier;
    private final TrainSettings settings = new TrainSettings();
    private final TrainingRun run;
    private final SweepViewModel sweep;
    private final ReadOnlyBooleanWrapper engineReady = new ReadOnlyBooleanWrapper();
    /** the learning-rate test's: one at a time, busy while it runs */
    /** one computation beside training at a time: the learning-rate test, or filling a table's gaps */
    private final TaskSlot sideTask;
    private final ReadOnlyObjectWrapper<LearningRateFinder.Result> learningRateTest = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty fineTuneDocumentModel = new SimpleBooleanProperty();

    public TrainViewModel(TaskRunner runner, RunStore runs, Consumer<String> notifier) {
        this.runner = runner;
        this.runs = runs;
        this.notifier = notifier;
        this.run = new TrainingRun(runner, runs, notifier);
        this.sideTask = new TaskSlot(runner, notifier);
        this.sweep = new SweepViewModel(runner, runs, notifier);
        fineTuneDocumentModel.addListener((o, was, on) -> { if (on) matchDocumentArchitecture(); });
    }

    public TrainSettings settings() { return settings; }

    public TrainingRun run() { return run; }

    /** Loads the engine's natives and the default data set in the background. */
    public void start() {
        runner.submit("engine", Engine::initialize, description -> {
            engineReady.set(true);
            if (!run.runningProperty().get()) run.showStatus("Ready. Engine: " + description);
        }, e -> {
            run.showStatus("The engine failed to load: " + Problems.describe(e));
            notifier.accept("The training engine could not be loaded: " + Problems.describe(e));
        });
        loadDataset(settings.datasetProperty().get());
    }

    public void loadDataset(String nameOrPath) {
        settings.showLoading(nameOrPath);
        runner.submit("dataset", () -> DatasetSource.resolve(nameOrPath), d -> settings.useDataset(nameOrPath, d), e -> {
            if (settings.loadedDatasetProperty().get() == null && !BUNDLED.equals(nameOrPath)) {
                // the folder of the last session is gone (or unreadable): start on the bundled digits, not on nothing
                notifier.accept("Could not load " + nameOrPath + ": " + Problems.describe(e) + ". Using the bundled digits instead.");
                loadDataset(BUNDLED);
                return;
            }
            settings.loadingFailed();
            notifier.accept("Could not load " + nameOrPath + ": " + Problems.describe(e));
        });
    }

    /** True when a run can start now; otherwise the user is told what is missing. */
    private boolean canStart() {
        if (run.runningProperty().get() || sideTask.isBusy()) {
            notifier.accept("Wait for the current run to end: runs train one after another on the same cores.");
            return false;
        }
        if (sweep.runningProperty().get()) {
            notifier.accept("A sweep is training: wait for it, or cancel it in the Sweep window.");
            return false;
        }
        if (!engineReady.get() || !settings.ready()) {
            String error = settings.specErrorProperty().get();
            notifier.accept(!error.isEmpty() ? error : "Wait until the engine and the data set are loaded.");
            return false;
        }
        return true;
    }

    public void train() {
        if (run.runningProperty().get() || sideTask.isBusy() || !canStart()) return;
        ArchitectureSpec s = settings.spec();
        Dataset d = settings.loadedDatasetProperty().get();
        Corruption noise = settings.corruption();
        TrainingSession.Plan plan = plan(describe(s, CorruptionSpec.nameOf(noise)), d, noise, settings.epochsProperty().get());
        boolean fineTune = fineTuneDocumentModel.get() && d.table() == null;
        run.startNew(plan, s.learningRate(), s.seed(), () -> fineTune ? DocumentModel.fineTunable(s) : TableModel.forData(d, Models.create(s)));
    }

    /** A window run: previews for the grid, and paired pages reloaded as a document model's page input needs them. */
    private TrainingSession.Plan plan(String name, Dataset d, Corruption noise, int epochs) {
        return new TrainingSession.Plan(name, null, d, noise, epochs, 0, false, TrainingRun.VALIDATION_IMAGES)
                .withPreviews(settings.datasetProperty().get(), TrainingRun.PREVIEW_ROWS, 10);
    }

    /**
     * Continues an interrupted or stopped run from its last checkpoint (the model saved after
     * its last completed epoch): the run's settings come back into the Train tab, its curves
     * are kept, and training goes on for the epochs it still had to do, in the same run.
     */
    public void resume(RunRecord stopped) {
        if (run.runningProperty().get()) {
            notifier.accept("Stop the current training before resuming another run.");
            return;
        }
        int done = stopped.epochs().size();
        if (done == 0 || !Files.exists(runs.modelOf(stopped.id()))) {
            notifier.accept("Run " + stopped.name() + " has no completed epoch to resume from; train it again instead.");
            return;
        }
        if (done >= stopped.epochsPlanned()) {
            notifier.accept("Run " + stopped.name() + " already did all its " + stopped.epochsPlanned() + " epochs.");
            return;
        }
        run.showStatus("Resuming " + stopped.name() + " after epoch " + done + "...");
        Dataset loaded = settings.loadedDatasetProperty().get();
        runner.submit("resume-data", () -> loaded != null && loaded.name().equals(stopped.dataset()) ? loaded
                : DatasetSource.resolve(stopped.dataset()), d -> {
            settings.applySpec(stopped.spec());
            settings.epochsProperty().set(stopped.epochsPlanned());
            settings.applyCorruption(stopped.corruption());
            settings.useDataset(stopped.dataset(), d);
            Corruption noise = d.hasPairs() ? null : CorruptionSpec.parse(stopped.corruption());
            run.resume(stopped, plan(stopped.name(), d, noise, stopped.epochsPlanned()));
        }, e -> notifier.accept("Cannot resume " + stopped.name() + ": the data set '" + stopped.dataset() + "' is not available ("
                + Problems.describe(e) + "). Load it in the Train tab and try again."));
    }

    /**
     * The learning-rate range test on the current settings, in the background: a fresh network
     * trained for 100 batches at a growing rate ({@link LearningRateFinder}); the result goes to
     * {@link #learningRateTestProperty()}, where the view shows its curve and suggestion.
     */
    public void findLearningRate() {
        if (run.runningProperty().get() || sideTask.isBusy() || !canStart()) return;
        ArchitectureSpec s = settings.spec();
        Dataset d = settings.loadedDatasetProperty().get();
        Corruption noise = settings.corruption();
        sideTask.run(BackgroundTask.of("The learning-rate test (100 batches at rates from 1e-6 up, until the loss explodes)", () -> {
            try (DenoisingModel model = TableModel.forData(d, Models.create(s))) {
                return LearningRateFinder.run(model, d, noise, LearningRateFinder.Range.defaults(), Thread.currentThread()::isInterrupted);
            }
        }).onSuccess(result -> {
            run.showStatus(result.points().isEmpty() ? "The learning-rate test was stopped."
                    : String.format(Locale.ROOT, "Learning-rate test: suggested %.2g.", result.suggestion()));
            learningRateTest.set(null);   // the same settings give an equal result: listeners must hear it again
            if (!result.points().isEmpty()) learningRateTest.set(result);
        }), run::showStatus);
    }

    /**
     * Fills the missing cells of a table file with the last run's model, trained on a table of the
     * same columns (the CLI's impute): same header, columns, order and rows, only missing cells filled.
     */
    public void fillGaps(Path in, Path out) {
        Path modelFile = lastModelFile();
        if (modelFile == null) {
            notifier.accept("No model yet: train on a table first; its model fills the gaps of a table of the same columns.");
            return;
        }
        sideTask.run(BackgroundTask.of("Filling the gaps of " + in.getFileName(), () -> {
            TableImputer.checkTarget(in, out);
            SavedModel saved = ModelStore.load(modelFile);
            TableModel table = TableModel.of(saved);
            if (table == null) {
                saved.model().close();
                throw new IllegalArgumentException("the last run's model was trained on images, not a table");
            }
            try (table) {
                return TableImputer.impute(table, TableReader.read(in, table.schema().header()), out);
            }
        }).onSuccess(r -> run.showStatus(String.format(Locale.ROOT, "Wrote %s: %d rows, %d missing cells filled.",
                out.getFileName(), r.rows(), r.filled()))), run::showStatus);
    }

    /** Takes the last learning-rate test's suggestion as the learning rate. */
    public void useSuggestedLearningRate() {
        LearningRateFinder.Result r = learningRateTest.get();
        if (r == null || !(r.suggestion() > 0)) return;
        settings.learningRateLogProperty().set(Math.max(-5, Math.min(-1, Math.log10(r.suggestion()))));
    }

    /** The sweeps started from this tab's settings. */
    public SweepViewModel sweep() { return sweep; }

    /** What a sweep starts from now (null, with a message, when the settings are not ready or a run is under way). */
    public SweepViewModel.Base sweepBase() {
        if (!canStart()) return null;
        if (settings.isTable()) {
            notifier.accept("Sweeps in the window take images for now; a table's knobs can be compared run by run in the Runs tab.");
            return null;
        }
        return new SweepViewModel.Base(settings.spec(), settings.loadedDatasetProperty().get(), settings.corruption());
    }

    /**
     * Start the next run from the bundled document model's weights (fine-tuning on the user's
     * own pages); ticking it sets the architecture to the bundled one, read on a worker thread.
     */
    public BooleanProperty fineTuneDocumentModelProperty() { return fineTuneDocumentModel; }

    private void matchDocumentArchitecture() {
        runner.submit("document-model-spec", DocumentModel::bundledSpec, b -> {
            if (b == null) {
                fineTuneDocumentModel.set(false);
                notifier.accept("This build has no bundled document model to fine-tune.");
                return;
            }
            settings.applyNetwork(b);
            run.showStatus("Next run starts from the bundled document model (" + b.kind().name().toLowerCase(Locale.ROOT) + ", "
                    + b.layers() + " layers x " + b.width() + "); train it on your own page pairs, or raise Layers to grow it.");
        }, e -> notifier.accept("Could not read the bundled document model: " + Problems.describe(e)));
    }

    /**
     * The model file of the last run (saved after every epoch): this session's, or else the
     * newest an earlier session kept (the Runs tab lists them); null when there is none.
     */
    public Path lastModelFile() {
        String id = run.runId();
        if (id != null && Files.exists(runs.modelOf(id))) return runs.modelOf(id);
        return runs.latestModel().orElse(null);
    }

    /** Copies the last run's model (saved after every epoch) to a file of the user's choice. */
    public void saveModel(Path target) {
        String id = run.runId();
        Path source = id == null ? null : runs.modelOf(id);
        if (source == null || !Files.exists(source)) {
            notifier.accept("No model to save yet: train for at least one epoch.");
            return;
        }
        runner.submit("save-model", () -> {
            AtomicFiles.write(target, out -> Files.copy(source, out));
            return target;
        }, t -> run.showStatus("Saved the model to " + t), e -> notifier.accept("Could not save " + target.getFileName() + ": " + Problems.describe(e)));
    }

    /** A model file read, with its reconstructions of the current data set (null when its images do not fit). */
    private record LoadedModel(SavedModel saved, TrainingEvent.Samples samples) { }

    /**
     * Loads a model file: its settings become the current ones and its reconstructions of the
     * current data set fill the grid, so a saved model can be inspected or trained again.
     */
    public void loadModel(Path file) {
        Dataset d = settings.loadedDatasetProperty().get();
        if (run.runningProperty().get()) {
            notifier.accept("Stop the training before loading a model.");
            return;
        }
        Corruption current = settings.chosenCorruption();
        runner.submit("load-model", () -> {
            SavedModel saved = ModelStore.load(file);
            TableModel table = TableModel.of(saved);
            try (DenoisingModel m = table != null ? table : saved.model()) {
                boolean fits = d != null && (d.table() == null) == (table == null) && (m.spec().fullyConvolutional()
                        || (m.spec().inputHeight() == d.height() && m.spec().inputWidth() == d.width()));
                if (!fits) return new LoadedModel(saved, null);
                ImageSet clean = d.test().slice(0, Math.min(TrainingRun.PREVIEW_ROWS, d.test().count()));
                Corruption recorded = d.table() != null ? current : recordedOr(saved.info().corruption(), current);
                ImageSet noisy = d.hasPairs() ? d.testNoisy().slice(0, clean.count()) : Corruptions.corruptSet(clean, recorded, 1);
                return new LoadedModel(saved, Previews.of(m, clean, noisy, TrainingRun.PREVIEW_ROWS));
            }
        }, loaded -> {
            ArchitectureSpec s = loaded.saved().model().spec();
            settings.applySpec(s);
            settings.applyCorruption(loaded.saved().info().corruption());
            run.showSamples(loaded.samples());
            Double psnr = loaded.saved().info().metrics().get(ValidationMetrics.PSNR);
            run.showStatus(String.format(Locale.ROOT, "Loaded %s: %s, trained %d epochs on %s%s", file.getFileName(),
                    s.kind().name().toLowerCase(Locale.ROOT), loaded.saved().info().epochs(), loaded.saved().info().dataset(),
                    psnr == null ? "" : String.format(Locale.ROOT, ", validation PSNR %.2f dB", psnr)));
        }, e -> notifier.accept("Could not load " + file.getFileName() + ": " + Problems.describe(e)));
    }

    /** The corruption a model file names, or {@code fallback} when it names pairs or one this version cannot read. */
    private static Corruption recordedOr(String spec, Corruption fallback) {
        try {
            Corruption c = CorruptionSpec.parseRecorded(spec);
            return c == null ? fallback : c;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public void pauseOrResume() { run.pauseOrResume(); }

    public void stop() { run.stop(); }

    /** Clears the run's curves and samples; the next Train starts from the same seeded weights. */
    public void reset() {
        run.reset();
        if (engineReady.get()) {
            run.showStatus("Reset: the next run starts from the initial weights of seed " + settings.seedProperty().get());
        }
    }

    /** Shows a message to the user the way the view-model's own errors are shown. */
    public void report(String message) {
        notifier.accept(message);
    }

    static String describe(ArchitectureSpec s, String noise) {
        String shape = switch (s.kind()) {
            case DENSE -> "dense " + s.layers() + "x" + s.width() + " → " + s.bottleneck();
            case CONV -> "conv " + s.layers() + "x" + s.width() + " → " + s.bottleneck();
            case RESIDUAL -> "residual " + s.layers() + "x" + s.width();
        };
        return shape + ", " + noise + ", lr " + String.format(Locale.ROOT, "%.0e", s.learningRate()) + ", seed " + s.seed();
    }


    public ReadOnlyBooleanProperty engineReadyProperty() { return engineReady.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty findingRateProperty() { return sideTask.busyProperty(); }
    /** the last learning-rate test (null before the first) */
    public ReadOnlyObjectProperty<LearningRateFinder.Result> learningRateTestProperty() { return learningRateTest.getReadOnlyProperty(); }
}
