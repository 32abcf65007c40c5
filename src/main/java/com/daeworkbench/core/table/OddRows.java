package com.daeworkbench.core.table;

import com.daeworkbench.core.data.TableColumn;
import com.daeworkbench.core.data.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Anomaly scores of table rows and of their cells. Each column in turn is hidden from the model
 * and predicted from the rest of its row: a cell's error is how far its value lies from that
 * prediction, in units of the column's typical error (its RMS over the rows), so a column the
 * model predicts poorly everywhere does not dominate. A row's score is the root mean of its
 * cells' squared normalised errors; its odd column the one with the largest. Hiding the cell
 * matters: a denoiser fed the whole row would copy an odd value back and call it normal.
 */
public final class OddRows {
    private OddRows() { }

    /**
     * {@code cellErrors[r][k]}: normalised error of row r's k-th scored column (NaN when the cell is
     * missing); {@code columns} names the scored columns (the label is not one).
     */
    public record Result(List<String> columns, double[] columnRmse, double[][] cellErrors, double[] rowScores, int[] oddColumn) { }

    public static Result score(TableModel model, float[] values, int rows) {
        TableSchema schema = model.schema();
        int f = schema.features();
        List<String> names = new ArrayList<>();
        List<double[]> squared = new ArrayList<>();
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn col = schema.columns().get(c);
            if (col.width() == 0) continue;
            int from = schema.featureOffset(c);
            float[] hidden = values.clone();
            for (int r = 0; r < rows; r++) for (int j = 0; j < col.width(); j++) hidden[r * f + from + j] = Float.NaN;
            float[] predicted = predict(model, hidden, rows, f);
            double[] err = new double[rows];
            for (int r = 0; r < rows; r++) {
                double ss = 0;
                for (int j = 0; j < col.width(); j++) {
                    int i = r * f + from + j;
                    ss += (values[i] - predicted[i]) * (values[i] - predicted[i]);
                }
                err[r] = ss;   // NaN when the cell is missing
            }
            names.add(col.name());
            squared.add(err);
        }
        int k = names.size();
        double[] columnRmse = new double[k];
        double[][] cells = new double[rows][k];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            int n = 0;
            for (double e : squared.get(c)) {
                if (!Double.isNaN(e)) {
                    sum += e;
                    n++;
                }
            }
            columnRmse[c] = n == 0 ? Double.NaN : Math.sqrt(sum / n);
            double scale = columnRmse[c] > 0 ? columnRmse[c] : 1;
            for (int r = 0; r < rows; r++) cells[r][c] = Math.sqrt(squared.get(c)[r]) / scale;
        }
        double[] rowScores = new double[rows];
        int[] odd = new int[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int n = 0;
            odd[r] = -1;
            for (int c = 0; c < k; c++) {
                double e = cells[r][c];
                if (Double.isNaN(e)) continue;
                sum += e * e;
                n++;
                if (odd[r] < 0 || e > cells[r][odd[r]]) odd[r] = c;
            }
            rowScores[r] = n == 0 ? Double.NaN : Math.sqrt(sum / n);
        }
        return new Result(List.copyOf(names), columnRmse, cells, rowScores, odd);
    }

    private static float[] predict(TableModel model, float[] values, int rows, int f) {
        float[] out = new float[values.length];
        for (int from = 0; from < rows; from += 256) {
            int n = Math.min(256, rows - from);
            float[] batch = java.util.Arrays.copyOfRange(values, from * f, (from + n) * f);
            System.arraycopy(model.denoise(batch, n, 1, f), 0, out, from * f, n * f);
        }
        return out;
    }
}
