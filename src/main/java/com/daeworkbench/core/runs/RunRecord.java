package com.daeworkbench.core.runs;

import com.daeworkbench.core.model.ArchitectureSpec;
import java.util.List;

/**
 * One training run as kept on disk: settings, curves and final scores. Curves hold every
 * iteration's loss (a few thousand doubles at most for a session) so charts can be redrawn
 * and smoothed exactly later.
 */
public record RunRecord(String id, String name, String createdAt, String dataset, String corruption,
                        ArchitectureSpec spec, int epochsPlanned, Status status, String message,
                        List<Double> iterationLoss, List<EpochPoint> epochs, String sweep) {

    public enum Status { RUNNING, COMPLETED, CANCELLED, DIVERGED, FAILED, INTERRUPTED }

    /** The validation metrics of the data's shape, the others NaN: PSNR and SSIM for images, RMSE (scaled units) for tables. */
    public record EpochPoint(int epoch, int iteration, double trainLoss, double validationLoss,
                             double validationPsnr, double validationSsim, double validationRmse) {

        /** An epoch of images. */
        public EpochPoint(int epoch, int iteration, double trainLoss, double validationLoss,
                          double validationPsnr, double validationSsim) {
            this(epoch, iteration, trainLoss, validationLoss, validationPsnr, validationSsim, Double.NaN);
        }
    }

    public RunRecord {
        iterationLoss = iterationLoss == null ? List.of() : List.copyOf(iterationLoss);
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
    }

    /** A run of no sweep (sweep is the id of the sweep a run belongs to, or null). */
    public RunRecord(String id, String name, String createdAt, String dataset, String corruption,
                     ArchitectureSpec spec, int epochsPlanned, Status status, String message,
                     List<Double> iterationLoss, List<EpochPoint> epochs) {
        this(id, name, createdAt, dataset, corruption, spec, epochsPlanned, status, message, iterationLoss, epochs, null);
    }

    public double finalPsnr() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationPsnr();
    }

    public double finalSsim() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationSsim();
    }

    public RunRecord with(Status newStatus, String newMessage, List<Double> losses, List<EpochPoint> points) {
        return new RunRecord(id, name, createdAt, dataset, corruption, spec, epochsPlanned, newStatus, newMessage, losses, points,
                sweep);
    }
}
