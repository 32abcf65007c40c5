package com.daeworkbench.core.data;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One column of a table file as the model knows it: how its cells become features and how
 * features turn back into cells. Saved with the model (JSON), so a model encodes a new file of
 * the same columns exactly as the file it was trained on.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TableColumn.Numeric.class, name = "numeric"),
        @JsonSubTypes.Type(value = TableColumn.Categorical.class, name = "categorical"),
        @JsonSubTypes.Type(value = TableColumn.Label.class, name = "label")})
public sealed interface TableColumn {

    String name();

    /** Features this column contributes to a row. */
    int width();

    /** Writes this column's features for one cell at {@code out[f...]}; NaN for a missing cell. */
    void encode(String cell, char delimiter, float[] out, int f) throws NotANumber;

    /** The value a missing cell stands for, in scaled units, at {@code out[f...]}. */
    void neutral(float[] out, int f);

    /** The cell text for the features at {@code row[f...]}, in the file's units and notation. */
    String text(float[] row, int f);

    /** The names of this column's features. */
    List<String> featureNames();

    /** A numeric column's cell that is not a number. */
    final class NotANumber extends Exception {
        public NotANumber(String message) { super(message); }
    }

    /**
     * A number, one feature: scaled = (x - center) / scale. {@code mean} is in scaled units (the
     * value a missing cell stands for); {@code decimals} and {@code decimalComma} say how the
     * file writes its numbers, so filled cells look like the others.
     */
    record Numeric(String name, double center, double scale, double mean, int decimals, boolean decimalComma)
            implements TableColumn {
        public int width() { return 1; }

        public double scaled(double raw) { return (raw - center) / scale; }

        public double raw(double scaled) { return center + scale * scaled; }

        public void encode(String cell, char delimiter, float[] out, int f) throws NotANumber {
            if (TableCells.isMissing(cell)) {
                out[f] = Float.NaN;
                return;
            }
            double v = TableCells.number(cell, delimiter);
            if (Double.isNaN(v)) {
                throw new NotANumber("'" + cell + "' is not a number in a numeric column; mark missing cells with an empty cell, NA, NaN or ?");
            }
            out[f] = (float) scaled(v);
        }

        public void neutral(float[] out, int f) { out[f] = (float) mean; }

        public String text(float[] row, int f) { return TableCells.format(raw(row[f]), decimals, decimalComma); }

        public List<String> featureNames() { return List.of(name); }
    }

    /** Text values, one-hot: one feature per level; {@code frequencies} are each level's share of the present cells. */
    record Categorical(String name, List<String> levels, List<Double> frequencies) implements TableColumn {
        public Categorical {
            levels = List.copyOf(levels);
            frequencies = List.copyOf(frequencies);
        }

        public int width() { return levels.size(); }

        /** A level the model never saw carries nothing it can use: such a cell counts as missing. */
        public void encode(String cell, char delimiter, float[] out, int f) {
            int level = TableCells.isMissing(cell) ? -1 : levels.indexOf(cell);
            for (int l = 0; l < levels.size(); l++) out[f + l] = level < 0 ? Float.NaN : (l == level ? 1f : 0f);
        }

        public void neutral(float[] out, int f) {
            for (int l = 0; l < levels.size(); l++) out[f + l] = frequencies.get(l).floatValue();
        }

        /** The level with the highest output. */
        public String text(float[] row, int f) {
            int best = 0;
            for (int l = 1; l < levels.size(); l++) if (row[f + l] > row[f + best]) best = l;
            return levels.get(best);
        }

        public List<String> featureNames() { return levels.stream().map(l -> name + "=" + l).toList(); }
    }

    /** Kept aside: not a feature, used to colour plots and to score anomalies. */
    record Label(String name) implements TableColumn {
        public int width() { return 0; }

        public void encode(String cell, char delimiter, float[] out, int f) { }

        public void neutral(float[] out, int f) { }

        public String text(float[] row, int f) {
            throw new IllegalArgumentException("the label column '" + name + "' has no features to write");
        }

        public List<String> featureNames() { return List.of(); }
    }
}
