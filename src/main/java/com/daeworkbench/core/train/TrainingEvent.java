package com.daeworkbench.core.train;

import com.daeworkbench.core.model.ArchitectureSpec;

/**
 * What a {@link Trainer} reports, as plain records: the CLI logs them, the GUI charts them.
 * Events arrive on the training thread; listeners must not block it.
 */
public sealed interface TrainingEvent {

    record Started(ArchitectureSpec spec, long parameterCount, int epochs, int iterationsPerEpoch,
                   int trainImages, int validationImages) implements TrainingEvent { }

    /** After every batch. {@code iteration} counts from 1 across epochs; {@code progress} is in [0,1]. */
    record IterationDone(int epoch, int iteration, double loss, double samplesPerSecond,
                         double progress, long etaMillis) implements TrainingEvent { }

    /** Reconstructions of the fixed preview images, every few iterations and at each epoch's end. */
    record Preview(int epoch, int iteration, Samples samples) implements TrainingEvent { }

    /**
     * {@code epoch} counts from 1. The validation metrics are those of the data's shape, the others NaN:
     * PSNR and SSIM (dB, [0,1]) for images; for tables, the RMSE of the reconstructed present cells in scaled units.
     */
    record EpochDone(int epoch, int iteration, double trainLoss, double validationLoss,
                     double validationPsnr, double validationSsim, Samples samples, double validationRmse) implements TrainingEvent {

        /** An epoch of images. */
        public EpochDone(int epoch, int iteration, double trainLoss, double validationLoss,
                         double validationPsnr, double validationSsim, Samples samples) {
            this(epoch, iteration, trainLoss, validationLoss, validationPsnr, validationSsim, samples, Double.NaN);
        }
    }

    /**
     * What an inspected step saw inside the network (see {@link Diagnostics}): after the
     * {@link IterationDone} of the same iteration, only while diagnostics are on.
     */
    record LayerStats(int epoch, int iteration, com.daeworkbench.core.model.Inspection inspection) implements TrainingEvent { }

    record Paused(int epoch, int iteration) implements TrainingEvent { }

    record Resumed(int epoch, int iteration) implements TrainingEvent { }

    /** The last event of every run. */
    record Finished(Outcome outcome, String message, int epochsCompleted) implements TrainingEvent { }

    enum Outcome {
        COMPLETED,
        CANCELLED,
        /** loss became NaN or infinite; the message says which setting to lower */
        DIVERGED,
        FAILED
    }

    /**
     * Preview rows: the same images in every event of a run. Arrays hold {@code count}
     * images of {@code height x width}, row-major. {@code psnr*} are per row, in dB.
     */
    record Samples(int count, int height, int width, float[] noisy, float[] reconstructed, float[] clean,
                   double[] psnrNoisy, double[] psnrReconstructed) { }
}
