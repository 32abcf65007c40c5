package com.daeworkbench.ui;

import com.daeworkbench.core.io.Problems;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Where a view-model runs its {@link BackgroundTask}s, one at a time: busy while one runs (views
 * disable their buttons on it), cancel, and the same words everywhere: "Title..." while it runs,
 * "Cancelled." when it was stopped, "Title failed." in the status and "Title failed: why" as a
 * notice when it failed. A task asked for while another runs is refused with a notice.
 */
public final class TaskSlot {
    private final TaskRunner runner;
    private final Consumer<String> notifier;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private TaskRunner.Handle current;

    public TaskSlot(TaskRunner runner, Consumer<String> notifier) {
        this.runner = runner;
        this.notifier = notifier;
    }

    /** Starts {@code task} unless one is running; {@code status} receives the status line's text. Returns whether it started. */
    public <T> boolean run(BackgroundTask<T> task, Consumer<String> status) {
        if (busy.get()) {
            notifier.accept("Wait for the current computation, or cancel it.");
            return false;
        }
        busy.set(true);
        status.accept(task.title() + "...");
        current = runner.submit(task.title(), task.work(), result -> {
            busy.set(false);
            task.onSuccess().accept(result);
        }, e -> {
            busy.set(false);
            boolean cancelled = e instanceof InterruptedException || e instanceof java.util.concurrent.CancellationException;
            status.accept(cancelled ? "Cancelled." : task.title() + " failed.");
            if (!cancelled) notifier.accept(task.title() + " failed: " + Problems.describe(e));
        });
        return true;
    }

    public void cancel() {
        if (current != null) current.cancel();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
