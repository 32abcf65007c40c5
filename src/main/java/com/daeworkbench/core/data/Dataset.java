package com.daeworkbench.core.data;

import java.util.List;

/**
 * A train/test split. When {@code trainNoisy}/{@code testNoisy} are present the data set is
 * made of real noisy/clean pairs (aligned index by index with {@code train}/{@code test}) and
 * no noise is synthesised; otherwise a {@code Corruption} makes the noisy side.
 *
 * <p>A table is a data set too: each row an {@code ImageSet} "image" of 1 x features, scaled
 * values, NaN where a cell is missing; {@code table} then says how the file's columns were
 * encoded (null for images), and {@link #shape()} tells the two apart.
 */
public record Dataset(String name, ImageSet train, ImageSet test, ImageSet trainNoisy, ImageSet testNoisy, TableSchema table,
                      List<String> labelNames) {

    public Dataset {
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException(name + ": train and test images differ in size");
        }
        if ((trainNoisy == null) != (testNoisy == null)) {
            throw new IllegalArgumentException(name + ": noisy images for only one split");
        }
        if (trainNoisy != null && (trainNoisy.count() != train.count() || testNoisy.count() != test.count())) {
            throw new IllegalArgumentException(name + ": noisy and clean counts differ");
        }
    }

    public Dataset(String name, ImageSet train, ImageSet test, ImageSet trainNoisy, ImageSet testNoisy) {
        this(name, train, test, trainNoisy, testNoisy, null, List.of());
    }

    /** A label's name as the file spells it (a table's label column), else "label N". */
    public String labelName(int label) {
        return label >= 0 && label < labelNames.size() ? labelNames.get(label) : "label " + label;
    }

    public static Dataset clean(String name, ImageSet train, ImageSet test) {
        return new Dataset(name, train, test, null, null);
    }

    public boolean hasPairs() { return trainNoisy != null; }

    public SampleShape shape() {
        return table != null ? new SampleShape.Features(table.features()) : new SampleShape.Image(height(), width(), 1);
    }
    public int height() { return train.height(); }
    public int width() { return train.width(); }
}
