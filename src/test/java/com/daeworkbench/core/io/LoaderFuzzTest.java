package com.daeworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated bytes into the image and model loaders, seeded and bounded: every case must end in
 * a valid result or a one-line error naming the file, never another exception or a hang.
 */
class LoaderFuzzTest {
    static final int CASES_PER_FORMAT = 150;
    @TempDir Path dir;

    static byte[] seedImage(String format) throws IOException {
        BufferedImage img = new BufferedImage(24, 16, format.equals("jpg") ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) for (int x = 0; x < 24; x++) img.setRGB(x, y, ((x * 10) & 0xff) * 0x010101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** Flips, overwrites, truncates or splices, as a fuzzer's simplest mutators do. */
    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        switch (r.nextInt(4)) {
            case 0 -> { for (int k = 0; k < 1 + r.nextInt(8); k++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8)); }
            case 1 -> { for (int k = 0; k < 1 + r.nextInt(4); k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256); }
            case 2 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            default -> {
                int at = r.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + r.nextInt(16));
                for (int k = 0; k < len; k++) b[at + k] = (byte) (r.nextBoolean() ? 0xff : 0);
            }
        }
        return b;
    }

    @Test
    void mutatedImagesGiveAnImageOrAnErrorNamingTheFile() throws IOException {
        List<String> unexpected = new ArrayList<>();
        int valid = 0, refused = 0;
        SplittableRandom r = new SplittableRandom(20261124);
        for (String format : new String[] {"png", "jpg", "bmp", "gif", "tiff"}) {
            byte[] seed = seedImage(format);
            for (int i = 0; i < CASES_PER_FORMAT; i++) {
                Path f = Files.write(dir.resolve("case-" + format + "-" + i + "." + format), mutate(seed, r));
                try {
                    GrayImage img = ImageLoader.withPixelLimit(50_000_000).load(f);
                    assertThat(img.pixels()).hasSize(img.width() * img.height());
                    for (float v : img.pixels()) assertThat(v).isBetween(0f, 1f);
                    valid++;
                } catch (DataException e) {
                    checkWording(f, e, unexpected);
                    refused++;
                } catch (Throwable t) {
                    unexpected.add(f.getFileName() + ": " + t);
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(valid + refused).isEqualTo(5 * CASES_PER_FORMAT);
        assertThat(refused).isPositive();
    }

    @Test
    void mutatedScannerFormatsGiveAnImageOrAnErrorNamingTheFile() throws IOException {
        List<String> unexpected = new ArrayList<>();
        int refused = 0;
        SplittableRandom r = new SplittableRandom(20261202);
        List<String> seeds = List.of("gray.pgm", "bw.pbm", "lossless.webp", "lossy.webp", "flat.psd", "g4.tif", "jpeg.tif", "scan.pdf");
        for (String seedName : seeds) {
            byte[] seed = Files.readAllBytes(Path.of("src/test/resources/formats").resolve(seedName));
            for (int i = 0; i < CASES_PER_FORMAT / 3; i++) {
                Path f = Files.write(dir.resolve("case-" + i + "-" + seedName), mutate(seed, r));
                try (PageSource pages = ImageLoader.withPixelLimit(50_000_000).open(f)) {
                    for (int page = 0; page < pages.pageCount(); page++) {
                        GrayImage img = pages.read(page).image();
                        for (float v : img.pixels()) assertThat(v).isBetween(0f, 1f);
                    }
                } catch (DataException e) {
                    checkWording(f, e, unexpected);
                    refused++;
                } catch (Throwable t) {
                    unexpected.add(f.getFileName() + ": " + t);
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(refused).isPositive();
    }

    @Test
    void mutatedModelFilesLoadOrGiveAnErrorNamingTheFile() throws IOException {
        Path good = dir.resolve("good.dae");
        ArchitectureSpec d = ArchitectureSpec.defaults(ArchitectureSpec.Kind.DENSE, 6, 6);
        try (DenoisingModel m = Models.create(new ArchitectureSpec(d.kind(), 6, 6, 1, 8, 4, d.activation(), d.loss(), d.optimizer(), 1e-3, 4, 0, 1))) {
            ModelStore.save(good, m, ModelInfo.of("gaussian:0.5", "digits", 1, Map.of()));
        }
        byte[] seed = Files.readAllBytes(good);
        SplittableRandom r = new SplittableRandom(7);
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Path f = Files.write(dir.resolve("model-" + i + ".dae"), mutate(seed, r));
            try (DenoisingModel ignored = ModelStore.load(f).model()) {
                // a mutation that left the model usable: fine
            } catch (IOException e) {
                if (!e.getMessage().startsWith(f.getFileName().toString())) unexpected.add(f.getFileName() + ": " + e.getMessage());
            } catch (Throwable t) {
                unexpected.add(f.getFileName() + ": " + t);
            }
        }
        assertThat(unexpected).isEmpty();
    }

    /** A refusal is one line that starts with the file's name. */
    private static void checkWording(Path f, DataException e, List<String> unexpected) {
        if (!e.getMessage().startsWith(f.getFileName().toString()) || e.getMessage().contains("\n")) {
            unexpected.add(f.getFileName() + ": badly worded error: " + e.getMessage());
        }
    }
}
