package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.DocumentGenerator;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateDocumentsCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void countZeroFailsWithTheValidRange() {
        int rc = run("generate-documents", "--count", "0", "--out", tmp.toString());
        assertThat(rc).isNotZero();
        assertThat(err.toString()).contains("--count must be between 1 and 100000, got 0");
        assertThat(tmp.resolve("train")).doesNotExist();
    }

    @Test
    void badSizeAndConflictingOptionsFail() {
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--width", "5")).isNotZero();
        assertThat(err.toString()).contains("--width must be between 32 and 12000");
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--a4", "--width", "600")).isNotZero();
        assertThat(err.toString()).contains("--a4");
    }

    @Test
    void inkGainOutOfRangeOrOnRealScansFailsWithTheReason() {
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--ink-gain", "7")).isNotZero();
        assertThat(err.toString()).contains("--ink-gain must be between 0 and 3.0, got 7.0");
        Path scan = Path.of("sample-images/real/hebtypo-scan.jpg");
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.resolve("o").toString(), "--soil", scan.toString(),
                "--ink-gain", "1")).isNotZero();
        assertThat(err.toString()).contains("--soil pages are real scans");
        assertThat(tmp.resolve("o/train")).doesNotExist();
    }

    @Test
    void watermarkShareOutOfRangeFailsWithTheReason() {
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--watermarks", "1.5")).isNotZero();
        assertThat(err.toString()).contains("--watermarks must be between 0 and 1, got 1.5");
        assertThat(tmp.resolve("train")).doesNotExist();
    }

    @Test
    void figureShareOutOfRangeOrOnRealScansFailsWithTheReason() {
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--figures", "-0.5")).isNotZero();
        assertThat(err.toString()).contains("--figures must be between 0 and 1, got -0.5");
        assertThat(tmp.resolve("train")).doesNotExist();
        Path scan = Path.of("sample-images/real/hebtypo-scan.jpg");
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.resolve("o").toString(), "--soil", scan.toString(),
                "--figures", "0.5")).isNotZero();
        assertThat(err.toString()).contains("--figures adds figures to typeset pages; --soil pages are real scans");
        assertThat(tmp.resolve("o/train")).doesNotExist();
    }

    @Test
    void writesPagesAndEndsWithJson() throws Exception {
        int rc = run("generate-documents", "--count", "2", "--out", tmp.toString(), "--seed", "3",
                "--width", "128", "--height", "96", "--json");
        assertThat(rc).as(err.toString()).isZero();
        assertThat(tmp.resolve("train/001.png")).exists();
        assertThat(tmp.resolve("train_cleaned/002.png")).exists();
        String[] lines = out.toString().strip().split("\\R");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(json.get("count").asInt()).isEqualTo(2);
        assertThat(json.get("out").asText()).isEqualTo(tmp.toAbsolutePath().normalize().toString());
        assertThat(json.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(err.toString()).contains("2/2 pages")
                .contains("text in " + DocumentGenerator.fontFamilies().size() + " font families");

        // a second run into the same folder is refused without --overwrite
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString())).isNotZero();
        assertThat(err.toString()).contains("--overwrite");
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--overwrite",
                "--width", "64", "--height", "64")).isZero();
        try (var s = Files.list(tmp.resolve("train"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void soilsCropsOfTheRealScanAndKeepsTheCropAsTheCleanPage() throws Exception {
        Path scan = Path.of("sample-images/real/hebtypo-scan.jpg");
        Path set = tmp.resolve("soiled");
        int rc = run("generate-documents", "--count", "3", "--seed", "5", "--dpi", "200", "--width", "300",
                "--height", "200", "--soil", scan.toString(), "--out", set.toString());
        assertThat(rc).as(err.toString()).isZero();
        GrayImage whole = ImageLoader.loadGray(scan);
        for (int page = 1; page <= 3; page++) {
            GrayImage clean = ImageLoader.loadGray(set.resolve("train_cleaned/00" + page + ".png"));
            GrayImage dirty = ImageLoader.loadGray(set.resolve("train/00" + page + ".png"));
            assertThat(clean.width()).isEqualTo(300);
            assertThat(dirty.height()).isEqualTo(200);
            assertThat(isCropOf(clean, whole)).as("page %d's clean page is a crop of the scan", page).isTrue();
            assertThat(mean(dirty)).as("page %d is dirtier than its scan", page).isLessThan(mean(clean));
        }
    }

    @Test
    void soilingAFolderWithoutImagesNamesTheFolder() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-scans"));
        Files.writeString(empty.resolve("notes.txt"), "not a scan");
        assertThat(run("generate-documents", "--count", "1", "--soil", empty.toString(), "--out", tmp.resolve("o").toString()))
                .isNotZero();
        assertThat(err.toString()).contains("no-scans").contains("holds no images").doesNotContain("Exception");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    /** Whether some placement of {@code crop} in {@code whole}, brightened to white paper, matches it within a gray level or two. */
    private static boolean isCropOf(GrayImage crop, GrayImage whole) {
        for (int y0 = 0; y0 + crop.height() <= whole.height(); y0++) {
            for (int x0 = 0; x0 + crop.width() <= whole.width(); x0++) {
                if (matches(crop, whole, x0, y0)) return true;
            }
        }
        return false;
    }

    private static boolean matches(GrayImage crop, GrayImage whole, int x0, int y0) {
        // the crop's paper was scaled to white: compare where the scan is dark (ink), up to that scale
        for (int y = 0; y < crop.height(); y += 7) {
            for (int x = 0; x < crop.width(); x += 7) {
                float c = crop.pixels()[y * crop.width() + x];
                float s = whole.pixels()[(y0 + y) * whole.width() + x0 + x];
                if (Math.abs(Math.min(1f, s / 0.9f) - c) > 0.15f && Math.abs(s - c) > 0.15f) return false;
            }
        }
        return true;
    }

    private static double mean(GrayImage img) {
        double sum = 0;
        for (float v : img.pixels()) sum += v;
        return sum / img.pixels().length;
    }
}
