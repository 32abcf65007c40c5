package com.daeworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.ui.WindowOptions;
import com.daeworkbench.ui.WorkbenchTab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The jar's command line as the window sees it: window flags parsed by picocli, with clear errors. */
class WindowCommandTest {
    static final Map<String, String> WITH_DISPLAY = Map.of("DISPLAY", ":0");
    @TempDir Path tmp;
    final List<WindowOptions> opened = new ArrayList<>();

    record Run(int exit, String out, String err) { }

    Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = WindowCommand.commandLine(opened::add, env, null);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void tabAndModelAreAcceptedWithASpaceOrAnEqualsSign() throws Exception {
        Path model = Files.writeString(tmp.resolve("m.dae"), "x");
        assertThat(run(WITH_DISPLAY, "--tab", "Anomalies", "--model", model.toString()).exit()).isZero();
        assertThat(run(WITH_DISPLAY, "--tab=latent", "--model=" + model, "--autostart").exit()).isZero();
        assertThat(opened).containsExactly(
                new WindowOptions(false, WorkbenchTab.ANOMALIES, model, List.of()),
                new WindowOptions(true, WorkbenchTab.LATENT, model, List.of()));
    }

    @Test
    void aTabNamedLikeACommandIsTheTab() {
        assertThat(run(WITH_DISPLAY, "--tab=train").exit()).isZero();
        assertThat(run(WITH_DISPLAY, "--tab", "train", "--autostart").exit()).isZero();
        assertThat(opened).containsExactly(new WindowOptions(false, WorkbenchTab.TRAIN, null, List.of()),
                new WindowOptions(true, WorkbenchTab.TRAIN, null, List.of()));
    }

    @Test
    void anUnknownTabIsAnErrorThatListsTheTabs() {
        Run r = run(WITH_DISPLAY, "--tab=Nonsense");
        assertThat(r.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).contains("no tab 'Nonsense'; the tabs are Train, Runs, Documents, Anomalies, Latent, Dream");
        assertThat(opened).isEmpty();
    }

    @Test
    void aMissingModelFileIsNamed() {
        Run r = run(WITH_DISPLAY, "--model=missing.dae");
        assertThat(r.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("error: --model missing.dae: no such file" + System.lineSeparator());
        assertThat(opened).isEmpty();
    }

    @Test
    void openTakesTheRestAsPages() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.png"), "x"), b = Files.writeString(tmp.resolve("b.jpg"), "x");
        assertThat(run(WITH_DISPLAY, "--open", a.toString(), b.toString()).exit()).isZero();
        assertThat(opened.get(0).pagesToOpen()).containsExactly(a, b);
        assertThat(opened.get(0).tab()).isNull();
    }

    @Test
    void helpListsTheWindowFlagsBesideTheCommands() {
        Run r = run(WITH_DISPLAY, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--autostart", "--open", "--tab", "--model", "--verbose",
                "the tab to show: Train, Runs, Documents", "denoise", "train", "anomaly");
        assertThat(opened).isEmpty();
    }

    @Test
    void aSubcommandRunsTheCliNotTheWindow() {
        Run r = run(Map.of(), "denoise", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--out", "--verbose");
        assertThat(opened).isEmpty();
    }

    @Test
    void withoutADisplayOneLineSaysWhatIsMissingAndThatTheCommandsNeedNone() {
        Run r = run(Map.of(), "--tab=Runs");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains("no display for the window (DISPLAY is not set)", "xvfb-run", "the commands", "need none");
        assertThat(opened).isEmpty();
    }

    @Test
    void javaFxStartFailuresAreOneLine() {
        var noDisplay = new UnsupportedOperationException("Unable to open DISPLAY");
        var noGtk = new RuntimeException("Exception in Application start", new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(WindowCommand.whyTheWindowFailed(noDisplay)).get().asString().contains("cannot open the display");
        assertThat(WindowCommand.whyTheWindowFailed(noGtk)).get().asString().contains("needs GTK 3", "libgtk-3-0");
        assertThat(WindowCommand.whyTheWindowFailed(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void aWaylandSessionOrTheHeadlessPlatformCountsAsADisplay() {
        assertThat(WindowCommand.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isEmpty();
        assertThat(WindowCommand.missingDisplay(Map.of(), "Linux", "Monocle")).isEmpty();
        assertThat(WindowCommand.missingDisplay(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(WindowCommand.missingDisplay(Map.of("DISPLAY", ""), "Linux", null)).isPresent();
    }
}
