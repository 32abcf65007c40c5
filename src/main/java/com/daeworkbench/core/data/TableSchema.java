package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a table file and how rows become features: numbers scaled, text one-hot, a
 * label column kept aside. Fitted on the training file and saved with the model, so the model
 * reads later files of the same columns the same way and writes filled cells in the file's units.
 *
 * <p>Typing rule: a column whose present cells are all numbers is numeric; one with more text than
 * numbers is categorical (its numbers are then categories too); one with a few text cells among
 * mostly numbers is refused at its first text cell, because that is almost always a typo or an
 * unrecognised missing marker, not a category.
 */
public record TableSchema(List<TableColumn> columns, Scaling scaling, char delimiter, boolean header) {
    /** More distinct texts than this is an identifier or free text, not a category. */
    public static final int MAX_LEVELS = 50;

    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The encoded rows of a file: {@code features()} values per row, NaN where a cell is missing; labels or null. */
    public record Encoded(int rows, int features, float[] values, int[] labels, List<String> labelNames) { }

    public static TableSchema fit(RawTable t, Scaling scaling, String labelColumn) throws DataException {
        if (t.rowCount() == 0) throw new DataException(t.file(), "the file has a header but no data rows");
        if (t.rowCount() == 1) {
            throw new DataException(t.file(), "line " + t.lines().get(0) + ": the only data row; a table needs at least 2 rows"
                    + " (one to train on, one to validate)");
        }
        int label = labelIndex(t, labelColumn);
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < t.columnCount(); c++) {
            columns.add(c == label ? new TableColumn.Label(t.names().get(c)) : fitColumn(t, c, scaling));
        }
        if (columns.stream().allMatch(col -> col instanceof TableColumn.Label)) {
            throw new DataException(t.file(), "no feature columns besides the label");
        }
        return new TableSchema(columns, scaling, t.delimiter(), t.header());
    }

    private static int labelIndex(RawTable t, String labelColumn) throws DataException {
        if (labelColumn == null || labelColumn.isBlank()) return -1;
        int byName = t.names().indexOf(labelColumn.trim());
        if (byName >= 0) return byName;
        try {
            int n = Integer.parseInt(labelColumn.trim());
            if (n >= 1 && n <= t.columnCount()) return n - 1;
        } catch (NumberFormatException e) {
            // not a number: reported below
        }
        throw new DataException(t.file(), "no column '" + labelColumn + "' for the label (columns: "
                + String.join(", ", t.names()) + ", or their numbers 1.." + t.columnCount() + ")");
    }

    private static TableColumn fitColumn(RawTable t, int c, Scaling scaling) throws DataException {
        int numbers = 0, texts = 0, firstText = -1, decimals = 0;
        boolean comma = false;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String cell = t.cell(r, c);
            if (TableCells.isMissing(cell)) continue;
            counts.merge(cell, 1, Integer::sum);
            double v = TableCells.number(cell, t.delimiter());
            if (Double.isNaN(v)) {
                texts++;
                if (firstText < 0) firstText = r;
                continue;
            }
            numbers++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            int d = TableCells.decimals(cell);
            decimals = d < 0 || decimals < 0 ? -1 : Math.max(decimals, d);
            comma |= TableCells.hasDecimalComma(cell);
        }
        String name = t.names().get(c);
        if (numbers + texts == 0) {
            throw new DataException(t.file(), "column " + (c + 1) + " ('" + name + "') is empty or missing in every row: remove it");
        }
        if (texts == 0) {
            double mean = sum / numbers;
            double center, scale;
            if (scaling == Scaling.STANDARD) {
                double ss = 0;
                for (int r = 0; r < t.rowCount(); r++) {
                    double v = TableCells.number(t.cell(r, c), t.delimiter());
                    if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
                }
                center = mean;
                scale = Math.sqrt(ss / numbers);
            } else {
                center = min;
                scale = max - min;
            }
            if (!(scale > 0)) scale = 1;   // a constant column: every value scales to 0, nothing to divide by
            return new TableColumn.Numeric(name, center, scale, (mean - center) / scale, Math.min(decimals, 12), comma);
        }
        if (numbers > texts) {
            throw new DataException(t.file(), t.where(firstText, c) + ": '" + t.cell(firstText, c) + "' is not a number, but "
                    + numbers + " of the column's " + (numbers + texts) + " cells are; fix it or mark missing cells with an"
                    + " empty cell, NA, NaN or ?");
        }
        if (counts.size() > MAX_LEVELS) {
            throw new DataException(t.file(), "column " + (c + 1) + " ('" + name + "') has " + counts.size()
                    + " different texts: an identifier or free text, not a category (at most " + MAX_LEVELS
                    + "); remove the column or name it as the label");
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort(null);
        List<Double> freq = new ArrayList<>();
        for (String level : levels) freq.add(counts.get(level) / (double) (numbers + texts));
        return new TableColumn.Categorical(name, levels, freq);
    }

    /** Encoded features per row. */
    public int features() {
        return columns.stream().mapToInt(TableColumn::width).sum();
    }

    public int labelColumn() {
        for (int c = 0; c < columns.size(); c++) if (columns.get(c) instanceof TableColumn.Label) return c;
        return -1;
    }

    /** Names of the encoded features ("colour=red" for a category's level), for reports. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (TableColumn col : columns) names.addAll(col.featureNames());
        return names;
    }

    /**
     * The value a missing feature stands for, in scaled units: the column's mean (a category's
     * level shares). What the model is fed in place of a missing or masked cell, and mean imputation.
     */
    public float[] neutral() {
        float[] out = new float[features()];
        int f = 0;
        for (TableColumn col : columns) {
            col.neutral(out, f);
            f += col.width();
        }
        return out;
    }

    /** True for features that are standardised numbers (unbounded), false for those in [0,1] (min-max, one-hot). */
    public boolean[] unbounded() {
        boolean[] out = new boolean[features()];
        int f = 0;
        for (TableColumn col : columns) {
            if (col instanceof TableColumn.Numeric) out[f] = scaling == Scaling.STANDARD;
            f += col.width();
        }
        return out;
    }

    /** Encodes a file of these columns; a numeric cell that is not a number, or another column count, is refused. */
    public Encoded encode(RawTable t) throws DataException {
        if (t.columnCount() != columns.size()) {
            throw new DataException(t.file(), "has " + t.columnCount() + " columns but the model was trained on " + columns.size()
                    + " (" + String.join(", ", columns.stream().map(TableColumn::name).toList()) + ")");
        }
        if (t.header()) {
            for (int c = 0; c < columns.size(); c++) {
                if (!t.names().get(c).equals(columns.get(c).name())) {
                    throw new DataException(t.file(), "column " + (c + 1) + " is '" + t.names().get(c) + "' but the model expects '"
                            + columns.get(c).name() + "' there");
                }
            }
        }
        int width = features();
        float[] values = new float[t.rowCount() * width];
        int label = labelColumn();
        List<String> labelNames = new ArrayList<>();
        int[] labels = label < 0 ? null : new int[t.rowCount()];
        for (int r = 0; r < t.rowCount(); r++) {
            int f = r * width;
            for (int c = 0; c < columns.size(); c++) {
                TableColumn col = columns.get(c);
                String cell = t.cell(r, c);
                if (c == label) {
                    int id = labelNames.indexOf(cell);
                    if (id < 0) {
                        id = labelNames.size();
                        labelNames.add(cell);
                    }
                    labels[r] = id;
                }
                try {
                    col.encode(cell, t.delimiter(), values, f);
                } catch (TableColumn.NotANumber e) {
                    throw new DataException(t.file(), t.where(r, c) + ": " + e.getMessage());
                }
                f += col.width();
            }
        }
        return new Encoded(t.rowCount(), width, values, labels, labelNames);
    }

    /** The text of a filled cell of column {@code c}, from the row's features that start at {@code f}, in the file's units and notation. */
    public String cellText(int c, float[] row, int f) {
        return columns.get(c).text(row, f);
    }

    /** The index of column {@code c}'s first feature. */
    public int featureOffset(int c) {
        int f = 0;
        for (int i = 0; i < c; i++) f += columns.get(i).width();
        return f;
    }
}
