package com.daeworkbench.core.train;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.data.Shuffle;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Inspection;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.train.TrainingEvent.EpochDone;
import com.daeworkbench.core.train.TrainingEvent.Finished;
import com.daeworkbench.core.train.TrainingEvent.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a {@link DenoisingModel} on (corrupted, clean) pairs: a loop of single-batch
 * {@code fit} calls on the caller's thread that checks pause and cancel between batches, so
 * a cancel takes effect within one batch. Fresh noise every epoch from a seeded stream, fixed
 * noise on the validation set: the same seeds give the same run.
 */
public final class Trainer {

    /**
     * @param previewCount          validation images shown as corrupted | reconstructed | clean rows
     * @param previewEveryIterations how often a {@link TrainingEvent.Preview} is sent (0: only at epoch ends)
     * @param validationLimit       validation images scored at each epoch's end (0: all)
     * @param noiseSeed             seeds the training noise stream and the fixed validation noise
     * @param epochsDone            epochs the model was trained before (a resumed run): this run's epoch 1 draws
     *                              the data order and noise of epoch epochsDone + 1, so a run stopped after an
     *                              epoch and resumed from its checkpoint ends with the same weights as one never stopped
     * @param patience              early stopping: end the run when the validation loss has not improved for this
     *                              many epochs (0: never)
     */
    public record Options(int epochs, int previewCount, int previewEveryIterations, int validationLimit, long noiseSeed,
                          int epochsDone, int patience) {
        public Options {
            if (epochs < 1 || epochs > 10_000) throw new IllegalArgumentException("epochs must be in 1..10000, got " + epochs);
            if (previewCount < 0 || previewEveryIterations < 0 || validationLimit < 0 || epochsDone < 0 || patience < 0) {
                throw new IllegalArgumentException("preview, validation, epoch and patience counts must not be negative");
            }
        }

        /** A run from fresh weights, no early stopping. */
        public Options(int epochs, int previewCount, int previewEveryIterations, int validationLimit, long noiseSeed) {
            this(epochs, previewCount, previewEveryIterations, validationLimit, noiseSeed, 0, 0);
        }

        /** A run that goes on from {@code epochsDone} epochs, no early stopping. */
        public Options(int epochs, int previewCount, int previewEveryIterations, int validationLimit, long noiseSeed,
                       int epochsDone) {
            this(epochs, previewCount, previewEveryIterations, validationLimit, noiseSeed, epochsDone, 0);
        }

        public Options withPatience(int epochsWithoutImprovement) {
            return new Options(epochs, previewCount, previewEveryIterations, validationLimit, noiseSeed, epochsDone,
                    epochsWithoutImprovement);
        }

        public static Options defaults(int epochs) {
            return new Options(epochs, 8, 20, 2000, 1);
        }
    }

    private final DenoisingModel model;
    private final Dataset data;
    private final Corruption corruption;
    private final Options options;
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile Diagnostics diagnostics = new Diagnostics();

    public Trainer(DenoisingModel model, Dataset data, Corruption corruption, Options options) {
        if (!data.hasPairs() && corruption == null) {
            throw new IllegalArgumentException(data.name() + " has no noisy images: choose a corruption");
        }
        if (data.height() != model.spec().inputHeight() || data.width() != model.spec().inputWidth()) {
            throw new IllegalArgumentException("the model takes " + model.spec().inputHeight() + "x" + model.spec().inputWidth()
                    + " images but " + data.name() + " has " + data.height() + "x" + data.width());
        }
        if (data.train().count() == 0 || data.test().count() == 0) {
            throw new IllegalArgumentException(data.name() + " needs at least one training and one validation image");
        }
        this.model = model;
        this.data = data;
        this.corruption = corruption;
        this.options = options;
    }

    /** Reports the inside of the network as {@link TrainingEvent.LayerStats} as {@code diagnostics} asks, from the next step on. */
    public void inspect(Diagnostics diagnostics) {
        this.diagnostics = diagnostics == null ? new Diagnostics() : diagnostics;
    }

