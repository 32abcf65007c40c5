package com.daeworkbench.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work immediately on the calling thread: view-model tests see every effect at once. */
public final class InlineTaskRunner implements TaskRunner {
    @Override
    public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        try {
            onSuccess.accept(work.call());
        } catch (Throwable e) {
            onError.accept(e);
        }
        return new Handle() {
            public void cancel() { }
            public boolean isDone() { return true; }
        };
    }

    @Override
    public TaskRunner serial() {
        return this;
    }

    @Override
    public void onUiThread(Runnable r) {
        r.run();
    }
}
