package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
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
}
