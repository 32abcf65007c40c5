package com.daeworkbench.ui.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.Problems;
import com.daeworkbench.core.metrics.ClassicFilters;
import com.daeworkbench.core.metrics.Metrics;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.runs.CurvesCsv;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.session.TrainingSession;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.Coalescer;
import com.daeworkbench.ui.TaskRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run half of the Train tab: one {@link TrainingSession} at a time on the background runner
 * (the session writes the run record and the checkpoints, as it does for the CLI), and what the
 * screen shows of it: status, progress with samples/s and time left, curves, the reconstruction
 * grid, the plain-filter baseline and what has gone wrong. Trainer events arrive on the training
 * thread and are coalesced before they reach the UI thread.
 */
public final class TrainingRun {
    static final int PREVIEW_ROWS = 6;
    /** validation images scored at each epoch's end: enough for a steady PSNR, quick on any data set */
    static final int VALIDATION_IMAGES = 1000;

    /** Opens the model a run trains: fresh weights, another model's, or a resumed run's checkpoint. */
    interface ModelSource {
        DenoisingModel open() throws Exception;
    }

    private final TaskRunner runner;
    private final RunStore runs;
    private final Consumer<String> notifier;

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
    /** a table's validation score: RMSE of the reconstructed present cells, in scaled units (NaN for images) */
    private final ReadOnlyDoubleWrapper setRmse = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<RunRecord> savedRun = new ReadOnlyObjectWrapper<>();
    /** what has gone wrong with the run under way (loss exploded, output flat), or "" */
    private final ReadOnlyStringWrapper trainingWarning = new ReadOnlyStringWrapper("");

    // curves, at full resolution (the chart decimates)
    private final List<Double> iterationLoss = new ArrayList<>();
    private final List<RunRecord.EpochPoint> epochPoints = new ArrayList<>();
    /** the loss an exploded one is measured against: the first batch's, then the first epoch's mean */
    private double referenceLoss = Double.NaN;
    private int iterationsPerEpoch = 1;
    private TrainingSession session;
    private TrainingSession.Plan plan;
    private double learningRate;
    private String runId;
    /** epochs and iterations a resumed run had done before this session's trainer started counting */
    private int epochOffset;
    private int iterationOffset;

    /** the Inside window's view of the run under way: it sees every event and says what the trainer inspects */
    private final com.daeworkbench.ui.inside.InsideViewModel inside = new com.daeworkbench.ui.inside.InsideViewModel();

    TrainingRun(TaskRunner runner, RunStore runs, Consumer<String> notifier) {
        this.runner = runner;
        this.runs = runs;
        this.notifier = notifier;
    }

    /** A new run of {@code plan} on the model {@code source} opens. */
    void startNew(TrainingSession.Plan plan, double learningRate, long seed, ModelSource source) {
        clear();
        TrainingSession s = new TrainingSession(runs, plan);
        launch(s, plan, learningRate, seed, source);
    }

    /**
     * Goes on with a stopped run from its last checkpoint for the epochs it still had to do, in the same
     * record; its curves so far are kept.
     */
    void resume(RunRecord run, TrainingSession.Plan plan) {
        TrainingSession s = TrainingSession.resuming(runs, run, plan);
        clear();
        iterationLoss.addAll(run.iterationLoss());
        epochPoints.addAll(run.epochs());
        launch(s, plan, run.spec().learningRate(), run.spec().seed(), s::checkpointModel);
    }

    private void launch(TrainingSession s, TrainingSession.Plan p, double rate, long seed, ModelSource source) {
        session = s;
        plan = p;
        learningRate = rate;
        epochOffset = s.epochsBefore();
        iterationOffset = iterationLoss.size();
        running.set(true);
        paused.set(false);
        status.set("Building the network...");
        // a plain filter's score is a picture's yardstick; a table's is the column mean (the Runs tab's imputation test)
        if (p.data().table() == null) computeBaseline(p.data(), p.corruption(), seed);
        Coalescer<TrainingEvent> toUi = new Coalescer<>(runner, this::apply);
        s.inspecting(inside.diagnostics());
        s.onSaved(record -> runner.onUiThread(() -> {
            if (session == s) runId = record.id();
            savedRun.set(record);
        }));
        runner.submit("training", () -> {
            try (DenoisingModel model = source.open()) {
                return s.run(model, toUi::offer);
            }
        }, result -> { }, e -> {
            if (session != s) return;
            running.set(false);
            paused.set(false);
            status.set("Training failed: " + Problems.describe(e));
            notifier.accept("Training failed: " + Problems.describe(e));
        });
    }

