package com.daeworkbench.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of work for the background runner, as JabRef's {@code BackgroundTask}: its title (what
 * the status line says while it runs and when it fails), the work, and what to do with the result
 * on the UI thread. A {@link TaskSlot} runs it, so every view-model shows work as busy, cancels it
 * and reports its failure the same way.
 */
public record BackgroundTask<T>(String title, Callable<T> work, Consumer<? super T> onSuccess) {

    public static <T> BackgroundTask<T> of(String title, Callable<T> work) {
        return new BackgroundTask<>(title, work, result -> { });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> then) {
        return new BackgroundTask<>(title, work, then);
    }
}
