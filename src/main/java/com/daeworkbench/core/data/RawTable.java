package com.daeworkbench.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A table file as read, before any typing: column names (from the header row, or "column 1"...),
 * every data row's cells as trimmed text, and the file line each row started on, so later
 * errors can name file, line and column.
 */
public record RawTable(Path file, List<String> names, boolean header, char delimiter,
                       List<List<String>> rows, List<Long> lines) {

    public RawTable {
        names = List.copyOf(names);
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
    }

    public int columnCount() { return names.size(); }

    public int rowCount() { return rows.size(); }

    public String cell(int row, int column) { return rows.get(row).get(column); }

    /** "line 12, column 3 ('radius')": where a cell is, for messages. */
    public String where(int row, int column) {
        return "line " + lines.get(row) + ", column " + (column + 1) + " ('" + names.get(column) + "')";
    }

    /**
     * A copy with a fraction of the present cells blanked (never the label's): the cells an
     * imputation is scored on. Each cell is drawn in file order from one seeded stream, so the
     * same fraction and seed hide the same cells for train and eval.
     */
    public RawTable hiding(double fraction, long seed, int labelColumn) {
        if (fraction <= 0) return this;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        List<List<String>> out = new java.util.ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> copy = new java.util.ArrayList<>(row);
            for (int c = 0; c < copy.size(); c++) {
                boolean draw = rng.nextDouble() < fraction;
                if (draw && c != labelColumn && !TableCells.isMissing(copy.get(c))) copy.set(c, "");
            }
            out.add(copy);
        }
        return new RawTable(file, names, header, delimiter, out, lines);
    }
}
