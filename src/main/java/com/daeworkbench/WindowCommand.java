package com.daeworkbench;

import com.daeworkbench.cli.Main;
import com.daeworkbench.ui.WindowOptions;
import com.daeworkbench.ui.WorkbenchTab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The jar's top command: without a subcommand it opens the window with these options (so
 * --help lists them beside the CLI's commands, and a wrong one is a clear error, not
 * "unknown option"); with one it runs that CLI command.
 */
@Command(name = "dae-workbench", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = Main.Version.class,
        description = {"Denoising autoencoders: train, evaluate, denoise, benchmark.",
                "Without a command: the window (needs a display; the commands do not)."})
final class WindowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--autostart", description = "start training the last settings as soon as the window is up")
    boolean autostart;

    @Option(names = "--tab", paramLabel = "TAB", converter = TabConverter.class,
            description = "the tab to show: ${COMPLETION-CANDIDATES}", completionCandidates = TabTitles.class)
    WorkbenchTab tab;

    @Option(names = "--model", paramLabel = "FILE", description = "a .dae model for the Anomalies, Latent and Dream tabs")
    Path model;

    @Option(names = "--open", arity = "1..*", paramLabel = "PAGE", description = "pages to clean in the Documents tab")
    List<Path> pages = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "log progress and the libraries' INFO lines (default: warnings only)")
    void verbose(boolean on) {
        // runs while the command line is parsed, before anything creates a logger
        if (on) Logs.verbose();
    }

    /** Opens the window; a test replaces it to see the options without a display. */
    private final Consumer<WindowOptions> window;
    private final Map<String, String> environment;
    /** -Dglass.platform: Monocle draws without a display (tests, headless screenshots) */
    private final String glassPlatform;

    WindowCommand(Consumer<WindowOptions> window, Map<String, String> environment, String glassPlatform) {
        this.window = window;
        this.environment = environment;
        this.glassPlatform = glassPlatform;
    }

    /** The window command with the CLI's commands under it, as the jar runs it. */
    static CommandLine commandLine(Consumer<WindowOptions> window, Map<String, String> environment, String glassPlatform) {
        return Main.under(new WindowCommand(window, environment, glassPlatform));
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (model != null && !Files.isRegularFile(model)) {
            err.println("error: --model " + model + ": no such file");
            return CommandLine.ExitCode.USAGE;
        }
        for (Path page : pages) {
            if (!Files.exists(page)) {
                err.println("error: --open " + page + ": no such file");
                return CommandLine.ExitCode.USAGE;
            }
        }
        Optional<String> noDisplay = missingDisplay(environment, System.getProperty("os.name", ""), glassPlatform);
        if (noDisplay.isPresent()) {
            err.println("error: " + noDisplay.get());
            return 1;
        }
        try {
            window.accept(new WindowOptions(autostart, tab, model, pages));
        } catch (RuntimeException e) {
            Optional<String> why = whyTheWindowFailed(e);
            if (why.isEmpty()) throw e;
            err.println("error: " + why.get());
            return 1;
        }
        return 0;
    }

    static final String COMMANDS_NEED_NO_DISPLAY = "the commands (train, eval, denoise ..., see --help) need none";

    /** On Linux, no X11 or Wayland display to open the window on: what to say, before JavaFX fails with a stack trace. */
    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        boolean headlessPlatform = glassPlatform != null && glassPlatform.equalsIgnoreCase("monocle");
        if (!linux || headlessPlatform || !isBlank(env.get("DISPLAY")) || !isBlank(env.get("WAYLAND_DISPLAY"))) return Optional.empty();
        return Optional.of("no display for the window (DISPLAY is not set): run it in a desktop session, over ssh -X, or under "
                + "xvfb-run; " + COMMANDS_NEED_NO_DISPLAY);
    }

    /** JavaFX's start-up failures a user can fix, in one line; empty for anything else (a bug: keep its trace). */
    static Optional<String> whyTheWindowFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of("cannot open the display " + System.getenv("DISPLAY") + " (is the X server running and may this user use it?); "
                        + COMMANDS_NEED_NO_DISPLAY);
            }
            if (m.contains("glass GTK library")) {
                return Optional.of("the window needs GTK 3, which is not installed (Debian/Ubuntu: apt-get install libgtk-3-0 libgl1 libxtst6 libxxf86vm1); "
                        + COMMANDS_NEED_NO_DISPLAY);
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** --tab takes a tab's title in any case; a wrong one lists the tabs. */
    static final class TabConverter implements CommandLine.ITypeConverter<WorkbenchTab> {
        @Override
        public WorkbenchTab convert(String value) {
            return WorkbenchTab.byTitle(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "no tab '" + value + "'; the tabs are " + WorkbenchTab.titles()));
        }
    }

    static final class TabTitles implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(WorkbenchTab.values()).map(WorkbenchTab::title).iterator();
        }
    }
}
