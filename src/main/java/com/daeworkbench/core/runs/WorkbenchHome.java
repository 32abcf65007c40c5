package com.daeworkbench.core.runs;

import java.nio.file.Path;

/** Where runs and settings live: ~/.dae-workbench, or the folder of -Ddae.home (tests, benchmarks). */
public final class WorkbenchHome {
    private WorkbenchHome() { }

    public static Path dir() {
        String custom = System.getProperty("dae.home");
        return custom != null && !custom.isBlank() ? Path.of(custom) : Path.of(System.getProperty("user.home"), ".dae-workbench");
    }

    /** The runs the window's Runs tab lists. */
    public static RunStore runs() {
        return new RunStore(dir().resolve("runs"));
    }
}
