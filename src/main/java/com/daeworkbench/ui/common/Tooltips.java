package com.daeworkbench.ui.common;

import javafx.scene.control.Tooltip;

/** Tooltips that teach run to several sentences: wrapped to a readable column, not one line off the screen. */
public final class Tooltips {
    private Tooltips() { }

    public static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }
}
