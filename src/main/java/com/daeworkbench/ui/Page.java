package com.daeworkbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * One tab of the window, as AtlantaFX's sampler registers its pages: which tab it is, the view it
 * shows, and what to do each time it is shown (the Runs tab re-reads the runs, the analysis tabs
 * pick up the last trained model). The window builds its tabs from a list of these.
 */
record Page(WorkbenchTab tab, Node view, Runnable onShown) {

    Page(WorkbenchTab tab, Node view) {
        this(tab, view, () -> { });
    }

    Tab toTab() {
        Tab t = new Tab(tab.title(), view);
        t.setId(tab.id());
        t.setUserData(this);
        return t;
    }

    /** The page a tab built by {@link #toTab()} shows. */
    static Page of(Tab tab) {
        return (Page) tab.getUserData();
    }
}
