package com.daeworkbench.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every `java -jar target/dae-workbench.jar SUBCOMMAND ...` line of the README's bash blocks
 * runs as written, in order, against the packaged jar (failsafe runs this after `package`), in
 * a scratch folder that sees the clone's sample-images, assets and target. -Ddae.maxEpochs=1
 * keeps training short. Lines on the reader's own files ("# your own files") are skipped.
 */
class ReadmeCommandsIT {
    private static final String PREFIX = "java -jar target/dae-workbench.jar ";
    private static final Path CLONE = Path.of("").toAbsolutePath();

    @TempDir
    static Path scratch;

    static List<String> commandLines() throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inBash = false;
        for (String line : Files.readAllLines(CLONE.resolve("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.trim().equals("```bash");
                continue;
            }
            String command = line.trim();
            if (inBash && command.startsWith(PREFIX) && !command.contains("# your own files")) {
                int comment = command.indexOf(" #");
                lines.add(comment < 0 ? command : command.substring(0, comment).trim());
            }
        }
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandWorksAsWritten() throws IOException {
        List<String> lines = commandLines();
        assertThat(lines).as("the README's command lines").hasSizeGreaterThanOrEqualTo(10);
        for (String linked : List.of("sample-images", "assets", "target")) {
            Files.createSymbolicLink(scratch.resolve(linked), CLONE.resolve(linked));
        }
        return lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> run(line)));
    }

    private static void run(String line) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Ddae.maxEpochs=1", "-Ddae.home=" + scratch.resolve("home")));
        command.addAll(List.of(line.substring("java ".length()).split("\\s+")));
        Path out = Files.createTempFile(scratch, "out", ".txt"), err = Files.createTempFile(scratch, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("finished within 15 minutes: " + line).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(line + "\n" + stderr).isZero();
        assertThat(stderr).as("no stack trace").doesNotContain("\tat ");
        if (line.contains("--json")) {
            List<String> stdout = Files.readAllLines(out);
            assertThat(stdout).isNotEmpty();
            new ObjectMapper().readTree(stdout.get(stdout.size() - 1));   // the last line is one JSON object
        }
    }
}
