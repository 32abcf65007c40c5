package com.daeworkbench;

import com.daeworkbench.ui.WorkbenchApp;
import javafx.application.Application;

/** Starts the JavaFX window; kept apart so the CLI path never loads JavaFX classes. */
final class GuiLauncher {
    private GuiLauncher() { }

    static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
