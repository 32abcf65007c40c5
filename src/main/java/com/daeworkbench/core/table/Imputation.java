package com.daeworkbench.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ways to fill the missing cells (NaN) of encoded rows, in scaled units: the model's, and the two
 * baselines every report sets it beside, the column mean and k nearest neighbours (the
 * NaN-Euclidean distance of scikit-learn's KNNImputer, averaging the k nearest rows that have the cell).
 */
public final class Imputation {
    /** Donor rows kNN compares each row with: all of them for a table of this size, a seeded sample beyond. */
    static final int MAX_DONORS = 5000;
    static final int[] K_CANDIDATES = {1, 2, 3, 5, 7, 10, 15, 20, 30};

    private Imputation() { }

    /**
     * The model's reconstruction in the missing cells, present ones kept. With {@code rounds > 1}
     * the filled row goes through the model again (the filled cells a better guess than the column
     * mean), as MIDA and iterative imputers do.
     */
    public static float[] model(TableModel model, float[] values, int rows, int rounds) {
        int f = model.schema().features();
        float[] filled = values.clone();
        float[] input = values.clone();
        for (int round = 0; round < rounds; round++) {
            float[] out = new float[values.length];
            for (int from = 0; from < rows; from += 256) {
                int n = Math.min(256, rows - from);
                float[] batch = Arrays.copyOfRange(input, from * f, (from + n) * f);
                System.arraycopy(model.denoise(batch, n, 1, f), 0, out, from * f, n * f);
            }
            for (int i = 0; i < values.length; i++) filled[i] = Float.isNaN(values[i]) ? out[i] : values[i];
            input = filled.clone();
        }
        return filled;
    }

    /** Each missing cell filled with its column's mean over the present cells (0 when the column has none). */
    public static float[] mean(float[] values, int rows, int f) {
        double[] sum = new double[f];
        int[] count = new int[f];
        for (int i = 0; i < values.length; i++) {
            if (!Float.isNaN(values[i])) {
                sum[i % f] += values[i];
                count[i % f]++;
            }
        }
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) if (Float.isNaN(out[i])) out[i] = count[i % f] == 0 ? 0f : (float) (sum[i % f] / count[i % f]);
        return out;
    }

    /** kNN imputation; a cell no neighbour has falls back to the column mean. */
    public static float[] knn(float[] values, int rows, int f, int k, long seed) {
        int[] donors = donors(rows, seed);
        float[] means = mean(values, rows, f);
        float[] out = values.clone();
        double[] dist = new double[donors.length];
        Integer[] order = new Integer[donors.length];
        for (int r = 0; r < rows; r++) {
            if (!hasMissing(values, r, f)) continue;
            for (int d = 0; d < donors.length; d++) {
                dist[d] = donors[d] == r ? Double.POSITIVE_INFINITY : distance(values, r, donors[d], f);
                order[d] = d;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            for (int j = 0; j < f; j++) {
                if (!Float.isNaN(values[r * f + j])) continue;
                double sum = 0;
                int used = 0;
                for (int o = 0; o < order.length && used < k; o++) {
                    if (Double.isInfinite(dist[order[o]])) break;
                    float v = values[donors[order[o]] * f + j];
                    if (Float.isNaN(v)) continue;
                    sum += v;
                    used++;
                }
                out[r * f + j] = used == 0 ? means[r * f + j] : (float) (sum / used);
            }
        }
        return out;
    }

    /**
     * The k that imputes best on the rows' own present cells: a further seeded fifth of them
     * hidden, each candidate k scored on those, so the cells an evaluation scores never choose k.
     */
    public static int chooseK(float[] values, int rows, int f, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] probe = values.clone();
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < probe.length; i++) {
            if (!Float.isNaN(probe[i]) && rng.nextDouble() < 0.2) {
                probe[i] = Float.NaN;
                hidden.add(i);
            }
        }
        int best = K_CANDIDATES[0];
        double bestRmse = Double.POSITIVE_INFINITY;
        for (int k : K_CANDIDATES) {
            if (k >= rows) break;
            float[] filled = knn(probe, rows, f, k, seed);
            double ss = 0;
            for (int i : hidden) ss += (filled[i] - values[i]) * (filled[i] - values[i]);
            double rmse = Math.sqrt(ss / Math.max(1, hidden.size()));
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = k;
            }
        }
        return best;
    }

    private static int[] donors(int rows, long seed) {
        if (rows <= MAX_DONORS) {
            int[] all = new int[rows];
            for (int i = 0; i < rows; i++) all[i] = i;
            return all;
        }
        return Arrays.copyOf(com.daeworkbench.core.data.Shuffle.permutation(rows, new SplittableRandom(seed)), MAX_DONORS);
    }

    private static boolean hasMissing(float[] values, int r, int f) {
        for (int j = 0; j < f; j++) if (Float.isNaN(values[r * f + j])) return true;
        return false;
    }

    /** NaN-Euclidean: the squared differences over the cells both rows have, scaled up to all f; infinite when they share none. */
    static double distance(float[] values, int a, int b, int f) {
        double ss = 0;
        int common = 0;
        for (int j = 0; j < f; j++) {
            float x = values[a * f + j], y = values[b * f + j];
            if (Float.isNaN(x) || Float.isNaN(y)) continue;
            ss += (x - y) * (x - y);
            common++;
        }
        return common == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(ss * f / common);
    }
}
