package com.daeworkbench.cli;

import com.daeworkbench.core.train.Durations;
import com.daeworkbench.core.train.TrainingEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * The CLI's view of a run on stderr: a line per epoch, a line every half minute within long
 * epochs. An epoch's rate is its samples over the wall time from its start to its last step,
 * what a stopwatch gives with validation (timed apart) excluded, as bench measures.
 */
final class ProgressPrinter implements Consumer<TrainingEvent> {
    private final PrintWriter err;
    private final int epochs;
    private final int samplesPerEpoch;
    private long runStart = System.nanoTime();
    private long epochStart = runStart;
    private long lastStep = runStart;
    private long lastLine = runStart;
    private double lastRate = Double.NaN;

    ProgressPrinter(PrintWriter err, int epochs, int samplesPerEpoch) {
        this.err = err;
        this.epochs = epochs;
        this.samplesPerEpoch = samplesPerEpoch;
    }

    @Override
    public void accept(TrainingEvent event) {
        long now = System.nanoTime();
        if (event instanceof TrainingEvent.Started) {
            runStart = now;
            epochStart = now;
        } else if (event instanceof TrainingEvent.IterationDone it) {
            lastStep = now;
            if (now - lastLine > 30_000_000_000L) {
                lastLine = now;
                err.printf("  epoch %d: %.0f%% of the run, loss %.5f, %.0f samples/s, %s left%n", it.epoch(),
                        100 * it.progress(), it.loss(), it.samplesPerSecond(), Durations.of(it.etaMillis()));
            }
        } else if (event instanceof TrainingEvent.EpochDone e) {
            lastRate = samplesPerEpoch / ((lastStep - epochStart) / 1e9);
            // tables report the RMSE of scaled values, images PSNR and SSIM; the other metrics are NaN
            String quality = Double.isNaN(e.validationRmse())
                    ? String.format("PSNR %.2f dB  SSIM %.3f", e.validationPsnr(), e.validationSsim())
                    : String.format("RMSE %.4f (scaled)", e.validationRmse());
            err.printf("epoch %d/%d  train loss %.5f  validation loss %.5f  %s  %.0f samples/s"
                            + " (validation %.1f s)%n", e.epoch(), epochs, e.trainLoss(), e.validationLoss(),
                    quality, lastRate, (now - lastStep) / 1e9);
            epochStart = System.nanoTime();
        } else if (event instanceof TrainingEvent.Finished f && f.outcome() != TrainingEvent.Outcome.COMPLETED) {
            err.println(f.outcome().name().toLowerCase() + ": " + f.message());
        }
    }

    /** Seconds from the run's start (its Started event) until now. */
    double secondsSinceStart() {
        return (System.nanoTime() - runStart) / 1e9;
    }

    double lastEpochRate() {
        return lastRate;
    }
}
