package com.daeworkbench.core.data;

import com.daeworkbench.core.data.DocumentGenerator.Settings;
import com.daeworkbench.core.io.AtomicFiles;
import com.daeworkbench.core.io.GrayImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Many generated document pages: in memory as aligned clean/dirty {@link ImageSet}s, or on
 * disk in the Kaggle "Denoising Dirty Documents" layout ({@code train/NNN.png} dirty,
 * {@code train_cleaned/NNN.png} clean). Page {@code i} of a set is the same whether the set
 * is generated or written, and whatever the count: its seed depends only on the set's seed
 * and {@code i}.
 */
public record DocumentSet(ImageSet clean, ImageSet dirty) {

    public static final int MAX_COUNT = 100_000;
    public static final String DIRTY_DIR = "train";
    public static final String CLEAN_DIR = "train_cleaned";

    /** File format of the dirty pages; clean pages are always PNG (a target must be lossless). */
    public enum DirtyFormat {
        /** 8-bit gray PNG, lossless: the Kaggle layout. */
        PNG("png"),
        /** Baseline JPEG at quality 90, like many real scans; a tenth of the size for full pages. */
        JPEG("jpg");

        private final String extension;

        DirtyFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** Told after each page written: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void pageDone(int done, int total);
    }

    public DocumentSet {
        if (clean.count() != dirty.count() || clean.width() != dirty.width() || clean.height() != dirty.height()) {
            throw new IllegalArgumentException("clean and dirty sets differ in shape");
        }
    }

    public int count() {
        return clean.count();
    }

    /** The clean pages as training targets and the dirty ones as inputs: the first {@code testCount} pages are the test split. */
    public Dataset toDataset(String name, int testCount) {
        if (testCount < 1 || testCount >= count()) {
            throw new IllegalArgumentException("test count must be 1.." + (count() - 1) + ", got " + testCount);
        }
        return new Dataset(name, clean.slice(testCount, count()), clean.slice(0, testCount),
                dirty.slice(testCount, count()), dirty.slice(0, testCount));
    }

