package com.daeworkbench;

/** Starts the JavaFX window; kept apart so the CLI path never loads JavaFX classes. */
final class GuiLauncher {
    private GuiLauncher() { }

    static void launch(String[] args) {
        System.err.println("DAE Workbench: the window is not built yet; run a subcommand, e.g. --help");
        System.exit(2);
    }
}
