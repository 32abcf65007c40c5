package com.daeworkbench.core.infer;

import com.daeworkbench.core.data.DocumentSet;
import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.metrics.ClassicFilters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Whole-page scores on a Kaggle-layout folder (train/ dirty, train_cleaned/ clean): RMSE on a
 * 0-1 scale, as that competition scored, of the model's output and of three references a
 * reader would try first: the dirty page itself, a 3x3 median filter, and background
 * removal (divide by a large-median estimate of the paper, push what is near white to white).
 */
public final class PageEvaluation {
    /** what "near white" means for the background-removal baseline, after dividing by the paper */
    static final float WHITE_THRESHOLD = 0.85f;

    private PageEvaluation() { }

    public record PageScore(String page, int width, int height, Map<String, Double> rmse) { }

    public record Report(List<PageScore> pages, Map<String, Double> meanRmse, double seconds) {
        /** RMSE over every pixel of every page (what Kaggle's leaderboard reported). */
        public double overall(String method) {
            return meanRmse.get(method);
        }
    }

    public static final String DIRTY = "dirty input";
    public static final String MEDIAN = "median 3x3";
    public static final String BACKGROUND = "background removal";
    public static final String MODEL = "model";

    public static Report evaluate(TiledDenoiser denoiser, Path folder, BooleanSupplier cancelled) throws IOException {
        Path dirtyDir = folder.resolve(DocumentSet.DIRTY_DIR);
        Path cleanDir = folder.resolve(DocumentSet.CLEAN_DIR);
        // a path the user typed that is not there is named as typed, not by its last part
        if (!Files.exists(folder)) throw new DataException(folder + ": no such folder");
        if (!Files.isDirectory(dirtyDir) || !Files.isDirectory(cleanDir)) {
            throw new DataException(folder, "needs " + DocumentSet.DIRTY_DIR + "/ and " + DocumentSet.CLEAN_DIR + "/ folders of page pairs");
        }
        List<Path> pages;
        try (Stream<Path> s = Files.list(dirtyDir)) {
            pages = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (pages.isEmpty()) throw new DataException(dirtyDir, "holds no pages");
        long t0 = System.nanoTime();
        List<PageScore> scores = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        long pixels = 0;
        for (Path dirtyFile : pages) {
            if (cancelled.getAsBoolean()) throw new TiledDenoiser.CancelledException();
            Path cleanFile = matching(cleanDir, dirtyFile);
            GrayImage dirty = ImageLoader.loadGray(dirtyFile);
            GrayImage clean = ImageLoader.loadGray(cleanFile);
            if (dirty.width() != clean.width() || dirty.height() != clean.height()) {
                throw new DataException(cleanFile, "is " + clean.width() + "x" + clean.height() + " but its dirty page is "
                        + dirty.width() + "x" + dirty.height());
            }
            int h = dirty.height(), w = dirty.width();
            Map<String, float[]> outputs = new LinkedHashMap<>();
            outputs.put(DIRTY, dirty.pixels());
            outputs.put(MEDIAN, ClassicFilters.median(dirty.pixels(), h, w, 3));
            outputs.put(BACKGROUND, backgroundRemoval(dirty.pixels(), h, w));
            outputs.put(MODEL, denoiser.denoise(dirty.pixels(), h, w));
            Map<String, Double> rmse = new LinkedHashMap<>();
            for (Map.Entry<String, float[]> e : outputs.entrySet()) {
                double sq = squaredError(clean.pixels(), e.getValue());
                sums.computeIfAbsent(e.getKey(), k -> new double[1])[0] += sq;
                rmse.put(e.getKey(), Math.sqrt(sq / clean.pixels().length));
            }
            pixels += clean.pixels().length;
            scores.add(new PageScore(dirtyFile.getFileName().toString(), w, h, rmse));
        }
        Map<String, Double> overall = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) overall.put(e.getKey(), Math.sqrt(e.getValue()[0] / pixels));
        return new Report(scores, overall, (System.nanoTime() - t0) / 1e9);
    }

    private static Path matching(Path cleanDir, Path dirtyFile) throws DataException {
        String name = dirtyFile.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String ext : ImageLoader.EXTENSIONS) {
            Path p = cleanDir.resolve(stem + "." + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw new DataException(dirtyFile, "has no clean page named " + stem + ".* in " + cleanDir);
    }

    private static double squaredError(float[] clean, float[] estimate) {
        double sum = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = clean[i] - estimate[i];
            sum += d * d;
        }
        return sum;
    }

    /**
     * The classic non-learned cleaner: estimate the paper as a wide median (on a quarter-size
     * copy, for speed), divide it out to flatten stains and uneven light, and set what is then
     * near white to white.
     */
    public static float[] backgroundRemoval(float[] img, int h, int w) {
        int sh = Math.max(1, h / 4), sw = Math.max(1, w / 4);
        float[] small = new float[sh * sw];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) small[y * sw + x] = img[Math.min(h - 1, y * 4) * w + Math.min(w - 1, x * 4)];
        }
        float[] paperSmall = ClassicFilters.median(small, sh, sw, 7);
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float paper = paperSmall[Math.min(sh - 1, y / 4) * sw + Math.min(sw - 1, x / 4)];
                float v = Math.min(1f, img[y * w + x] / Math.max(paper, 1e-3f));
                out[y * w + x] = v >= WHITE_THRESHOLD ? 1f : v;
            }
        }
        return out;
    }
}
