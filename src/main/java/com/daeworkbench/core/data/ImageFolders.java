package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.model.ArchitectureSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of images as a data set: clean images only (noise is synthesised), or noisy/clean
 * pairs in {@code train/} + {@code train_cleaned/} matched by file name (Kaggle's "Denoising
 * Dirty Documents" layout). Large images are cut into random aligned patches; the train/test
 * split is by image, never by patch, so no page is in both.
 */
public final class ImageFolders {
    public static final int DEFAULT_PATCH = 64;
    public static final int DEFAULT_PATCHES_PER_IMAGE = 64;
    private static final List<String> EXTENSIONS = ImageLoader.EXTENSIONS;

    private ImageFolders() { }

    public static boolean hasPairs(Path dir) {
        return Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("train_cleaned"));
    }

    public static Dataset load(Path dir, int patchSize, int patchesPerImage, long seed) throws IOException {
        return load(dir, patchSize, patchesPerImage, seed, ArchitectureSpec.PageInput.RAW);
    }

    /** As {@link #load(Path, int, int, long)}, each noisy page put through {@code input} before it is cut. */
    public static Dataset load(Path dir, int patchSize, int patchesPerImage, long seed, ArchitectureSpec.PageInput input)
            throws IOException {
        if (!Files.isDirectory(dir)) throw new DataException(dir, "no such folder");
        if (patchSize < 8 || patchSize > 1024) throw new IllegalArgumentException("patch size must be in 8..1024, got " + patchSize);
        if (patchesPerImage < 1) throw new IllegalArgumentException("patches per image must be at least 1");
        List<Path[]> sources = new ArrayList<>();
        List<Path> notImages = new ArrayList<>();
        if (hasPairs(dir)) {
            Map<String, Path> noisy = byStem(images(dir.resolve("train"), notImages));
            Map<String, Path> clean = byStem(images(dir.resolve("train_cleaned"), notImages));
            List<String> unmatched = new ArrayList<>();
            noisy.keySet().stream().filter(k -> !clean.containsKey(k)).forEach(k -> unmatched.add("train/" + noisy.get(k).getFileName()));
            clean.keySet().stream().filter(k -> !noisy.containsKey(k)).forEach(k -> unmatched.add("train_cleaned/" + clean.get(k).getFileName()));
            if (!unmatched.isEmpty()) {
                throw new DataException(dir, unmatched.size() + " images have no partner of the same name, e.g. "
                        + unmatched.stream().limit(3).collect(Collectors.joining(", ")));
            }
            noisy.forEach((k, p) -> sources.add(new Path[] {p, clean.get(k)}));
        } else {
            for (Path p : images(dir, notImages)) sources.add(new Path[] {null, p});
        }
        if (sources.size() < 2) {
            String skipped = notImages.isEmpty() ? "" : "; not images, whatever their names: "
                    + notImages.stream().map(p -> dir.relativize(p).toString()).limit(3).collect(Collectors.joining(", "))
                    + (notImages.size() > 3 ? " and " + (notImages.size() - 3) + " more" : "");
            throw new DataException(dir, "needs at least 2 images (one to train on, one to validate), found " + sources.size() + skipped);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = Shuffle.permutation(sources.size(), random);
        int testCount = Math.max(1, sources.size() / 10);
        boolean pairs = sources.get(0)[0] != null;
        Patches train = new Patches(patchSize, pairs);
        Patches test = new Patches(patchSize, pairs);
        for (int k = 0; k < order.length; k++) {
            Path[] src = sources.get(order[k]);
            GrayImage clean = ImageLoader.loadGray(src[1]);
            GrayImage noisy = src[0] == null ? null : ImageLoader.loadGray(src[0]);
            if (noisy != null && (noisy.width() != clean.width() || noisy.height() != clean.height())) {
                throw new DataException(src[0], noisy.width() + "x" + noisy.height() + " but its clean partner is "
                        + clean.width() + "x" + clean.height());
            }
            (k < testCount ? test : train).cut(clean, prepared(noisy, input), patchesPerImage, random, src[1]);
        }
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        return new Dataset(name, train.clean(), test.clean(), train.noisy(), test.noisy());
    }

    /**
     * Cuts a data set of whole pages (noisy/clean pairs) into aligned random patches, split as
     * the pages were: for training on generated documents.
     */
    public static Dataset patches(Dataset pages, int patchSize, int patchesPerImage, long seed) {
        return patches(pages, patchSize, patchesPerImage, seed, ArchitectureSpec.PageInput.RAW);
    }

    /** As {@link #patches(Dataset, int, int, long)}, each noisy page put through {@code input} before it is cut. */
    public static Dataset patches(Dataset pages, int patchSize, int patchesPerImage, long seed, ArchitectureSpec.PageInput input) {
        SplittableRandom random = new SplittableRandom(seed);
        Patches train = new Patches(patchSize, pages.hasPairs());
        Patches test = new Patches(patchSize, pages.hasPairs());
        cutAll(pages.train(), pages.trainNoisy(), train, patchesPerImage, random, input);
        cutAll(pages.test(), pages.testNoisy(), test, patchesPerImage, random, input);
        return new Dataset(pages.name(), train.clean(), test.clean(), train.noisy(), test.noisy());
    }

    private static void cutAll(ImageSet clean, ImageSet noisy, Patches into, int perImage, SplittableRandom random,
                               ArchitectureSpec.PageInput input) {
        for (int i = 0; i < clean.count(); i++) {
            GrayImage c = new GrayImage(clean.width(), clean.height(), clean.image(i));
            GrayImage n = noisy == null ? null : new GrayImage(noisy.width(), noisy.height(), noisy.image(i));
            into.cut(c, prepared(n, input), perImage, random, null);
        }
    }

    /** A noisy page as a model with that page input sees it (whole pages, before cutting, as at inference). */
    static GrayImage prepared(GrayImage noisy, ArchitectureSpec.PageInput input) {
        if (noisy == null || input == ArchitectureSpec.PageInput.RAW) return noisy;
        return new GrayImage(noisy.width(), noisy.height(), PaperBackground.divide(noisy.pixels(), noisy.height(), noisy.width()));
    }

    /**
     * The images in a folder: by content, not by name (a text file called notes.png is not an
     * image and must not be counted as one); such files are listed in {@code notImages}.
     */
    private static List<Path> images(Path dir, List<Path> notImages) throws IOException {
        List<Path> named;
        try (Stream<Path> s = Files.list(dir)) {
            named = s.filter(Files::isRegularFile).filter(p -> EXTENSIONS.contains(extension(p))).sorted().toList();
        }
        List<Path> images = new ArrayList<>();
        for (Path p : named) (hasImageContent(p) ? images : notImages).add(p);
        return images;
    }

    /** Whether one of ImageIO's readers recognises the file's first bytes; reads only the header. */
    static boolean hasImageContent(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Path> byStem(List<Path> files) {
        Map<String, Path> m = new TreeMap<>();
        for (Path p : files) {
            String n = p.getFileName().toString();
            m.put(n.substring(0, n.lastIndexOf('.')), p);
        }
        return m;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Collects same-size patches; images smaller than a patch are padded with white (paper). */
    private static final class Patches {
        final int size;
        final boolean pairs;
        final List<float[]> clean = new ArrayList<>();
        final List<float[]> noisy = new ArrayList<>();

        Patches(int size, boolean pairs) {
            this.size = size;
            this.pairs = pairs;
        }

        void cut(GrayImage c, GrayImage n, int count, SplittableRandom random, Path file) {
            int w = c.width(), h = c.height();
            boolean whole = w <= size && h <= size;
            int times = whole ? 1 : count;
            for (int k = 0; k < times; k++) {
                int x0 = w <= size ? 0 : random.nextInt(w - size + 1);
                int y0 = h <= size ? 0 : random.nextInt(h - size + 1);
                clean.add(crop(c, x0, y0));
                if (pairs) noisy.add(crop(n, x0, y0));
            }
        }

        float[] crop(GrayImage img, int x0, int y0) {
            float[] out = new float[size * size];
            java.util.Arrays.fill(out, 1f);
            for (int y = 0; y < size && y0 + y < img.height(); y++) {
                int len = Math.min(size, img.width() - x0);
                System.arraycopy(img.pixels(), (y0 + y) * img.width() + x0, out, y * size, len);
            }
            return out;
        }

        ImageSet clean() { return stack(clean); }

        ImageSet noisy() { return pairs ? stack(noisy) : null; }

        ImageSet stack(List<float[]> list) {
            float[] all = new float[list.size() * size * size];
            for (int i = 0; i < list.size(); i++) System.arraycopy(list.get(i), 0, all, i * size * size, size * size);
            return new ImageSet(list.size(), size, size, all, null);
        }
    }
}
