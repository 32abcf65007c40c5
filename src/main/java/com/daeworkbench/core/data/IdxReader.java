package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** IDX files (MNIST's format), raw or gzipped: gzip is told by its magic bytes, not the name. */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final long MAX_VALUES = 1L << 31;

    private IdxReader() { }

    public static ImageSet readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DataException(file, String.format("wrong magic 0x%08X, expected 0x%08X (IDX images)", magic, IMAGES_MAGIC));
            }
            int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols >= MAX_VALUES) {
                throw new DataException(file, "implausible dimensions " + count + " x " + rows + " x " + cols);
            }
            byte[] bytes = readExactly(in, count * rows * cols, file, count + " images of " + rows + "x" + cols);
            float[] pixels = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) pixels[i] = (bytes[i] & 0xff) / 255f;
            return new ImageSet(count, rows, cols, pixels, null);
        } catch (EOFException e) {
            throw new DataException(file, "truncated IDX header");
        }
    }

    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DataException(file, String.format("wrong magic 0x%08X, expected 0x%08X (IDX labels)", magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            if (count < 0) throw new DataException(file, "negative label count " + count);
            byte[] bytes = readExactly(in, count, file, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) labels[i] = bytes[i] & 0xff;
            return labels;
        } catch (EOFException e) {
            throw new DataException(file, "truncated IDX header");
        }
    }

    private static byte[] readExactly(DataInputStream in, int n, Path file, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new DataException(file, "header promises " + what + " but the file ends after " + bytes.length + " of " + n + " bytes");
        }
        if (in.read() != -1) throw new DataException(file, "more data than the header's " + what);
        return bytes;
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new DataException(file, "no such file");
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }
}