    public void pauseOrResume() {
        TrainingSession s = session;
        if (s == null || !running.get()) return;
        if (s.isPaused()) s.resume();
        else s.pause();
    }

    public void stop() {
        TrainingSession s = session;
        if (s != null) s.cancel();
    }

    /** Clears the run's curves and samples; the next Train starts from the same seeded weights. */
    void reset() {
        if (running.get()) stop();
        clear();
    }

    private void computeBaseline(Dataset d, Corruption noise, long seed) {
        runner.submit("baseline", () -> {
            int n = Math.min(500, d.test().count());
            ImageSet clean = d.test().slice(0, n);
            ImageSet noisy = d.hasPairs() ? d.testNoisy().slice(0, n) : Corruptions.corruptSet(clean, noise, 1 + seed + 1L);
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
        // events a run does not show (diagnostics for other views) fall through: the chain need not be exhaustive
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started st) {
                started(st);
            } else if (e instanceof TrainingEvent.IterationDone it) {
                curves |= iterationDone(it);
            } else if (e instanceof TrainingEvent.Preview p) {
                updateBaselineRows(p.samples());
                liveSamples.set(p.samples());
            } else if (e instanceof TrainingEvent.EpochDone done) {
                curves |= epochDone(done);
            } else if (e instanceof TrainingEvent.Paused pe) {
                paused.set(true);
                status.set("Paused");
                // no samples/s while nothing runs, and no time left counting down
                speed.set(String.format(Locale.ROOT, "epoch %d/%d · paused", pe.epoch() + epochOffset, plannedEpochs()));
            } else if (e instanceof TrainingEvent.Resumed re) {
                paused.set(false);
                status.set("Training...");
                speed.set(String.format(Locale.ROOT, "epoch %d/%d · resuming", re.epoch() + epochOffset, plannedEpochs()));
            } else if (e instanceof TrainingEvent.Finished f) {
                finished(f);
            }
        }
        if (curves) curveVersion.set(curveVersion.get() + 1);
    }

    private void started(TrainingEvent.Started st) {
        referenceLoss = Double.NaN;
        iterationsPerEpoch = st.iterationsPerEpoch();
        status.set(String.format(Locale.ROOT, "Training %,d parameters on %,d images", st.parameterCount(), st.trainImages()));
    }

    private boolean iterationDone(TrainingEvent.IterationDone it) {
        iterationLoss.add(it.loss());
        if (Double.isNaN(referenceLoss) && Double.isFinite(it.loss())) referenceLoss = it.loss();
        warnIf(TrainingHealth.explodedLoss(it.loss(), referenceLoss, learningRate));
        progress.set(it.progress());
        speed.set(String.format(Locale.ROOT, "epoch %d/%d · %,.0f samples/s · %s left", it.epoch() + epochOffset, plannedEpochs(),
                it.samplesPerSecond(), eta(it.etaMillis())));
        return true;
    }