    public void pause() { paused = true; }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** Stops the run after the batch under way; safe from any thread. */
    public void cancel() {
        synchronized (pauseLock) {
            cancelled = true;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() { return paused; }

    /**
     * Runs until the epochs are done, the run is cancelled (or its thread interrupted; the
     * interrupt flag is kept), or the loss diverges. Every run ends with one {@link Finished} event.
     */
    public TrainingResult run(Consumer<? super TrainingEvent> listener) {
        List<EpochDone> epochs = new ArrayList<>();
        try {
            return loop(listener, epochs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish(listener, epochs, Outcome.CANCELLED, "training was interrupted");
        } catch (RuntimeException | OutOfMemoryError e) {
            String why = e instanceof OutOfMemoryError
                    ? "out of memory: lower the batch size or the width of the network"
                    : "training failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return finish(listener, epochs, Outcome.FAILED, why);
        }
    }

    private TrainingResult loop(Consumer<? super TrainingEvent> listener, List<EpochDone> epochs) throws InterruptedException {
        ImageSet train = data.train();
        Validation validation = new Validation(model, data, corruption, options);
        int batchSize = Math.min(model.spec().batchSize(), train.count());
        int perEpoch = (train.count() + batchSize - 1) / batchSize;
        int pixels = train.pixelsPerImage();
        float[] noisy = new float[batchSize * pixels];
        float[] clean = new float[batchSize * pixels];
        Throughput throughput = new Throughput((long) options.epochs() * train.count());
        listener.accept(new TrainingEvent.Started(model.spec(), model.parameterCount(), options.epochs(), perEpoch,
                train.count(), validation.size()));
        int iteration = 0;
        EarlyStopping stopping = new EarlyStopping(options.patience());
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            // each epoch's order and noise come from its own seeded stream, so a resumed run can
            // start at any epoch exactly where an uninterrupted one would be
            long absoluteEpoch = options.epochsDone() + epoch;
            int[] permutation = Shuffle.permutation(train.count(), epochStream(model.spec().seed() ^ 0x5DEECE66DL, absoluteEpoch));
            SplittableRandom noise = epochStream(options.noiseSeed(), absoluteEpoch);
            double lossSum = 0;
            for (int b = 0; b < perEpoch; b++) {
                boolean wasPaused = paused;
                if (awaitGo(listener, epoch, iteration)) {
                    return finish(listener, epochs, Outcome.CANCELLED, "stopped by the user in epoch " + epoch);
                }
                if (wasPaused) throughput.restartClock();
                int from = b * batchSize;
                int n = Math.min(batchSize, train.count() - from);
                fillBatch(permutation, from, n, noisy, clean, noise);
                Diagnostics inside = diagnostics;
                Inspection inspection = inside.inspects(iteration + 1)
                        ? model.fitAndInspect(noisy, clean, n, validation.probe(inside.chosenImage())) : null;
                double loss = inspection != null ? inspection.loss() : model.fit(noisy, clean, n);
                iteration++;
                if (!Double.isFinite(loss)) {
                    return finish(listener, epochs, Outcome.DIVERGED, "the loss became " + loss + " in epoch " + epoch
                            + ", iteration " + iteration + ": lower the learning rate (now " + model.spec().learningRate() + ")");
                }
                lossSum += loss;
                throughput.add(n);
                listener.accept(new TrainingEvent.IterationDone(epoch, iteration, loss, throughput.samplesPerSecond(),
                        throughput.progress(), throughput.etaMillis()));
                if (inspection != null && !inspection.isEmpty()) listener.accept(new TrainingEvent.LayerStats(epoch, iteration, inspection));
                if (options.previewEveryIterations() > 0 && iteration % options.previewEveryIterations() == 0 && b < perEpoch - 1) {
                    listener.accept(new TrainingEvent.Preview(epoch, iteration, validation.preview()));
                }
            }
            EpochDone done = validation.score(epoch, iteration, lossSum / perEpoch);
            throughput.restartClock();
            epochs.add(done);
            listener.accept(done);
            if (!Double.isFinite(done.validationLoss())) {
                return finish(listener, epochs, Outcome.DIVERGED, "the validation loss became " + done.validationLoss()
                        + ": lower the learning rate (now " + model.spec().learningRate() + ")");
            }
            if (stopping.shouldStop(epoch, done.validationLoss()) && epoch < options.epochs()) {
                return finish(listener, epochs, Outcome.COMPLETED, "stopped early after epoch " + (options.epochsDone() + epoch)
                        + ": the validation loss had not improved for " + epochCount(options.patience())
                        + " (best at epoch " + (options.epochsDone() + stopping.bestEpoch()) + ")");
            }
        }
        int total = options.epochsDone() + options.epochs();
        return finish(listener, epochs, Outcome.COMPLETED, options.epochsDone() == 0
                ? "trained " + epochCount(total) : "trained " + epochCount(options.epochs()) + " more, " + total + " in all");
    }

    /** Patience on the validation loss; patience 0 never stops. */
    private static final class EarlyStopping {
        private final int patience;
        private double best = Double.POSITIVE_INFINITY;
        private int bestEpoch;

        EarlyStopping(int patience) { this.patience = patience; }

        boolean shouldStop(int epoch, double validationLoss) {
            if (validationLoss < best) {
                best = validationLoss;
                bestEpoch = epoch;
            }
            return patience > 0 && epoch - bestEpoch >= patience;
        }

        int bestEpoch() { return bestEpoch; }
    }

    private static String epochCount(int n) {
        return n == 1 ? "1 epoch" : n + " epochs";
    }

    private static SplittableRandom epochStream(long seed, long epoch) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    }

    /** Blocks while paused; returns true when the run must stop. */
    private boolean awaitGo(Consumer<? super TrainingEvent> listener, int epoch, int iteration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
        if (!paused) return cancelled;
        listener.accept(new TrainingEvent.Paused(epoch, iteration));
        synchronized (pauseLock) {
            while (paused && !cancelled) pauseLock.wait();
        }
        if (!cancelled) listener.accept(new TrainingEvent.Resumed(epoch, iteration));
        return cancelled;
    }

    private void fillBatch(int[] permutation, int from, int n, float[] noisy, float[] clean, SplittableRandom noise) {
        ImageSet train = data.train();
        int pixels = train.pixelsPerImage();
        for (int k = 0; k < n; k++) {
            int src = permutation[from + k] * pixels;
            System.arraycopy(train.pixels(), src, clean, k * pixels, pixels);
            if (data.hasPairs()) {
                System.arraycopy(data.trainNoisy().pixels(), src, noisy, k * pixels, pixels);
            } else {
                corruption.apply(train.pixels(), src, noisy, k * pixels, pixels, noise);
            }
        }
        // the tail of a short last batch is never read: fit() gets n
    }

    private static TrainingResult finish(Consumer<? super TrainingEvent> listener, List<EpochDone> epochs,
                                         Outcome outcome, String message) {
        listener.accept(new Finished(outcome, message, epochs.size()));
        return new TrainingResult(outcome, message, List.copyOf(epochs));
    }
}
