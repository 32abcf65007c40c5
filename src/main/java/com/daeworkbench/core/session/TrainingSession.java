package com.daeworkbench.core.session;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec.PageInput;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import com.daeworkbench.core.train.ValidationMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run end to end, as the CLI's train and sweep commands and the window's Train tab
 * all run it: a run record in the {@link RunStore} (so the Runs tab lists it), a checkpoint after
 * every epoch (or, keeping the best epoch, after every epoch that improved the validation loss),
 * early stopping, resuming a stopped run from its checkpoint, and the record's final status. This
 * is the only place that writes run records and checkpoints. The caller owns the model and the
 * thread {@link #run} blocks; {@link #pause}, {@link #resume} and {@link #cancel} may come from any
 * thread. A cancel before the run has started is kept (a Stop right after Train is not lost); a
 * pause then is not: a caller that queues runs holds the queue itself, and a run that has not
 * started has nothing to pause.
 */
public final class TrainingSession {

    /**
     * What to train on and for how long; {@code corruption} null for a data set of real noisy/clean pairs.
     *
     * @param source          the name or folder {@code data} came from, or null: a model that sees pages divided by
     *                        their paper (the bundled document model, fine-tuned) reloads paired pages from it that way
     * @param previewRows     validation images sent as corrupted | reconstructed | clean rows (0: none, as the CLI)
     * @param previewEvery    iterations between those previews (0: at epoch ends only)
     */
    public record Plan(String name, String sweep, Dataset data, Corruption corruption, int epochs, int patience,
                       boolean keepBestEpoch, int validationLimit, String source, int previewRows, int previewEvery) {
        public Plan {
            if (data == null) throw new IllegalArgumentException("a data set is required");
            if (corruption == null && !data.hasPairs()) throw new IllegalArgumentException(data.name() + " needs a corruption");
        }

        /** A run with no previews, on data not reloaded for another page input (the CLI's runs). */
        public Plan(String name, String sweep, Dataset data, Corruption corruption, int epochs, int patience,
                    boolean keepBestEpoch, int validationLimit) {
            this(name, sweep, data, corruption, epochs, patience, keepBestEpoch, validationLimit, null, 0, 0);
        }

        public Plan withPreviews(String dataSource, int rows, int everyIterations) {
            return new Plan(name, sweep, data, corruption, epochs, patience, keepBestEpoch, validationLimit, dataSource, rows,
                    everyIterations);
        }

        String corruptionName() {
            return CorruptionSpec.nameOf(corruption);
        }

        /** The data a model with this page input trains on: paired pages reloaded divided by their paper when it needs them so. */
        Dataset dataFor(PageInput input) throws IOException {
            return input != PageInput.RAW && data.hasPairs() && source != null ? DatasetSource.resolve(source, input) : data;
        }
    }

    /** The finished run, its trainer's result, and the epoch whose weights the run's model file holds (0: none). */
    public record Result(RunRecord record, TrainingResult training, int savedEpoch) { }

    private final RunStore store;
    private final Plan plan;
    /** the run record the session continues (a resumed run), or null for a new run */
    private final RunRecord continued;
    private final Object control = new Object();
    private Trainer trainer;
    private boolean pauseRequested;
    private boolean cancelRequested;
    private Consumer<RunRecord> onSaved = r -> { };
    /** what the trainer inspects inside the network (the window's Inside view), or null: nothing */
    private com.daeworkbench.core.train.Diagnostics diagnostics;

    public TrainingSession(RunStore store, Plan plan) {
        this(store, plan, null);
    }

    private TrainingSession(RunStore store, Plan plan, RunRecord continued) {
        this.store = store;
        this.plan = plan;
        this.continued = continued;
    }

    /**
     * A session that goes on with {@code run} from its last checkpoint for the epochs it still had to do, in the
     * same record; {@code plan.epochs()} is the run's planned total. The run's data order and noise carry on as
     * if it had never stopped.
     */
    public static TrainingSession resuming(RunStore store, RunRecord run, Plan plan) {
        if (run.epochs().isEmpty()) throw new IllegalArgumentException("run " + run.name() + " has no completed epoch to resume from");
        if (run.epochs().size() >= plan.epochs()) {
            throw new IllegalArgumentException("run " + run.name() + " already did all its " + plan.epochs() + " epochs");
        }
        return new TrainingSession(store, plan, run);
    }

    /** Called (on the training thread) each time the run record has been written: the window refreshes its Runs tab. */
    public TrainingSession onSaved(Consumer<RunRecord> listener) {
        this.onSaved = listener;
        return this;
    }

    /** Inspects the network's layers while training, as {@code diagnostics} asks (on a live view's request). */
    public TrainingSession inspecting(com.daeworkbench.core.train.Diagnostics d) {
        this.diagnostics = d;
        return this;
    }

    /** Epochs the run had done before this session: the trainer's events count from 1 again, records do not. */
    public int epochsBefore() {
        return continued == null ? 0 : continued.epochs().size();
    }

    /** The model of the resumed run's last checkpoint, ready to train on. */
    public DenoisingModel checkpointModel() throws IOException {
        if (continued == null) throw new IllegalStateException("a new run has no checkpoint");
        return ModelStore.load(store.modelOf(continued.id())).model();
    }

    /** Trains {@code model} (fresh, from another model's weights, or a resumed checkpoint) and keeps the run. */
    public Result run(DenoisingModel model, Consumer<? super TrainingEvent> listener) throws IOException {
        int before = epochsBefore();
        List<Double> losses = new ArrayList<>(continued == null ? List.of() : continued.iterationLoss());
        List<RunRecord.EpochPoint> points = new ArrayList<>(continued == null ? List.of() : continued.epochs());
        int iterationsBefore = losses.size();
        RunRecord record = continued != null ? continued.with(RunRecord.Status.RUNNING, "", losses, points)
                : new RunRecord(RunStore.newId(), plan.name(), Instant.now().toString(), plan.data().name(), plan.corruptionName(),
                        model.spec(), plan.epochs(), RunRecord.Status.RUNNING, "", List.of(), List.of(), plan.sweep());
        save(record);
        double[] bestLoss = {points.stream().mapToDouble(RunRecord.EpochPoint::validationLoss).min().orElse(Double.POSITIVE_INFINITY)};
        int[] savedEpoch = {before};
        Trainer.Options options = new Trainer.Options(plan.epochs() - before, plan.previewRows(), plan.previewEvery(),
                plan.validationLimit(), model.spec().seed(), before).withPatience(plan.patience());
        Trainer t;
        try {
            t = new Trainer(model, plan.dataFor(model.spec().pageInput()), plan.corruption(), options);
        } catch (IOException | RuntimeException e) {
            save(record.with(RunRecord.Status.FAILED, "could not start: " + e.getMessage(), losses, points));
            throw e;
        }
        if (diagnostics != null) t.inspect(diagnostics);
        attach(t);
        RunRecord running = record;
        TrainingResult result;
        try {
            result = t.run(event -> {
                if (event instanceof TrainingEvent.IterationDone it) losses.add(it.loss());
                if (event instanceof TrainingEvent.EpochDone done) {
                    int epoch = done.epoch() + before;
                    points.add(new RunRecord.EpochPoint(epoch, done.iteration() + iterationsBefore, done.trainLoss(),
                            done.validationLoss(), done.validationPsnr(), done.validationSsim(), done.validationRmse()));
                    boolean better = done.validationLoss() < bestLoss[0];
                    if (better) bestLoss[0] = done.validationLoss();
                    if (better || !plan.keepBestEpoch()) {
                        checkpoint(running.id(), model, done, epoch);
                        savedEpoch[0] = epoch;
                    }
                    save(running.with(RunRecord.Status.RUNNING, "", losses, points));
                }
                listener.accept(event);
            });
        } finally {
            attach(null);
        }
        String message = result.message() + (plan.keepBestEpoch() && savedEpoch[0] > 0 && savedEpoch[0] < points.size()
                ? "; the model is epoch " + savedEpoch[0] + "'s, the best on validation" : "");
        RunRecord finished = record.with(status(result.outcome()), message, losses, points);
        save(finished);
        return new Result(finished, result, savedEpoch[0]);
    }

    /** The model the run kept: its last checkpoint (the best epoch's when keeping the best). */
    public DenoisingModel keptModel(Result result) throws IOException {
        return ModelStore.load(store.modelOf(result.record().id())).model();
    }

    public void pause() {
        synchronized (control) {
            if (trainer == null) return;
            pauseRequested = true;
            trainer.pause();
        }
    }

    public void resume() {
        synchronized (control) {
            pauseRequested = false;
            if (trainer != null) trainer.resume();
        }
    }

    public void cancel() {
        synchronized (control) {
            cancelRequested = true;
            if (trainer != null) trainer.cancel();
        }
    }

    public boolean isPaused() {
        synchronized (control) {
            return pauseRequested;
        }
    }

    /** The trainer of the run under way (null: none); requests made before it existed reach it now. */
    private void attach(Trainer t) {
        synchronized (control) {
            trainer = t;
            if (t == null) {
                pauseRequested = false;
                return;
            }
            if (cancelRequested) t.cancel();
        }
    }

    private void checkpoint(String id, DenoisingModel model, TrainingEvent.EpochDone done, int epoch) {
        var metrics = ValidationMetrics.of(plan.data().shape(), done.validationPsnr(), done.validationSsim(),
                done.validationRmse(), done.validationLoss());
        try {
            store.saveModel(id, model, ModelInfo.of(plan.corruptionName(), plan.data().name(), epoch, metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint of epoch " + epoch, e);
        }
    }

    private void save(RunRecord record) {
        try {
            store.save(record);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the run record", e);
        }
        onSaved.accept(record);
    }

    private static RunRecord.Status status(TrainingEvent.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> RunRecord.Status.COMPLETED;
            case CANCELLED -> RunRecord.Status.CANCELLED;
            case DIVERGED -> RunRecord.Status.DIVERGED;
            case FAILED -> RunRecord.Status.FAILED;
        };
    }
}
