package com.daeworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the window starts itself again with C1 only, and with what (docs/decisions/0007). */
class WindowJvmTest {
    static final Optional<String> JAVA = Optional.of("/usr/lib/jvm/java-17/bin/java");

    @Test
    void aPlainStartRunsTheWindowInAC1OnlyJvmWithTheSameSettingsAndArguments() {
        List<String> command = WindowJvm.relaunchCommand(List.of("-Xmx2g", "-Ddae.home=/tmp/h"), new String[] {"--tab=Runs", "--autostart"},
                JAVA, "target/dae-workbench.jar", null).orElseThrow();
        assertThat(command.get(0)).isEqualTo(JAVA.get());
        assertThat(command).contains(WindowJvm.C1_ONLY, "-Xmx2g", "-Ddae.home=/tmp/h", "-Ddae.relaunched=true");
        assertThat(command.subList(command.indexOf("-cp"), command.size()))
                .containsExactly("-cp", "target/dae-workbench.jar", Launcher.class.getName(), "--tab=Runs", "--autostart");
    }

    @Test
    void noRelaunchFromTheRelaunchedJvmOrWhenTheUserChoseTheCompilerOrSaidNo() {
        String[] args = {};
        assertThat(WindowJvm.relaunchCommand(List.of("-Ddae.relaunched=true"), args, JAVA, "a.jar", null)).isEmpty();
        assertThat(WindowJvm.relaunchCommand(List.of("-XX:TieredStopAtLevel=4"), args, JAVA, "a.jar", null)).isEmpty();
        assertThat(WindowJvm.relaunchCommand(List.of(), args, JAVA, "a.jar", "false")).isEmpty();
        assertThat(WindowJvm.relaunchCommand(List.of(), args, Optional.empty(), "a.jar", null)).isEmpty();
        assertThat(WindowJvm.relaunchCommand(List.of(), args, JAVA, "a.jar", null)).isPresent();
    }
}
