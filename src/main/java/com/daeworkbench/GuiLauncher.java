package com.daeworkbench;

import com.daeworkbench.ui.WindowOptions;
import com.daeworkbench.ui.WorkbenchApp;

/** Starts the JavaFX window; kept apart so the CLI path never loads JavaFX classes. */
final class GuiLauncher {
    private GuiLauncher() { }

    static void launch(WindowOptions options) {
        Logs.hideClassPathJavaFxWarning();
        WorkbenchApp.launch(options);
    }
}
