package com.daeworkbench.core.data;

/**
 * A train/test split. When {@code trainNoisy}/{@code testNoisy} are present the data set is
 * made of real noisy/clean pairs (aligned index by index with {@code train}/{@code test}) and
 * no noise is synthesised; otherwise a {@code Corruption} makes the noisy side.
 */
public record Dataset(String name, ImageSet train, ImageSet test, ImageSet trainNoisy, ImageSet testNoisy) {

    public Dataset {
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

    public static Dataset clean(String name, ImageSet train, ImageSet test) {
        return new Dataset(name, train, test, null, null);
    }

    public boolean hasPairs() { return trainNoisy != null; }
    public int height() { return train.height(); }
    public int width() { return train.width(); }
}
