package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(err.toString()).contains("2/2 pages");

        // a second run into the same folder is refused without --overwrite
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString())).isNotZero();
        assertThat(err.toString()).contains("--overwrite");
        assertThat(run("generate-documents", "--count", "1", "--out", tmp.toString(), "--overwrite",
                "--width", "64", "--height", "64")).isZero();
        try (var s = Files.list(tmp.resolve("train"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }
}