    /** The seed of page {@code index} of a set made with {@code seed} (SplitMix64 of both). */
    public static long pageSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Generates {@code count} pages in memory, in parallel (each page is deterministic, so the
     * result does not depend on the thread count). Memory: 8 bytes per pixel per page.
     */
    public static DocumentSet generate(int count, long seed, Settings settings) {
        checkCount(count);
        DocumentGenerator gen = new DocumentGenerator(settings);
        int w = settings.width();
        int h = settings.height();
        long n = (long) w * h;
        if (n * count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " pages of " + w + "x" + h + " do not fit in one array;"
                    + " generate fewer at a time or write them to disk");
        }
        float[] clean = new float[(int) (n * count)];
        float[] dirty = new float[(int) (n * count)];
        IntStream.range(0, count).parallel().forEach(i -> {
            DocumentPair p = gen.generate(pageSeed(seed, i));
            System.arraycopy(p.clean(), 0, clean, (int) (i * n), (int) n);
            System.arraycopy(p.dirty(), 0, dirty, (int) (i * n), (int) n);
        });
        return new DocumentSet(new ImageSet(count, h, w, clean, null), new ImageSet(count, h, w, dirty, null));
    }

    /** {@link #write(Path, int, long, Settings, boolean, Progress)} refusing to overwrite, without progress. */
    public static List<Path> write(Path outDir, int count, long seed, Settings settings) throws IOException {
        return write(outDir, count, seed, settings, false, null);
    }

    /**
     * Writes {@code count} pages as 8-bit gray PNGs: {@code outDir/train/NNN.png} (dirty) and
     * {@code outDir/train_cleaned/NNN.png} (clean), numbered from 1 and zero-padded to at least
     * three digits. Each file appears whole or not at all (written to a temporary file in the
     * same folder, then atomically renamed). Refuses a non-empty {@code train/} unless
     * {@code overwrite}, in which case earlier numbered pages in both folders are removed first
     * so the folders never mix two sets.
     *
     * @return the dirty page paths, in order
     */
    public static List<Path> write(Path outDir, int count, long seed, Settings settings, boolean overwrite,
                                   Progress progress) throws IOException {
        return write(outDir, count, seed, settings, overwrite, DirtyFormat.PNG, progress);
    }

    /** As {@link #write(Path, int, long, Settings, boolean, Progress)}, the dirty pages in the given format. */
    public static List<Path> write(Path outDir, int count, long seed, Settings settings, boolean overwrite,
                                   DirtyFormat dirtyFormat, Progress progress) throws IOException {
        DocumentGenerator gen = new DocumentGenerator(settings);
        return write(outDir, count, seed, (index, pageSeed) -> gen.generate(pageSeed), overwrite, dirtyFormat, progress);
    }

    /**
     * As {@link #write(Path, int, long, Settings, boolean, DirtyFormat, Progress)}, each page a
     * dirty copy of a crop of one of {@code scans} (in turn): real clean scans, generated dirt
     * ({@link DocumentGenerator#soil}).
     */
    public static List<Path> writeSoiled(Path outDir, int count, long seed, Settings settings, List<GrayImage> scans,
                                         boolean overwrite, DirtyFormat dirtyFormat, Progress progress) throws IOException {
        if (scans.isEmpty()) throw new IllegalArgumentException("no scans to soil");
        DocumentGenerator gen = new DocumentGenerator(settings);
        return write(outDir, count, seed, (index, pageSeed) -> gen.soil(scans.get(index % scans.size()), pageSeed),
                overwrite, dirtyFormat, progress);
    }

    /** Page {@code index} of a set, made from its own seed. */
    @FunctionalInterface
    private interface PageMaker {
        DocumentPair page(int index, long pageSeed);
    }

    private static List<Path> write(Path outDir, int count, long seed, PageMaker pages,
                                    boolean overwrite, DirtyFormat dirtyFormat, Progress progress) throws IOException {
        checkCount(count);
        Path dirtyDir = outDir.resolve(DIRTY_DIR);
        Path cleanDir = outDir.resolve(CLEAN_DIR);
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IOException(outDir + " exists and is not a folder");
        }
        if (!isEmptyOrMissing(dirtyDir)) {
            if (!overwrite) {
                throw new IOException(dirtyDir + " is not empty; choose another folder or allow overwriting");
            }
            deleteNumberedPages(dirtyDir);
            deleteNumberedPages(cleanDir);
        } else if (overwrite && Files.isDirectory(cleanDir)) {
            deleteNumberedPages(cleanDir);
        }
        Files.createDirectories(dirtyDir);
        Files.createDirectories(cleanDir);

        int digits = Math.max(3, Integer.toString(count).length());
        List<Path> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DocumentPair p = pages.page(i, pageSeed(seed, i));
            String stem = String.format("%0" + digits + "d", i + 1);
            writeAtomically(p.cleanImage(), cleanDir.resolve(stem + ".png"), DirtyFormat.PNG);
            Path dirtyPath = dirtyDir.resolve(stem + "." + dirtyFormat.extension());
            writeAtomically(p.dirtyImage(), dirtyPath, dirtyFormat);
            written.add(dirtyPath);
            if (progress != null) progress.pageDone(i + 1, count);
        }
        return written;
    }

    /** Through {@link AtomicFiles}: readers never see half a file, a failure leaves none. */
    static void writeAtomically(BufferedImage img, Path target, DirtyFormat format) throws IOException {
        AtomicFiles.write(target, out -> {
            if (format == DirtyFormat.JPEG) {
                writeJpeg(img, out, 0.9f);
            } else if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void writeJpeg(BufferedImage img, java.io.OutputStream file, float quality) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IOException("no JPEG writer available");
        ImageWriter writer = it.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", got " + count);
        }
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) return true;
        if (!Files.isDirectory(dir)) throw new IOException(dir + " exists and is not a folder");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Removes only files named like our pages (digits + ".png" or ".jpg") and our leftover temporaries. */
    private static void deleteNumberedPages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.matches("\\d+\\.(png|jpg)") || n.matches("\\.\\d+\\.(png|jpg).*\\.tmp")) Files.deleteIfExists(p);
            }
        }
    }
}
