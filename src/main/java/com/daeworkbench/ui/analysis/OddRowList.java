package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.table.OddRows;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the Anomalies tab lists for a table: the rows the model rebuilds worst and best, each
 * with its label and the column that was most off (in units of that column's typical error).
 */
public record OddRowList(String oddLabel, String normalLabel, int oddCount, int normalCount, List<OddRow> most, List<OddRow> least) {
    static final int SHOWN = 12;

    /** One scored row: {@code odd} when it carries the rarer label; {@code column} null when every cell was missing. */
    public record OddRow(int index, String label, boolean odd, double score, String column, double columnError) { }

    static OddRowList of(OddRows.Result result, ImageSet rows, Dataset data, int oddLabel, int oddCount, int normalCount) {
        List<OddRow> all = IntStream.range(0, rows.count())
                .filter(i -> Double.isFinite(result.rowScores()[i]))
                .mapToObj(i -> row(result, rows, data, oddLabel, i))
                .sorted(Comparator.comparingDouble(OddRow::score).reversed())
                .toList();
        List<OddRow> least = new java.util.ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN), all.size()));
        java.util.Collections.reverse(least);   // the best rebuilt first
        String normal = IntStream.range(0, rows.count()).map(rows::label).filter(l -> l != oddLabel).boxed().findFirst()
                .map(data::labelName).orElse("other");
        return new OddRowList(data.labelName(oddLabel), normal, oddCount, normalCount,
                List.copyOf(all.subList(0, Math.min(SHOWN, all.size()))), List.copyOf(least));
    }

    private static OddRow row(OddRows.Result result, ImageSet rows, Dataset data, int oddLabel, int i) {
        int column = result.oddColumn()[i];
        return new OddRow(i, data.labelName(rows.label(i)), rows.label(i) == oddLabel, result.rowScores()[i],
                column < 0 ? null : result.columns().get(column), column < 0 ? Double.NaN : result.cellErrors()[i][column]);
    }
}
