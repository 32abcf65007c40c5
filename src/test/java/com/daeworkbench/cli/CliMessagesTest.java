package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliMessagesTest {
    @Test
    void everyCommandsHelpFormatsWithoutPicocliWarnings() {
        // picocli's tracer writes to System.err when a description has a bare % ("95%" in anomaly's)
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Main.commandLine();
            cl.getUsageMessage();
            cl.getSubcommands().values().forEach(CommandLine::getUsageMessage);
            assertThat(cl.getSubcommands().get("anomaly").getUsageMessage()).contains("flags 95% of the second set");
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        // the list under "Commands:" shows a description's first element only: a sentence cut
        // there ("Reads PNG, JPEG, TIFF") reads as a broken help page
        Main.commandLine().getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            String first = sub.getCommandSpec().usageMessage().description()[0];
            assertThat(first).as(name).matches(".*[.?]");
        });
    }

    @Test
    void trainRefusesAnOutputItCannotWriteBeforeItTrains(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file where the model's folder would go");
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("train", "--dataset", "digits", "--epochs", "1", "--out", notAFolder.resolve("model.dae").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("notes.txt: already exists").doesNotContain("epoch 1/1").doesNotContain("Exception");
        assertThat(Files.readString(notAFolder)).startsWith("a file where");
    }

    @Test
    void trainSaysWhenTheOutputIsAFolder(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("train", "--dataset", "digits", "--epochs", "1", "--out", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(dir + " is a folder; give a model file name").doesNotContain("epoch 1/1");
    }

    @Test
    void sweepsHelpNamesEveryKnobASweepVaries() {
        String help = Main.commandLine().getSubcommands().get("sweep").getUsageMessage().replaceAll("\\s+", " ");
        for (com.daeworkbench.core.session.Knob k : com.daeworkbench.core.session.Knob.values()) {
            assertThat(help).as(k.name()).containsPattern("[ ,]" + k.option + "[,.]");
        }
    }

    @Test
    void aUsageMistakeIsTheMistakeAndWhereTheOptionsAreNotTheWholeUsage() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("train", "--epochs", "x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Invalid value for option '--epochs': 'x' is not an int")
                .contains("Try 'dae-workbench train --help'").doesNotContain("Usage:");
        assertThat(err.toString().lines()).hasSize(2);

        StringWriter misspelt = new StringWriter();
        cl.setErr(new PrintWriter(misspelt, true));
        assertThat(cl.execute("train", "--epoch", "3")).isEqualTo(2);
        assertThat(misspelt.toString()).contains("Unknown options: '--epoch'").contains("Possible solutions: --epochs").doesNotContain("Usage:");
    }

    @Test
    void passesOtherThanOneTwoOrFourAreRefusedByBothPageCommands(@TempDir Path dir) {
        for (String[] args : new String[][] {
            {"eval-pages", "--passes", "3", "--pages", dir.toString()},
            {"denoise", "--passes", "many", "--out", dir.resolve("out").toString(), dir.toString()},
        }) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(args)).as(args[0]).isEqualTo(2);
            assertThat(err.toString()).as(args[0]).contains("Invalid value for option '--passes': '" + args[2] + "' is not 1, 2 or 4");
        }
    }

    @Test
    void aMissingInputIsNamedAsTyped(@TempDir Path dir) {
        String missing = dir.resolve("no-such-pages").toString();
        String[][] commands = {
            {"train", "--dataset", missing, "--epochs", "1", "--out", dir.resolve("m.dae").toString()},
            {"eval-pages", "--pages", missing},
            {"generate-documents", "--count", "1", "--soil", missing, "--out", dir.resolve("out").toString()},
        };
        for (String[] args : commands) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(args)).as(args[0]).isEqualTo(1);
            assertThat(err.toString()).as(args[0]).startsWith("error: " + missing + ": no such");
        }
    }
}
