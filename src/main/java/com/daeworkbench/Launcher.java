package com.daeworkbench;

import com.daeworkbench.cli.Main;
import com.daeworkbench.core.model.Engine;

/**
 * Entry point of the jar and of the packaged launcher: no arguments (or only GUI flags such
 * as --autostart) start the window; a subcommand runs the CLI.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        Engine.boundNativeMemory();
        if (Main.isCliInvocation(args)) {
            System.exit(Main.run(args));
        }
        GuiLauncher.launch(args);
    }
}
