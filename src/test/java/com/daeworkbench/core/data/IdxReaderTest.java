package com.daeworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.daeworkbench.core.io.DataException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    static byte[] images(int magic, int count, int rows, int cols, int pixelBytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < pixelBytes; i++) out.writeByte(i * 51 % 256);
        return b.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        }
        return b.toByteArray();
    }

    @Test
    void readsRawAndGzippedImagesTheSame() throws IOException {
        byte[] raw = images(0x803, 2, 2, 3, 12);
        Files.write(dir.resolve("raw-idx3-ubyte"), raw);
        Files.write(dir.resolve("packed.gz"), gzip(raw));
        ImageSet a = IdxReader.readImages(dir.resolve("raw-idx3-ubyte"));
        ImageSet b = IdxReader.readImages(dir.resolve("packed.gz"));
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.height()).isEqualTo(2);
        assertThat(a.width()).isEqualTo(3);
        assertThat(a.pixels()[1]).isEqualTo(51 / 255f);
        assertThat(a.pixels()[5]).isEqualTo(255 / 255f);
        assertThat(b.pixels()).containsExactly(a.pixels());
    }

    @Test
    void wrongMagicAndWrongLengthAreNamed() throws IOException {
        Files.write(dir.resolve("bad-magic"), images(0x801, 1, 2, 2, 4));
        assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("bad-magic")))
                .isInstanceOf(DataException.class).hasMessageContaining("bad-magic").hasMessageContaining("wrong magic 0x00000801");
        Files.write(dir.resolve("short"), images(0x803, 3, 2, 2, 5));
        assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("short")))
                .hasMessageContaining("short").hasMessageContaining("ends after 5 of 12 bytes");
        Files.write(dir.resolve("long"), images(0x803, 1, 2, 2, 6));
        assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("long"))).hasMessageContaining("more data than");
        Files.write(dir.resolve("tiny"), new byte[] {0, 0, 8});
        assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("tiny"))).hasMessageContaining("truncated IDX header");
    }

    @Test
    void aFolderOfIdxFilesBecomesADatasetWithLabels() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(0x803, 3, 2, 2, 12)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(0x803, 2, 2, 2, 8));
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(labels);
        out.writeInt(0x801);
        out.writeInt(3);
        out.write(new byte[] {7, 1, 9});
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.toByteArray());
        Dataset d = IdxDatasets.load(dir, "toy");
        assertThat(d.train().count()).isEqualTo(3);
        assertThat(d.test().count()).isEqualTo(2);
        assertThat(d.train().label(2)).isEqualTo(9);
        assertThat(d.test().hasLabels()).isFalse();
    }

    @Test
    void bundledDigitsAreTenThousandSplitEightToTwo() {
        Dataset d = BundledDigits.load();
        assertThat(d.train().count()).isEqualTo(8000);
        assertThat(d.test().count()).isEqualTo(2000);
        assertThat(d.height()).isEqualTo(28);
        java.util.Set<Integer> testLabels = new java.util.HashSet<>();
        for (int i = 0; i < d.test().count(); i++) testLabels.add(d.test().label(i));
        assertThat(testLabels).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        double mean = 0;
        for (float v : d.train().pixels()) mean += v;
        mean /= d.train().pixels().length;
        assertThat(mean).isBetween(0.10, 0.16); // MNIST's mean intensity is about 0.13
        assertThat(BundledDigits.load()).isSameAs(d);
    }
}
