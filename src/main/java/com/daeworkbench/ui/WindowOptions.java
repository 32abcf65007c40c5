package com.daeworkbench.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asks of the window, already checked by the launcher's parser:
 * train at once, the tab to show, a model for the analysis tabs, pages for the Documents tab.
 *
 * @param tab   null: the first tab (or Documents when there are pages to open)
 * @param model null: none (the analysis tabs take the last trained model when shown)
 */
public record WindowOptions(boolean autostart, WorkbenchTab tab, Path model, List<Path> pagesToOpen) {
    public static final WindowOptions NONE = new WindowOptions(false, null, null, List.of());

    public WindowOptions {
        pagesToOpen = List.copyOf(pagesToOpen);
    }
}
