package com.daeworkbench.core.table;

import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableColumn;
import com.daeworkbench.core.data.TableSchema;
import com.daeworkbench.core.io.DataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Imputation scored by hiding known cells: a seeded fraction of a file's present cells is
 * hidden, filled by the model, by column means and by kNN (k chosen on the visible cells only),
 * and each is compared with the truth in scaled units, overall and per column.
 */
public final class TableEvaluation {
    /**
     * Passes of the model over its own filled rows. One: on the breast-cancer table (masking 0.25,
     * 100 epochs) 3 passes gave RMSE 0.545 and 10 gave 0.643 against 0.457 for one, because the
     * network was trained with hidden cells fed as the column mean, not as its own guesses.
     */
    public static final int ROUNDS = 1;

    private TableEvaluation() { }

    public record ColumnScore(String column, int hidden, double rmseModel, double rmseMean, double rmseKnn) { }

    public record Result(int rows, int hiddenCells, double rmseModel, double rmseMean, double rmseKnn, int k,
                         List<ColumnScore> columns) { }

    public static Result run(TableModel model, RawTable raw, double hide, long seed) throws DataException {
        TableSchema schema = model.schema();
        int f = schema.features();
        float[] truth = schema.encode(raw).values();
        float[] input = schema.encode(raw.hiding(hide, seed, schema.labelColumn())).values();
        int rows = raw.rowCount();
        float[] byModel = Imputation.model(model, input, rows, ROUNDS);
        float[] byMean = Imputation.mean(input, rows, f);
        int k = Imputation.chooseK(input, rows, f, seed + 1);
        float[] byKnn = Imputation.knn(input, rows, f, k, seed);
        boolean[] scored = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) scored[i] = Float.isNaN(input[i]) && !Float.isNaN(truth[i]);
        List<ColumnScore> columns = new ArrayList<>();
        int cells = 0;
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn col = schema.columns().get(c);
            if (col.width() == 0) continue;
            int from = schema.featureOffset(c);
            int hidden = 0;
            for (int r = 0; r < rows; r++) if (scored[r * f + from]) hidden++;
            cells += hidden;
            columns.add(new ColumnScore(col.name(), hidden, rmse(truth, byModel, scored, f, from, col.width()),
                    rmse(truth, byMean, scored, f, from, col.width()), rmse(truth, byKnn, scored, f, from, col.width())));
        }
        return new Result(rows, cells, rmse(truth, byModel, scored, f, 0, f), rmse(truth, byMean, scored, f, 0, f),
                rmse(truth, byKnn, scored, f, 0, f), k, columns);
    }

    /** RMSE over the scored cells of features [from, from + width) of every row. */
    static double rmse(float[] truth, float[] estimate, boolean[] scored, int f, int from, int width) {
        double ss = 0;
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            int j = i % f;
            if (j < from || j >= from + width || !scored[i]) continue;
            double d = truth[i] - estimate[i];
            ss += d * d;
            n++;
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }
}
