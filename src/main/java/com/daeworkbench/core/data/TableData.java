package com.daeworkbench.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A table file as a {@link Dataset}: rows shuffled with a seed, a tenth (at least one row) held out for validation. */
public final class TableData {
    private TableData() { }

    /**
     * How to read a table file: header forced or detected (null), the label column (name or
     * 1-based number, or null), the scaling, and a fraction of cells to hide (0: none) with its
     * seed: the cells an imputation is later scored on, which training then never sees.
     */
    public record Options(Boolean header, String label, Scaling scaling, double hide, long hideSeed) {
        public Options {
            if (!(hide >= 0 && hide < 1)) throw new IllegalArgumentException("the fraction of cells to hide must be in [0, 1), got " + hide);
        }

        public static Options defaults() {
            return new Options(null, null, Scaling.STANDARD, 0, 1);
        }

        /** How a run names the data: the file, and the hidden cells if any. */
        public String describe(Path file) {
            return file.getFileName() + (hide > 0 ? String.format(java.util.Locale.ROOT, " (%.0f%% of cells hidden, seed %d)",
                    100 * hide, hideSeed) : "");
        }
    }

    public static boolean isTableFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv");
    }

    public static Dataset load(Path file, Options options, long seed) throws IOException {
        RawTable raw = TableReader.read(file, options.header());
        if (options.hide() > 0) {
            // the label column is known only after the fit: fit once to find it, hide, then fit on what is left
            int label = TableSchema.fit(raw, options.scaling(), options.label()).labelColumn();
            raw = raw.hiding(options.hide(), options.hideSeed(), label);
        }
        TableSchema schema = TableSchema.fit(raw, options.scaling(), options.label());
        return split(options.describe(file), schema, schema.encode(raw), seed);
    }

    /** All rows as one set, in file order (for imputation and scoring). */
    public static ImageSet rows(TableSchema.Encoded e) {
        return new ImageSet(e.rows(), 1, e.features(), e.values(), e.labels());
    }

    static Dataset split(String name, TableSchema schema, TableSchema.Encoded e, long seed) {
        ImageSet all = rows(e);
        int[] order = Shuffle.permutation(e.rows(), new SplittableRandom(seed));
        int held = Math.max(1, e.rows() / 10);
        ImageSet test = all.select(java.util.Arrays.copyOfRange(order, 0, held));
        ImageSet train = all.select(java.util.Arrays.copyOfRange(order, held, order.length));
        return new Dataset(name, train, test, null, null, schema, e.labelNames());
    }
}
