package com.daeworkbench;

import com.daeworkbench.core.model.Engine;
import picocli.CommandLine;

/**
 * Entry point of the jar and of the packaged launcher: no command (only window options such
 * as --autostart or --tab) opens the window; a command runs the CLI. Not an Application
 * subclass, so the jar starts with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        Engine.boundNativeMemory();
        CommandLine cl = WindowCommand.commandLine(options -> {
            // options checked, display found: now the window, in a JVM that suits it (WindowJvm)
            java.util.Optional<Integer> child = WindowJvm.relaunch(args);
            if (child.isPresent()) System.exit(child.get());
            GuiLauncher.launch(options);
        }, System.getenv(), System.getProperty("glass.platform"));
        int exit = cl.execute(args);
        CommandLine.ParseResult parsed = cl.getParseResult();
        boolean windowClosed = exit == 0 && parsed != null && !parsed.hasSubcommand()
                && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        // after the window closes, let the JVM end as its threads finish (a run's last save);
        // a command's exit code is the answer
        if (!windowClosed) System.exit(exit);
    }
}
