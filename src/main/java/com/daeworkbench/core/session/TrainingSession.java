package com.daeworkbench.core.session;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One training run end to end, as the CLI's train and sweep commands run it: a run record in
 * the {@link RunStore} (so the window's Runs tab lists it), a checkpoint after every epoch (or,
 * keeping the best epoch, after every epoch that improved the validation loss), early stopping,
 * and the record's final status. The caller owns the model and its thread.
 */
public final class TrainingSession {

    /** What to train on and for how long; {@code corruption} null for a data set of real noisy/clean pairs. */
    public record Plan(String name, String sweep, Dataset data, Corruption corruption, int epochs, int patience,
                       boolean keepBestEpoch, int validationLimit) {
        public Plan {
            if (data == null) throw new IllegalArgumentException("a data set is required");
            if (corruption == null && !data.hasPairs()) throw new IllegalArgumentException(data.name() + " needs a corruption");
        }

        String corruptionName() {
            return corruption == null ? "pairs" : corruption.spec();
        }
    }

    /** The finished run, its trainer's result, and the epoch whose weights the run's model file holds (0: none). */
    public record Result(RunRecord record, TrainingResult training, int savedEpoch) { }

    private final RunStore store;
    private final Plan plan;
    private volatile Trainer trainer;

    public TrainingSession(RunStore store, Plan plan) {
        this.store = store;
        this.plan = plan;
    }

    /** Trains {@code model} (fresh, or from another model's weights) and keeps the run; events go to the listener too. */
    public Result run(DenoisingModel model, Consumer<? super TrainingEvent> listener) throws IOException {
        RunRecord record = new RunRecord(RunStore.newId(), plan.name(), Instant.now().toString(), plan.data().name(),
                plan.corruptionName(), model.spec(), plan.epochs(), RunRecord.Status.RUNNING, "", List.of(), List.of(), plan.sweep());
        store.save(record);
        List<Double> losses = new ArrayList<>();
        List<RunRecord.EpochPoint> points = new ArrayList<>();
        double[] bestLoss = {Double.POSITIVE_INFINITY};
        int[] savedEpoch = {0};
        Trainer.Options options = new Trainer.Options(plan.epochs(), 0, 0, plan.validationLimit(), model.spec().seed())
                .withPatience(plan.patience());
        trainer = new Trainer(model, plan.data(), plan.corruption(), options);
        RunRecord running = record;
        TrainingResult result = trainer.run(event -> {
            if (event instanceof TrainingEvent.IterationDone it) losses.add(it.loss());
            if (event instanceof TrainingEvent.EpochDone done) {
                points.add(new RunRecord.EpochPoint(done.epoch(), done.iteration(), done.trainLoss(), done.validationLoss(),
                        done.validationPsnr(), done.validationSsim(), done.validationRmse()));
                boolean better = done.validationLoss() < bestLoss[0];
                if (better) bestLoss[0] = done.validationLoss();
                if (better || !plan.keepBestEpoch()) {
                    checkpoint(running.id(), model, done);
                    savedEpoch[0] = done.epoch();
                }
                save(running.with(RunRecord.Status.RUNNING, "", losses, points));
            }
            listener.accept(event);
        });
        trainer = null;
        String message = result.message() + (plan.keepBestEpoch() && savedEpoch[0] > 0 && savedEpoch[0] < points.size()
                ? "; the model is epoch " + savedEpoch[0] + "'s, the best on validation" : "");
        RunRecord finished = record.with(status(result.outcome()), message, losses, points);
        store.save(finished);
        return new Result(finished, result, savedEpoch[0]);
    }

    /** The model the run kept: its last checkpoint (the best epoch's when keeping the best). */
    public DenoisingModel keptModel(Result result) throws IOException {
        return com.daeworkbench.core.io.ModelStore.load(store.modelOf(result.record().id())).model();
    }

    public void pause() { Trainer t = trainer; if (t != null) t.pause(); }

    public void resume() { Trainer t = trainer; if (t != null) t.resume(); }

    public void cancel() { Trainer t = trainer; if (t != null) t.cancel(); }

    private void checkpoint(String id, DenoisingModel model, TrainingEvent.EpochDone done) {
        Map<String, Double> metrics = ValidationMetrics.of(plan.data().shape(), done.validationPsnr(), done.validationSsim(),
                done.validationRmse(), done.validationLoss());
        try {
            store.saveModel(id, model, ModelInfo.of(plan.corruptionName(), plan.data().name(), done.epoch(), metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint of epoch " + done.epoch(), e);
        }
    }

    private void save(RunRecord record) {
        try {
            store.save(record);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the run record", e);
        }
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
