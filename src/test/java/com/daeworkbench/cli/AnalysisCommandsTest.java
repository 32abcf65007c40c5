package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.Json;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalysisCommandsTest {
    @TempDir
    static Path dir;
    static Path modelFile;

    @BeforeAll
    static void saveAnUntrainedDigitsModel() throws Exception {
        ArchitectureSpec d = ArchitectureSpec.defaults(ArchitectureSpec.Kind.DENSE, 28, 28);
        ArchitectureSpec spec = new ArchitectureSpec(d.kind(), 28, 28, 1, 32, 8, d.activation(), d.loss(), d.optimizer(),
                d.learningRate(), d.batchSize(), 0, 1);
        modelFile = dir.resolve("tiny.dae");
        try (DenoisingModel model = Models.create(spec)) {
            ModelStore.save(modelFile, model, ModelInfo.of("gaussian:0.5", "digits", 0, Map.of()));
        }
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return Json.MAPPER.readTree(lines[lines.length - 1]);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void lrFindSuggestsARateInsideItsRangeAndRefusesABackwardRange() throws Exception {
        Run r = run("lr-find", "--dataset", "digits", "--arch", "dense", "--width", "32", "--bottleneck", "8", "--steps", "20",
                "--from", "1e-4", "--to", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("suggested_lr").asDouble()).isGreaterThan(1e-4 / 3).isLessThan(1);
        assertThat(json.get("points").size()).isBetween(7, 20);
        assertThat(r.err()).contains("Suggested learning rate");
        Run bad = run("lr-find", "--from", "1e-2", "--to", "1e-3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("learning-rate range").doesNotContain("Exception");
    }

    @Test
    void anomalyWithAllScoresPrintsEveryAucAsJson() throws Exception {
        Run r = run("anomaly", "--model", modelFile.toString(), "--normal", "digits", "--test", "digits:glyph",
                "--score", "all", "--limit", "60", "--draws", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("auc").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.has("threshold_at_95_recall")).isTrue();
        assertThat(json.get("normal_images").asInt()).isEqualTo(60);
        assertThat(json.get("test_images").asInt()).isEqualTo(60);
        assertThat(json.get("scores").size()).isEqualTo(4);
        assertThat(json.get("scores").has("corrupted_mse")).isTrue();
        assertThat(r.err()).contains("AUC");
    }

    @Test
    void anomalyWithOneScoreReportsThatScore() throws Exception {
        Run r = run("anomaly", "--model", modelFile.toString(), "--test", "digits:rotated", "--score", "quantile",
                "--limit", "30", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("score").asText()).isEqualTo("quantile");
        assertThat(r.json().get("scores").size()).isEqualTo(1);
    }

    @Test
    void withoutScoreADenseModelIsScoredByTheCorruptedError() throws Exception {
        Run r = run("anomaly", "--model", modelFile.toString(), "--test", "digits:blotch", "--limit", "20", "--draws", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("score").asText()).isEqualTo("corrupted_mse");
    }

    @Test
    void anUnknownScoreIsAUsageError() {
        Run r = run("anomaly", "--model", modelFile.toString(), "--score", "psnr");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--score").contains("corrupted_mse");
    }

    @Test
    void pretrainEvalReportsAccuracyPerLabelBudget() throws Exception {
        Run r = run("pretrain-eval", "--model", modelFile.toString(), "--dataset", "digits", "--labels", "20,50",
                "--limit", "100", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("test_images").asInt()).isEqualTo(100);
        assertThat(json.get("code_size").asInt()).isEqualTo(8);
        assertThat(json.get("results").size()).isEqualTo(2);
        assertThat(json.get("results").get(1).get("labels").asInt()).isEqualTo(50);
        // raw pixels with 50 labelled digits: well above the 10% of chance
        assertThat(json.get("results").get(1).get("pixels_accuracy").asDouble()).isGreaterThan(0.3);
    }
}
