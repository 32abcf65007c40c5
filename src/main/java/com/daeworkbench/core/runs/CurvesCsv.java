package com.daeworkbench.core.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's curves as CSV, one format wherever they are saved (the Train tab's live chart, the
 * Runs tab's export): a row per iteration with its training loss, then a row per epoch with
 * the validation scores.
 */
public final class CurvesCsv {
    public static final String HEADER = "kind,iteration,epoch,train_loss,validation_loss,validation_psnr,validation_ssim";

    private CurvesCsv() { }

    public static List<String> rows(List<Double> iterationLoss, List<RunRecord.EpochPoint> epochs) {
        List<String> rows = new ArrayList<>(iterationLoss.size() + epochs.size());
        int perEpoch = epochs.isEmpty() ? Math.max(1, iterationLoss.size()) : Math.max(1, epochs.get(0).iteration());
        for (int i = 0; i < iterationLoss.size(); i++) {
            rows.add(String.format(Locale.ROOT, "iteration,%d,%d,%.6g,,,", i + 1, i / perEpoch + 1, iterationLoss.get(i)));
        }
        for (RunRecord.EpochPoint p : epochs) {
            rows.add(String.format(Locale.ROOT, "epoch,%d,%d,%.6g,%.6g,%.4f,%.4f", p.iteration(), p.epoch(), p.trainLoss(),
                    p.validationLoss(), p.validationPsnr(), p.validationSsim()));
        }
        return rows;
    }

    /** The whole file: header and rows, each line ended by a newline. */
    public static String of(RunRecord r) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String row : rows(r.iterationLoss(), r.epochs())) sb.append(row).append('\n');
        return sb.toString();
    }
}
