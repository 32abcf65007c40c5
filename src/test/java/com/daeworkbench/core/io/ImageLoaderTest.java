package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
    @TempDir Path dir;

    static BufferedImage gradient(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int v = x * 255 / (w - 1);
            img.setRGB(x, y, 0xff000000 | v << 16 | v << 8 | v);
        }
        return img;
    }

    @Test
    void readsGrayColourSixteenBitAndPaletteImages() throws IOException {
        Path gray = dir.resolve("gray.png");
        ImageIO.write(gradient(BufferedImage.TYPE_BYTE_GRAY, 16, 4), "png", gray.toFile());
        GrayImage g = ImageLoader.loadGray(gray);
        assertThat(g.width()).isEqualTo(16);
        assertThat(g.pixels()[0]).isEqualTo(0f);
        assertThat(g.pixels()[15]).isEqualTo(1f);

        BufferedImage deep = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(1, 0, 0, 32768);
        deep.getRaster().setSample(2, 0, 0, 65535);
        Path d = dir.resolve("deep.png");
        ImageIO.write(deep, "png", d.toFile());
        float[] px = ImageLoader.loadGray(d).pixels();
        assertThat(px[1]).isCloseTo(32768f / 65535f, offset(1e-6f)); // 16-bit precision kept
        assertThat(px[2]).isEqualTo(1f);

        byte[] r = {(byte) 255, 0}, gg = {0, (byte) 255}, b = {0, 0};
        BufferedImage palette = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, r, gg, b));
        palette.getRaster().setSample(1, 0, 0, 1);
        Path p = dir.resolve("palette.gif");
        ImageIO.write(palette, "gif", p.toFile());
        float[] pal = ImageLoader.loadGray(p).pixels();
        assertThat(pal[0]).isCloseTo(0.299f, offset(0.01f)); // red
        assertThat(pal[1]).isCloseTo(0.587f, offset(0.01f)); // green

        Path jpg = dir.resolve("colour.jpg");
        ImageIO.write(gradient(BufferedImage.TYPE_INT_RGB, 32, 8), "jpg", jpg.toFile());
        assertThat(ImageLoader.loadGray(jpg).pixels()[31]).isGreaterThan(0.9f);
    }

    @Test
    void readsEveryPageOfAMultiPageTiff() throws IOException {
        Path tif = dir.resolve("pages.tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tif.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(gradient(BufferedImage.TYPE_BYTE_GRAY, 8, 8), null, null), (ImageWriteParam) null);
            writer.writeToSequence(new IIOImage(gradient(BufferedImage.TYPE_BYTE_GRAY, 6, 5), null, null), (ImageWriteParam) null);
            writer.endWriteSequence();
        }
        assertThat(ImageLoader.loadGray(tif).width()).isEqualTo(8);
        assertThat(ImageLoader.withPixelLimit(1000).loadAllPages(tif)).extracting(GrayImage::width).containsExactly(8, 6);
    }

    @Test
    void badFilesGiveOneLineNamingTheFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> ImageLoader.loadGray(empty)).isInstanceOf(DataException.class).hasMessage("empty.png: empty file");
        Path text = Files.writeString(dir.resolve("notes.png"), "hello, I am text");
        assertThatThrownBy(() -> ImageLoader.loadGray(text)).hasMessageStartingWith("notes.png: not an image");
        Path good = dir.resolve("good.png");
        ImageIO.write(gradient(BufferedImage.TYPE_BYTE_GRAY, 64, 64), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageLoader.loadGray(cut)).hasMessageStartingWith("cut.png: truncated or corrupt image");
        assertThatThrownBy(() -> ImageLoader.loadGray(dir.resolve("missing.png"))).hasMessage("missing.png: no such file");
        assertThatThrownBy(() -> ImageLoader.loadGray(dir)).hasMessageContaining("is a folder");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(60000, 60000));
        assertThatThrownBy(() -> ImageLoader.loadGray(bomb))
                .hasMessageContaining("bomb.png").hasMessageContaining("60000x60000").hasMessageContaining("over the limit");
    }

    @Test
    void nonAsciiNamesWork() throws IOException {
        Path f = dir.resolve("página-ß-文字.png");
        ImageIO.write(gradient(BufferedImage.TYPE_BYTE_GRAY, 4, 4), "png", f.toFile());
        assertThat(ImageLoader.loadGray(f).height()).isEqualTo(4);
    }

    /** A PNG signature and an IHDR chunk (correct CRC) declaring the size; no image data. */
    static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 0, 0, 0, 0});
        out.writeInt(13);
        out.write(chunk.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(chunk.toByteArray());
        out.writeInt((int) crc.getValue());
        return b.toByteArray();
    }
}
