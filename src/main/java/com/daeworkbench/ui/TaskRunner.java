package com.daeworkbench.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way view-models run work off the FX thread. {@link FxTaskRunner} uses a background
 * thread and hands results back on the FX thread; {@link InlineTaskRunner} runs everything at
 * once on the caller's thread, for deterministic view-model tests.
 */
public interface TaskRunner {

    /** A handle on submitted work. */
    interface Handle {
        /** Interrupts the work if it is running (work must honour interrupts). */
        void cancel();

        boolean isDone();
    }

    <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError);

    /** A runner whose tasks run one at a time in the order submitted (for writes to one file). */
    TaskRunner serial();

    /** Runs a small piece of UI work on the UI thread (later, in the FX runner). */
    void onUiThread(Runnable r);
}
