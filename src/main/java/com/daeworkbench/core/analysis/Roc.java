package com.daeworkbench.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC analysis of an anomaly score: the normal images are the negatives, the anomalies the
 * positives, a higher score means more anomalous, and an image is flagged when its score is
 * {@code >= threshold}. Immutable; every query is a binary search on sorted copies, so a
 * threshold slider can call {@link #at} on every move.
 */
public final class Roc {

    /** One point of the curve: flagging scores {@code >= threshold} gives these rates. */
    public record Point(double fpr, double tpr, double threshold) { }

    /** The confusion counts at a threshold (anomalies are the positives). */
    public record Confusion(double threshold, int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
        /** Flagged anomalies over everything flagged; 1 when nothing is flagged (no false alarm was raised). */
        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 1.0 : (double) truePositives / flagged;
        }

        /** Flagged anomalies over all anomalies (the true positive rate). */
        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 0.0 : (double) truePositives / positives;
        }

        /** Flagged normal images over all normal images. */
        public double falsePositiveRate() {
            int negatives = falsePositives + trueNegatives;
            return negatives == 0 ? 0.0 : (double) falsePositives / negatives;
        }
    }

    private final double[] normal;
    private final double[] anomalous;
    private final double auc;

    private Roc(double[] normal, double[] anomalous) {
        this.normal = sortedCopy(normal, "normal");
        this.anomalous = sortedCopy(anomalous, "anomalous");
        this.auc = mannWhitneyAuc(this.normal, this.anomalous);
    }

    /** @throws IllegalArgumentException when a set is empty or a score is NaN */
    public static Roc of(double[] normalScores, double[] anomalyScores) {
        return new Roc(normalScores, anomalyScores);
    }

    /** The AUC alone: the probability that a random anomaly scores above a random normal image, ties counting half. */
    public static double auc(double[] normalScores, double[] anomalyScores) {
        return of(normalScores, anomalyScores).auc();
    }

    public double auc() { return auc; }

    public int normalCount() { return normal.length; }

    public int anomalyCount() { return anomalous.length; }

    /**
     * The curve from (0,0) to (1,1), one point per distinct score (the threshold of the first
     * point is +infinity: nothing flagged). Its trapezoid area equals {@link #auc()}.
     */
    public List<Point> curve() {
        double[] all = new double[normal.length + anomalous.length];
        System.arraycopy(normal, 0, all, 0, normal.length);
        System.arraycopy(anomalous, 0, all, normal.length, anomalous.length);
        Arrays.sort(all);
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        for (int i = all.length - 1; i >= 0; i--) {
            if (i < all.length - 1 && all[i] == all[i + 1]) continue;
            double t = all[i];
            points.add(new Point((double) countAtLeast(normal, t) / normal.length,
                    (double) countAtLeast(anomalous, t) / anomalous.length, t));
        }
        return points;
    }

    /** The curve thinned to at most {@code maxPoints} points (always keeping both ends), for charts. */
    public List<Point> curve(int maxPoints) {
        List<Point> full = curve();
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        if (full.size() <= maxPoints) return full;
        List<Point> thin = new ArrayList<>(maxPoints);
        for (int k = 0; k < maxPoints; k++) {
            thin.add(full.get((int) Math.round((double) k * (full.size() - 1) / (maxPoints - 1))));
        }
        return thin;
    }

    /**
     * The highest threshold that flags at least {@code recall} of the anomalies (e.g. 0.95:
     * 95% of them caught), i.e. the strictest detector with that recall.
     */
    public double thresholdAtRecall(double recall) {
        if (!(recall > 0 && recall <= 1)) throw new IllegalArgumentException("recall must be in (0, 1], got " + recall);
        int needed = (int) Math.ceil(recall * anomalous.length - 1e-9);
        needed = Math.max(1, Math.min(anomalous.length, needed));
        return anomalous[anomalous.length - needed];
    }

    /** Precision, recall and the rest when scores {@code >= threshold} are flagged. */
    public Confusion at(double threshold) {
        int tp = countAtLeast(anomalous, threshold);
        int fp = countAtLeast(normal, threshold);
        return new Confusion(threshold, tp, fp, normal.length - fp, anomalous.length - tp);
    }

    /** Scores of the two sets, sorted ascending (copies). */
    public double[] normalScoresSorted() { return normal.clone(); }

    public double[] anomalyScoresSorted() { return anomalous.clone(); }

    /** Values {@code >= t} in an ascending array. */
    private static int countAtLeast(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return sorted.length - lo;
    }

    /**
     * Mann-Whitney U over the pooled sample with mid-ranks for ties:
     * AUC = (sum of the anomalies' ranks - P(P+1)/2) / (P N).
     */
    private static double mannWhitneyAuc(double[] negatives, double[] positives) {
        int n = negatives.length, p = positives.length;
        // merge the two sorted arrays, ranking each run of equal values by its mid-rank
        double rankSumPositives = 0;
        int i = 0, j = 0, rank = 0;
        while (i < n || j < p) {
            double v = j >= p || (i < n && negatives[i] < positives[j]) ? negatives[i] : positives[j];
            int negTies = 0, posTies = 0;
            while (i < n && negatives[i] == v) { i++; negTies++; }
            while (j < p && positives[j] == v) { j++; posTies++; }
            int ties = negTies + posTies;
            double midRank = rank + (ties + 1) / 2.0;
            rankSumPositives += posTies * midRank;
            rank += ties;
        }
        return (rankSumPositives - p * (p + 1) / 2.0) / ((double) p * n);
    }

    private static double[] sortedCopy(double[] scores, String what) {
        if (scores == null || scores.length == 0) throw new IllegalArgumentException("no " + what + " scores");
        double[] copy = scores.clone();
        for (double v : copy) {
            if (Double.isNaN(v)) throw new IllegalArgumentException("a " + what + " score is NaN");
        }
        Arrays.sort(copy);
        return copy;
    }
}
