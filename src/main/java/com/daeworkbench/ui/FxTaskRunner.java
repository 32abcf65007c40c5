package com.daeworkbench.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Background daemon threads; results and errors come back through {@link Platform#runLater}.
 * The threads run below normal priority ({@link BackgroundPriority}): painting the window
 * comes before training it.
 */
public final class FxTaskRunner implements TaskRunner {
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService executor;
    /** the serial runners made from this one: shut down with it */
    private final java.util.List<FxTaskRunner> serials = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FxTaskRunner() {
        this(false);
    }

    private FxTaskRunner(boolean serial) {
        java.util.concurrent.ThreadFactory daemons = r -> {
            Thread t = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                r.run();
            }, "workbench-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = serial ? Executors.newSingleThreadExecutor(daemons) : Executors.newCachedThreadPool(daemons);
    }

    @Override
    public TaskRunner serial() {
        FxTaskRunner serial = new FxTaskRunner(true);
        serials.add(serial);
        return serial;
    }

    @Override
    public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
        Future<?> future;
        try {
            future = executor.submit(() -> {
                Thread.currentThread().setName("workbench-" + name);
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Throwable e) {
                    Platform.runLater(() -> onError.accept(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing (the runner is shut down): work asked for now has no one to report to
            return DONE;
        }
        return new Handle() {
            public void cancel() { future.cancel(true); }
            public boolean isDone() { return future.isDone(); }
        };
    }

    private static final Handle DONE = new Handle() {
        public void cancel() { }
        public boolean isDone() { return true; }
    };

    @Override
    public void onUiThread(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    public void shutdown() {
        executor.shutdownNow();
        serials.forEach(FxTaskRunner::shutdown);
    }
}
