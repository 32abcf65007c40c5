package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** A folder of IDX files: MNIST, Fashion-MNIST, EMNIST naming; labels optional. */
public final class IdxDatasets {
    public static final int DEFAULT_MAX_TEST = 2000;

    private IdxDatasets() { }

    public static boolean looksLikeIdxFolder(Path dir) {
        return find(dir, "train", "images").isPresent();
    }

    public static Dataset load(Path dir, String name) throws IOException {
        return load(dir, name, DEFAULT_MAX_TEST);
    }

    /** @param maxTest the first images of the test file to keep (the reference uses 2,000); 0 keeps all */
    public static Dataset load(Path dir, String name, int maxTest) throws IOException {
        Path trainImages = find(dir, "train", "images").orElseThrow(() -> new DataException(dir, "no train-images-idx3-ubyte[.gz] in this folder"));
        Path testImages = find(dir, "t10k", "images").or(() -> find(dir, "test", "images"))
                .orElseThrow(() -> new DataException(dir, "no t10k-images-idx3-ubyte[.gz] (or *-test-images-*) in this folder"));
        ImageSet train = withLabels(IdxReader.readImages(trainImages), find(dir, "train", "labels"));
        ImageSet test = withLabels(IdxReader.readImages(testImages), find(dir, "t10k", "labels").or(() -> find(dir, "test", "labels")));
        if (maxTest > 0 && test.count() > maxTest) test = test.slice(0, maxTest);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DataException(dir, "train images are " + train.height() + "x" + train.width() + " but test images are "
                    + test.height() + "x" + test.width());
        }
        return Dataset.clean(name, train, test);
    }

    private static ImageSet withLabels(ImageSet images, Optional<Path> labelFile) throws IOException {
        if (labelFile.isEmpty()) return images;
        int[] labels = IdxReader.readLabels(labelFile.get());
        if (labels.length != images.count()) {
            throw new DataException(labelFile.get(), labels.length + " labels for " + images.count() + " images");
        }
        return new ImageSet(images.count(), images.height(), images.width(), images.pixels(), labels);
    }

    /** Files named like train-images-idx3-ubyte(.gz), emnist-digits-train-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte. */
    static Optional<Path> find(Path dir, String split, String kind) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.startsWith(split + "-" + kind) || n.contains("-" + split + "-" + kind))
                        && n.contains(kind.equals("images") ? "idx3" : "idx1");
            }).sorted().toList();
            return matches.stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
