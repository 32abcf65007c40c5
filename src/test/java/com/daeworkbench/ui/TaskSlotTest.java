package com.daeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every view-model's background work reads the same: busy, then a result, "Cancelled." or "... failed". */
class TaskSlotTest {
    final List<String> notices = new ArrayList<>();
    final List<String> status = new ArrayList<>();

    /** A runner that holds the work until {@link #finish}: the slot is busy in between. */
    static final class HeldRunner implements TaskRunner {
        Runnable pending;

        @Override
        public <T> Handle submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onError) {
            pending = () -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Throwable e) {
                    onError.accept(e);
                }
            };
            return new Handle() {
                public void cancel() { pending = () -> onError.accept(new InterruptedException()); }
                public boolean isDone() { return pending == null; }
            };
        }

        void finish() {
            Runnable r = pending;
            pending = null;
            r.run();
        }

        @Override public TaskRunner serial() { return this; }
        @Override public void onUiThread(Runnable r) { r.run(); }
    }

    @Test
    void aTaskIsBusyUntilItsResultArrivesAndASecondOneWaits() {
        HeldRunner runner = new HeldRunner();
        TaskSlot slot = new TaskSlot(runner, notices::add);
        List<Integer> results = new ArrayList<>();
        assertThat(slot.run(BackgroundTask.of("Counting", () -> 42).onSuccess(results::add), status::add)).isTrue();
        assertThat(slot.busyProperty().get()).isTrue();
        assertThat(status).containsExactly("Counting...");

        assertThat(slot.run(BackgroundTask.of("Another", () -> 1), status::add)).isFalse();
        assertThat(notices).containsExactly("Wait for the current computation, or cancel it.");

        runner.finish();
        assertThat(slot.busyProperty().get()).isFalse();
        assertThat(results).containsExactly(42);
    }

    @Test
    void aFailureSaysWhichTaskFailedAndWhyAndACancelSaysOnlyCancelled() {
        HeldRunner runner = new HeldRunner();
        TaskSlot slot = new TaskSlot(runner, notices::add);
        slot.run(BackgroundTask.of("Reading scan.png", () -> {
            throw new java.io.IOException("scan.png: not an image");
        }), status::add);
        runner.finish();
        assertThat(status).containsExactly("Reading scan.png...", "Reading scan.png failed.");
        assertThat(notices).containsExactly("Reading scan.png failed: scan.png: not an image");
        assertThat(slot.isBusy()).isFalse();

        status.clear();
        notices.clear();
        slot.run(BackgroundTask.of("Encoding", () -> 1), status::add);
        slot.cancel();
        runner.finish();
        assertThat(status).containsExactly("Encoding...", "Cancelled.");
        assertThat(notices).isEmpty();
    }
}
