package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, impute and eval on a table file as a user runs them (issue 18), and their one-line refusals. */
class TableCommandsTest {
    @TempDir static Path dir;
    static Path table, holes, model;

    @BeforeAll
    static void trainOnATable() throws Exception {
        StringBuilder full = new StringBuilder("x,y,z,kind\n"), missing = new StringBuilder("x,y,z,kind\n");
        SplittableRandom rng = new SplittableRandom(2);
        for (int r = 0; r < 200; r++) {
            double x = rng.nextGaussian(), y = x + 0.1 * rng.nextGaussian(), z = -x;
            String kind = x > 0 ? "p" : "n";
            full.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", x, y, z, kind));
            missing.append(String.format(Locale.ROOT, "%.3f,%s,%.3f,%s%n", x, r % 5 == 0 ? "?" : String.format(Locale.ROOT, "%.3f", y), z, kind));
        }
        table = Files.writeString(dir.resolve("table.csv"), full);
        holes = Files.writeString(dir.resolve("holes.csv"), missing);
        model = dir.resolve("m.dae");
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("train", "--dataset", table.toString(), "--label", "kind",
                "--hide", "0.2", "--corruption", "masking:0.25", "--epochs", "3", "--out", model.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.has("rmse_validation")).isTrue();
        assertThat(json.has("psnr_validation")).as("a table is not scored by PSNR").isFalse();
        assertThat(r.err()).contains("RMSE").doesNotContain("PSNR");
    }

    @Test
    void imputeFillsOnlyTheMissingCellsAndKeepsTheRest() throws Exception {
        Path out = dir.resolve("filled.csv");
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("impute", "--model", model.toString(), "--in", holes.toString(),
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("200 rows, 40 missing cells filled");
        List<String> in = Files.readAllLines(holes), filled = Files.readAllLines(out);
        assertThat(filled).hasSameSizeAs(in);
        for (int i = 0; i < in.size(); i++) {
            String[] a = in.get(i).split(","), b = filled.get(i).split(",");
            assertThat(b).hasSameSizeAs(a);
            for (int c = 0; c < a.length; c++) {
                if (a[c].equals("?")) assertThat(b[c]).matches("-?\\d+\\.\\d{3}");
                else assertThat(b[c]).isEqualTo(a[c]);
            }
        }
    }

    @Test
    void evalReportsTheModelBesideMeanAndKnnImputation() throws Exception {
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("eval", "--model", model.toString(), "--dataset", table.toString(),
                "--hide", "0.2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        for (String key : List.of("rmse_model", "rmse_mean", "rmse_knn")) assertThat(json.get(key).asDouble()).isPositive();
        assertThat(json.get("knn_k").asInt()).isPositive();
        assertThat(json.get("columns").has("y")).isTrue();
        assertThat(json.get("columns").has("kind")).as("the label is not scored").isFalse();
        assertThat(r.err()).as("the model never saw these cells").doesNotContain("note:");
        AnalysisCommandsTest.Run other = AnalysisCommandsTest.run("eval", "--model", model.toString(), "--dataset", table.toString(),
                "--hide", "0.2", "--hide-seed", "9");
        assertThat(other.err()).contains("note: m.dae was trained on table.csv (20% of cells hidden, seed 1)");
    }

    @Test
    void badInputIsOneLineNamingFileLineAndColumn() throws Exception {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");
        AnalysisCommandsTest.Run r = AnalysisCommandsTest.run("train", "--dataset", ragged.toString(), "--epochs", "1",
                "--out", dir.resolve("x.dae").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: ragged.csv: line 3, column 2: the row has 2 fields but line 1 has 3"
                + " (a ragged row: check its delimiters and quotes)");
        AnalysisCommandsTest.Run conv = AnalysisCommandsTest.run("train", "--dataset", table.toString(), "--arch", "conv",
                "--epochs", "1", "--out", dir.resolve("x.dae").toString());
        assertThat(conv.exit()).isNotZero();
        assertThat(conv.err()).contains("--arch: a table trains a dense network");
        AnalysisCommandsTest.Run images = AnalysisCommandsTest.run("impute", "--model", "assets/models/documents.dae",
                "--in", holes.toString(), "--out", dir.resolve("y.csv").toString());
        assertThat(images.exit()).isNotZero();
        assertThat(images.err()).contains("documents.dae was trained on images, not a table");
        AnalysisCommandsTest.Run swap = AnalysisCommandsTest.run("train", "--dataset", "digits", "--corruption", "swap:0.2",
                "--epochs", "1", "--out", dir.resolve("z.dae").toString());
        assertThat(swap.exit()).isNotZero();
        assertThat(swap.err()).contains("swap noise is for tables");
    }
}
