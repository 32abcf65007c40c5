package com.daeworkbench.cli;

import com.daeworkbench.core.analysis.Roc;
import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableReader;
import com.daeworkbench.core.data.TableSchema;
import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.table.OddRows;
import com.daeworkbench.core.table.TableModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "odd-rows", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Anomaly scores for the rows of a table and the column that makes each row odd: every column is hidden"
                + " in turn and predicted from the rest of its row by a table model.")
final class OddRowsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "a model trained on a table of the same columns")
    Path modelFile;

    @Option(names = "--in", required = true, description = "the table to score (.csv, .tsv)")
    Path in;

    @Option(names = "--out", description = "write one line per row: line, score, odd column, its error (in typical errors of that column)")
    Path out;

    @Option(names = "--top", defaultValue = "5", description = "rows listed on stderr and in the JSON, oddest first (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--odd-label", paramLabel = "VALUE",
            description = "the label value of the rows known to be odd: the ROC AUC of the row score against the label is reported")
    String oddLabel;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (top < 0) throw new ParameterException(spec.commandLine(), "--top must not be negative, got " + top);
        try (TableModel model = ImputeCommand.tableModel(spec, modelFile, ModelStore.load(modelFile))) {
            TableSchema schema = model.schema();
            RawTable raw = TableReader.read(in, schema.header());
            TableSchema.Encoded encoded = schema.encode(raw);
            OddRows.Result r = OddRows.score(model, encoded.values(), raw.rowCount());
            Double auc = oddLabel == null ? null : auc(schema, encoded, r);
            List<Integer> order = IntStream.range(0, raw.rowCount()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -nanLow(r.rowScores()[i]))).toList();
            var err = spec.commandLine().getErr();
            err.printf("%s: %d rows scored%s; oddest rows (score: root mean squared error of the hidden cells, in typical"
                    + " errors of their columns):%n", in.getFileName(), raw.rowCount(),
                    auc == null ? "" : String.format(Locale.ROOT, ", ROC AUC %.3f for '%s' rows", auc, oddLabel));
            List<Map<String, Object>> listed = new ArrayList<>();
            for (int i : order.subList(0, Math.min(top, order.size()))) {
                String column = r.oddColumn()[i] < 0 ? "" : r.columns().get(r.oddColumn()[i]);
                double cell = r.oddColumn()[i] < 0 ? Double.NaN : r.cellErrors()[i][r.oddColumn()[i]];
                err.printf(Locale.ROOT, "  line %d: score %.2f, most off: %s (%.1f)%n", raw.lines().get(i), r.rowScores()[i], column, cell);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("line", raw.lines().get(i));
                row.put("score", r.rowScores()[i]);
                row.put("odd_column", column);
                row.put("odd_column_error", cell);
                listed.add(row);
            }
            if (out != null) write(raw, r);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", modelFile.toString());
                o.put("table", in.toString());
                o.put("rows", raw.rowCount());
                if (auc != null) o.put("auc", auc);
                Map<String, Double> columns = new LinkedHashMap<>();
                for (int c = 0; c < r.columns().size(); c++) columns.put(r.columns().get(c), r.columnRmse()[c]);
                o.put("column_rmse", columns);
                o.put("oddest", listed);
                JsonOut.print(spec.commandLine().getOut(), o);
            }
        }
        return 0;
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private Double auc(TableSchema schema, TableSchema.Encoded encoded, OddRows.Result r) {
        if (schema.labelColumn() < 0) {
            throw new ParameterException(spec.commandLine(), "--odd-label: " + modelFile.getFileName() + " was trained without a"
                    + " label column (train with --label)");
        }
        int id = encoded.labelNames().indexOf(oddLabel);
        if (id < 0) {
            throw new ParameterException(spec.commandLine(), "--odd-label: no row of " + in.getFileName() + " has the label '"
                    + oddLabel + "' (labels: " + String.join(", ", encoded.labelNames()) + ")");
        }
        List<Double> odd = new ArrayList<>(), normal = new ArrayList<>();
        for (int i = 0; i < encoded.rows(); i++) {
            double s = r.rowScores()[i];
            if (Double.isNaN(s)) continue;
            (encoded.labels()[i] == id ? odd : normal).add(s);
        }
        if (odd.isEmpty() || normal.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--odd-label: the AUC needs rows with and without the label '" + oddLabel + "'");
        }
        return Roc.auc(normal.stream().mapToDouble(Double::doubleValue).toArray(), odd.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void write(RawTable raw, OddRows.Result r) throws java.io.IOException {
        StringBuilder b = new StringBuilder("line,score,odd_column,odd_column_error\n");
        for (int i = 0; i < raw.rowCount(); i++) {
            int c = r.oddColumn()[i];
            String name = c < 0 ? "" : r.columns().get(c);
            b.append(raw.lines().get(i)).append(',').append(String.format(Locale.ROOT, "%.4f", r.rowScores()[i])).append(',')
                    .append(name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name).append(',')
                    .append(c < 0 ? "" : String.format(Locale.ROOT, "%.3f", r.cellErrors()[i][c])).append('\n');
        }
        AtomicFiles.writeString(out, b.toString());
    }
}
