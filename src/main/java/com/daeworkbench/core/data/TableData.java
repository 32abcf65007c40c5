package com.daeworkbench.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A table file as a {@link Dataset}: rows shuffled with a seed, a tenth (at least one row) held out for validation. */
public final class TableData {
    private TableData() { }

    /** How to read a table file: header forced or detected (null), the label column (name or 1-based number, or null), the scaling. */
    public record Options(Boolean header, String label, Scaling scaling) {
        public static Options defaults() {
            return new Options(null, null, Scaling.STANDARD);
        }
    }

    public static boolean isTableFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv");
    }

    public static Dataset load(Path file, Options options, long seed) throws IOException {
        RawTable raw = TableReader.read(file, options.header());
        TableSchema schema = TableSchema.fit(raw, options.scaling(), options.label());
        return split(file.getFileName().toString(), schema, schema.encode(raw), seed);
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
        return new Dataset(name, train, test, null, null, schema);
    }
}
