package com.daeworkbench.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The window's tabs, in order, as named on screen and in --tab. */
public enum WorkbenchTab {
    TRAIN("Train"), RUNS("Runs"), DOCUMENTS("Documents"), ANOMALIES("Anomalies"), LATENT("Latent"), DREAM("Dream");

    private final String title;

    WorkbenchTab(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The tab's node id ("runs-tab"), for tests and styles. */
    public String id() {
        return name().toLowerCase(Locale.ROOT) + "-tab";
    }

    /** The tab of that title, any case. */
    public static Optional<WorkbenchTab> byTitle(String name) {
        return Arrays.stream(values()).filter(t -> t.title.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "Train, Runs, Documents, Anomalies, Latent, Dream": for messages. */
    public static String titles() {
        return Arrays.stream(values()).map(WorkbenchTab::title).collect(Collectors.joining(", "));
    }
}
