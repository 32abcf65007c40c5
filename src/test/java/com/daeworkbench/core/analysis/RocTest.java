package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocTest {

    @Test
    void aPerfectlySeparablePairGivesOneAndReversedGivesZero() {
        double[] low = {0.1, 0.2, 0.3, 0.35};
        double[] high = {0.5, 0.9, 1.2};
        assertThat(Roc.auc(low, high)).isEqualTo(1.0);
        assertThat(Roc.auc(high, low)).isEqualTo(0.0);
    }

    @Test
    void identicalDistributionsGiveAboutOneHalf() {
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[5000], b = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble();
            b[i] = r.nextDouble();
        }
        assertThat(Roc.auc(a, b)).isCloseTo(0.5, within(0.02));
        // all scores tied: exactly one half
        assertThat(Roc.auc(new double[] {2, 2, 2}, new double[] {2, 2})).isEqualTo(0.5);
    }

    @Test
    void tiesCountHalfInAHandComputedCase() {
        // pairs (anomaly, normal): 2 beats 1 and ties 2,2 -> 2; 3 beats 1,2,2 and ties 3 -> 3.5; 4 beats all -> 4
        double[] normal = {3, 1, 2, 2};
        double[] anomalies = {4, 2, 3};
        Roc roc = Roc.of(normal, anomalies);
        assertThat(roc.auc()).isCloseTo(9.5 / 12, within(1e-12));
    }

    @Test
    void theCurveRunsFromOriginToOneOneAndItsAreaIsTheAuc() {
        SplittableRandom r = new SplittableRandom(5);
        double[] normal = new double[300], anomalies = new double[200];
        // rounded scores: many ties
        for (int i = 0; i < normal.length; i++) normal[i] = Math.round(r.nextGaussian() * 4) / 4.0;
        for (int i = 0; i < anomalies.length; i++) anomalies[i] = Math.round((r.nextGaussian() + 1) * 4) / 4.0;
        Roc roc = Roc.of(normal, anomalies);
        List<Roc.Point> curve = roc.curve();
        assertThat(curve.get(0)).isEqualTo(new Roc.Point(0, 0, Double.POSITIVE_INFINITY));
        Roc.Point last = curve.get(curve.size() - 1);
        assertThat(last.fpr()).isEqualTo(1.0);
        assertThat(last.tpr()).isEqualTo(1.0);
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            Roc.Point a = curve.get(i - 1), b = curve.get(i);
            assertThat(b.fpr()).isGreaterThanOrEqualTo(a.fpr());
            assertThat(b.tpr()).isGreaterThanOrEqualTo(a.tpr());
            assertThat(b.threshold()).isLessThan(a.threshold());
            area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
        }
        assertThat(area).isCloseTo(roc.auc(), within(1e-12));
        assertThat(roc.auc()).isBetween(0.7, 0.85);
        List<Roc.Point> thin = roc.curve(5);
        assertThat(thin).hasSize(5);
        assertThat(thin.get(0)).isEqualTo(curve.get(0));
        assertThat(thin.get(4)).isEqualTo(last);
    }

    @Test
    void thresholdAtRecallFlagsAtLeastThatShareOfTheAnomalies() {
        double[] normal = {3, 1, 2, 2};
        double[] anomalies = {4, 2, 3};
        Roc roc = Roc.of(normal, anomalies);
        // 95% of 3 anomalies needs all 3: the lowest anomaly score
        assertThat(roc.thresholdAtRecall(0.95)).isEqualTo(2.0);
        assertThat(roc.thresholdAtRecall(0.6)).isEqualTo(3.0);
        assertThat(roc.thresholdAtRecall(0.3)).isEqualTo(4.0);

        double[] many = new double[100];
        for (int i = 0; i < many.length; i++) many[i] = i;
        Roc big = Roc.of(new double[] {-1}, many);
        double t = big.thresholdAtRecall(0.95);
        assertThat(t).isEqualTo(5.0);
        assertThat(big.at(t).recall()).isEqualTo(0.95);
    }

    @Test
    void precisionAndRecallAtAThreshold() {
        double[] normal = {3, 1, 2, 2};
        double[] anomalies = {4, 2, 3};
        Roc roc = Roc.of(normal, anomalies);
        Roc.Confusion at2 = roc.at(2);
        assertThat(at2.truePositives()).isEqualTo(3);
        assertThat(at2.falsePositives()).isEqualTo(3);
        assertThat(at2.trueNegatives()).isEqualTo(1);
        assertThat(at2.falseNegatives()).isZero();
        assertThat(at2.precision()).isEqualTo(0.5);
        assertThat(at2.recall()).isEqualTo(1.0);
        assertThat(at2.falsePositiveRate()).isEqualTo(0.75);
        Roc.Confusion at3point5 = roc.at(3.5);
        assertThat(at3point5.precision()).isEqualTo(1.0);
        assertThat(at3point5.recall()).isCloseTo(1 / 3.0, within(1e-12));
        // nothing flagged: no false alarm, precision 1 by convention
        assertThat(roc.at(10).precision()).isEqualTo(1.0);
        assertThat(roc.at(10).recall()).isZero();
    }

    @Test
    void refusesEmptySetsAndNaN() {
        assertThatThrownBy(() -> Roc.of(new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("normal");
        assertThatThrownBy(() -> Roc.of(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Roc.of(new double[] {1}, new double[] {2}).thresholdAtRecall(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportCarriesHistogramRankingAndThreshold() {
        double[] normal = {0.1, 0.2, 0.3, 0.4};
        double[] test = {0.35, 0.8, 0.9};
        AnomalyReport r = AnomalyReport.of(Score.MSE, normal, test);
        assertThat(r.auc()).isCloseTo(11 / 12.0, within(1e-12));
        assertThat(r.thresholdAt95Recall()).isEqualTo(0.35);
        assertThat(r.at95Recall().recall()).isEqualTo(1.0);
        assertThat(r.at95Recall().falsePositives()).isEqualTo(1);
        assertThat(r.mostAnomalous().get(0)).isEqualTo(new AnomalyReport.Ranked(AnomalyReport.Source.TEST, 2, 0.9));
        assertThat(r.leastAnomalous().get(0)).isEqualTo(new AnomalyReport.Ranked(AnomalyReport.Source.NORMAL, 0, 0.1));
        assertThat(r.mostAnomalous()).hasSize(7);
        int normalTotal = java.util.Arrays.stream(r.histogram().normal()).sum();
        int testTotal = java.util.Arrays.stream(r.histogram().test()).sum();
        assertThat(normalTotal).isEqualTo(4);
        assertThat(testTotal).isEqualTo(3);
        assertThat(r.histogram().bins()).isEqualTo(AnomalyReport.BINS);
        assertThat(r.histogram().min()).isEqualTo(0.1);
        assertThat(r.at(0.5).precision()).isEqualTo(1.0);
    }

    @Test
    void theHistogramReachesAnOrdinaryTailAndFoldsOnlyAWildOne() {
        // 1,000 scores spread over 0..0.33 and a tail of ten up to 0.49: the x-axis must reach 0.49
        double[] normal = new double[1000];
        for (int i = 0; i < normal.length; i++) normal[i] = 0.33 * i / normal.length;
        double[] tail = new double[10];
        for (int i = 0; i < tail.length; i++) tail[i] = 0.34 + 0.15 * i / (tail.length - 1);
        AnomalyReport.Histogram h = AnomalyReport.histogram(normal, tail, AnomalyReport.BINS);
        assertThat(h.binStart(h.bins())).isCloseTo(0.49, within(1e-9));
        assertThat(h.test()[h.bins() - 1]).as("no spike of everything above the cut").isLessThan(tail.length);

        double[] wild = tail.clone();
        wild[wild.length - 1] = 50;   // one wild score must not squash the picture
        AnomalyReport.Histogram folded = AnomalyReport.histogram(normal, wild, AnomalyReport.BINS);
        assertThat(folded.binStart(folded.bins())).isLessThan(1);
        assertThat(java.util.Arrays.stream(folded.test()).sum()).isEqualTo(wild.length);
    }
}