    private boolean epochDone(TrainingEvent.EpochDone done) {
        epochPoints.add(new RunRecord.EpochPoint(done.epoch() + epochOffset, done.iteration() + iterationOffset, done.trainLoss(),
                done.validationLoss(), done.validationPsnr(), done.validationSsim(), done.validationRmse()));
        if (done.epoch() == 1 && Double.isFinite(done.trainLoss())) referenceLoss = done.trainLoss();
        // judged at an epoch's end only: in its first batches any network's output is nearly flat
        if (TrainingHealth.collapsed(done.samples())) warnIf(TrainingHealth.COLLAPSED);
        setPsnr.set(done.validationPsnr());
        setRmse.set(done.validationRmse());
        epochSamples.add(done.samples());
        updateBaselineRows(done.samples());
        liveSamples.set(done.samples());
        status.set(Double.isNaN(done.validationPsnr())
                ? String.format(Locale.ROOT, "Epoch %d: validation RMSE %.3f (scaled units, present cells)", done.epoch() + epochOffset,
                        done.validationRmse())
                : String.format(Locale.ROOT, "Epoch %d: validation PSNR %.2f dB, SSIM %.3f", done.epoch() + epochOffset,
                        done.validationPsnr(), done.validationSsim()));
        return true;
    }

    private void finished(TrainingEvent.Finished f) {
        // the status first: whoever sees the run end (a test polling running, the view) reads its outcome at once
        status.set(capitalise(f.message()));
        paused.set(false);
        running.set(false);
        if (f.outcome() == TrainingEvent.Outcome.DIVERGED || f.outcome() == TrainingEvent.Outcome.FAILED) {
            notifier.accept(capitalise(f.message()));
        }
    }

    private int plannedEpochs() {
        return plan == null ? 0 : plan.epochs();
    }

    /** Shows the first thing that went wrong in a run, and notifies once; later ones wait for the next run. */
    private void warnIf(String warning) {
        if (warning == null || !trainingWarning.get().isEmpty()) return;
        trainingWarning.set(warning);
        notifier.accept(warning);
    }

    /** The preview rows carry the run's fixed validation noise, so their median-filter PSNRs are computed once a run. */
    private void updateBaselineRows(TrainingEvent.Samples s) {
        if (baselinePsnr.get() != null && baselinePsnr.get().length == s.count()) return;
        if (plan != null && plan.data().table() != null) return;
        double[] rows = new double[s.count()];
        int n = s.height() * s.width();
        for (int i = 0; i < s.count(); i++) {
            float[] filtered = ClassicFilters.median(Arrays.copyOfRange(s.noisy(), i * n, (i + 1) * n), s.height(), s.width(), 3);
            rows[i] = Metrics.psnr(Arrays.copyOfRange(s.clean(), i * n, (i + 1) * n), filtered, 0, n);
        }
        baselinePsnr.set(rows);
    }

    /** Shows a model's reconstructions (a loaded model's) with no run behind them. */
    void showSamples(TrainingEvent.Samples samples) {
        clear();
        if (samples != null) liveSamples.set(samples);
    }

    void showStatus(String text) {
        status.set(text);
    }

    private void clear() {
        // the score first: listeners of the samples below redraw it
        setPsnr.set(Double.NaN);
        setRmse.set(Double.NaN);
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

    /** The current run's curves as CSV rows (header {@link CurvesCsv#HEADER}), as the Runs tab saves them. */
    public List<String> curveRows() {
        return CurvesCsv.rows(iterationLoss, epochPoints);
    }

    static String eta(long millis) {
        return millis < 0 ? "—" : com.daeworkbench.core.train.Durations.of(millis);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The Inside window's view of the run under way (issue 17). */
    public com.daeworkbench.ui.inside.InsideViewModel inside() { return inside; }

    // --- properties -------------------------------------------------------
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
    public ReadOnlyDoubleProperty setRmseProperty() { return setRmse.getReadOnlyProperty(); }
    public ReadOnlyStringProperty trainingWarningProperty() { return trainingWarning.getReadOnlyProperty(); }
    /** each run record as the session writes it (the Runs tab refreshes on the final one) */
    public ReadOnlyObjectProperty<RunRecord> savedRunProperty() { return savedRun.getReadOnlyProperty(); }
    public List<Double> iterationLoss() { return Collections.unmodifiableList(iterationLoss); }
    public List<RunRecord.EpochPoint> epochPoints() { return Collections.unmodifiableList(epochPoints); }
    public int iterationsPerEpoch() { return iterationsPerEpoch; }
    /** the id of this window's last run, null before its record was first written */
    public String runId() { return runId; }
}
