package com.daeworkbench.core.data;

/**
 * What one sample of a data set is: an image, or a row of a table as a vector of features.
 * Everything that depends on the kind of data (metrics, corruptions, previews) switches on
 * this type, so a new shape is a compile error at each place that must handle it.
 */
public sealed interface SampleShape {

    /** Values per sample, as the network sees them. */
    int size();

    /** The one exhaustive dispatch on the shape (Java 17 has no pattern switch): each place that depends on it names both cases. */
    <R> R match(java.util.function.Function<Image, R> image, java.util.function.Function<Features, R> features);

    /** A grayscale (channels 1) or colour image. */
    record Image(int height, int width, int channels) implements SampleShape {
        public int size() { return height * width * channels; }

        public <R> R match(java.util.function.Function<Image, R> image, java.util.function.Function<Features, R> features) {
            return image.apply(this);
        }
    }

    /** A row of a table: {@code count} encoded features (numbers scaled, categories one-hot). */
    record Features(int count) implements SampleShape {
        public int size() { return count; }

        public <R> R match(java.util.function.Function<Image, R> image, java.util.function.Function<Features, R> features) {
            return features.apply(this);
        }
    }
}
