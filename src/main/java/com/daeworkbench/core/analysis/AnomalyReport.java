package com.daeworkbench.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well one score tells a test set (the anomalies) from a normal set: everything the
 * anomaly view draws, as plain values. Indices refer to the images of the set named by
 * {@link Source}.
 *
 * @param thresholdAt95Recall the strictest threshold that still flags 95% of the test images
 * @param at95Recall          precision, recall and false alarms at that threshold
 * @param mostAnomalous       the highest scores of both sets together, highest first
 * @param leastAnomalous      the lowest scores of both sets together, lowest first
 * @param rocCurve            the ROC curve thinned to at most {@link #CURVE_POINTS} points
 */
public record AnomalyReport(Score score, double auc, double thresholdAt95Recall, Roc.Confusion at95Recall,
                            Histogram histogram, List<Ranked> mostAnomalous, List<Ranked> leastAnomalous,
                            List<Roc.Point> rocCurve, Roc roc, double[] normalScores, double[] testScores) {

    public static final int CURVE_POINTS = 512;
    public static final int BINS = 40;
    /** a highest score further from the lowest than this many times the 99.5th percentile is, is wild */
    static final double WILD_TAIL = 2;
    public static final int RANKED = 16;

    public enum Source { NORMAL, TEST }

    public record Ranked(Source source, int index, double score) { }

    /**
     * Counts of both sets over the same bins: bin i covers [min + i*binWidth, min + (i+1)*binWidth);
     * the range ends at the highest score, unless that is a wild one (further from the lowest
     * than twice the 99.5th percentile is): then it ends at that percentile and the last bin
     * also counts everything above it, so one wild score does not squash the picture. (Always
     * cutting at the percentile cut an ordinary tail, 0.33 of scores reaching 0.49, into a
     * spike in the last bin.)
     */
    public record Histogram(double min, double binWidth, int[] normal, int[] test) {
        public int bins() { return normal.length; }

        public double binStart(int i) { return min + i * binWidth; }
    }

    /** Precision/recall when scores {@code >= threshold} are flagged (for a threshold slider). */
    public Roc.Confusion at(double threshold) {
        return roc.at(threshold);
    }

    /** Builds the report from the two score arrays (normal: negatives, test: positives). */
    public static AnomalyReport of(Score score, double[] normalScores, double[] testScores) {
        Roc roc = Roc.of(normalScores, testScores);
        double threshold = roc.thresholdAtRecall(0.95);
        List<Ranked> all = new ArrayList<>(normalScores.length + testScores.length);
        for (int i = 0; i < normalScores.length; i++) all.add(new Ranked(Source.NORMAL, i, normalScores[i]));
        for (int i = 0; i < testScores.length; i++) all.add(new Ranked(Source.TEST, i, testScores[i]));
        all.sort(Comparator.comparingDouble(Ranked::score));
        int k = Math.min(RANKED, all.size());
        List<Ranked> least = List.copyOf(all.subList(0, k));
        List<Ranked> most = new ArrayList<>(all.subList(all.size() - k, all.size()));
        java.util.Collections.reverse(most);
        return new AnomalyReport(score, roc.auc(), threshold, roc.at(threshold), histogram(normalScores, testScores, BINS),
                List.copyOf(most), least, roc.curve(CURVE_POINTS), roc,
                normalScores.clone(), testScores.clone());
    }

    static Histogram histogram(double[] normal, double[] test, int bins) {
        double[] pooled = new double[normal.length + test.length];
        System.arraycopy(normal, 0, pooled, 0, normal.length);
        System.arraycopy(test, 0, pooled, normal.length, test.length);
        Arrays.sort(pooled);
        double min = pooled[0];
        double highest = pooled[pooled.length - 1];
        double percentile = pooled[Math.min(pooled.length - 1, (int) Math.ceil(0.995 * pooled.length) - 1)];
        double max = percentile > min && highest - min > WILD_TAIL * (percentile - min) ? percentile : highest;
        double width = max > min ? (max - min) / bins : 1.0;
        return new Histogram(min, width, count(normal, min, width, bins), count(test, min, width, bins));
    }

    private static int[] count(double[] values, double min, double width, int bins) {
        int[] counts = new int[bins];
        for (double v : values) {
            int b = (int) Math.floor((v - min) / width);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return counts;
    }
}
