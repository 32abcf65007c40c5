package com.daeworkbench.testing;

import com.daeworkbench.core.data.BundledDigits;
import com.daeworkbench.core.data.ImageSet;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small IDX folder cut from the bundled digits, so tests that train take seconds. */
public final class TinyDigits {
    private TinyDigits() { }

    public static Path idxFolder(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        ImageSet digits = BundledDigits.load().train();
        writeIdx(dir.resolve("train-images-idx3-ubyte"), digits.slice(0, train));
        writeIdx(dir.resolve("t10k-images-idx3-ubyte"), digits.slice(train, train + test));
        return dir;
    }

    public static void writeIdx(Path file, ImageSet images) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x803);
            out.writeInt(images.count());
            out.writeInt(images.height());
            out.writeInt(images.width());
            for (float v : images.pixels()) out.writeByte(Math.round(v * 255));
        }
    }
}
