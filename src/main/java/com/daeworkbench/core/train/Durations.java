package com.daeworkbench.core.train;

import java.util.Locale;

/** A time left or taken as people read it: "45 s", "2m 05s", "1h 20m"; CLI and window say it alike. */
public final class Durations {
    private Durations() { }

    public static String of(long millis) {
        long s = Math.max(0, millis) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
    }
}
