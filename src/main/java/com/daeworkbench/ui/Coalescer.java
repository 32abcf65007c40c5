package com.daeworkbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries events from a worker thread to the UI thread without flooding it: events queue up,
 * and a drain is posted only when none is pending (javafx.concurrent.Task's trick), so however
 * fast the trainer reports, the UI thread handles one batch per pulse at most.
 */
public final class Coalescer<T> {
    private final TaskRunner runner;
    private final Consumer<List<T>> handler;
    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean posted;

    public Coalescer(TaskRunner runner, Consumer<List<T>> handler) {
        this.runner = runner;
        this.handler = handler;
    }

    public void offer(T event) {
        boolean post;
        synchronized (lock) {
            pending.add(event);
            post = !posted;
            posted = true;
        }
        if (post) runner.onUiThread(this::drain);
    }

    private void drain() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            posted = false;
        }
        if (!batch.isEmpty()) handler.accept(batch);
    }
}
