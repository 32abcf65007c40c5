package com.daeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxTaskRunnerTest {

    @Test
    void workAskedForWhileTheWindowClosesIsDroppedWithoutAnError() {
        FxTaskRunner runner = new FxTaskRunner();
        runner.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        TaskRunner.Handle h = runner.submit("late", () -> { ran.set(true); return 1; }, r -> { }, e -> { });
        assertThat(h.isDone()).isTrue();
        h.cancel();
        assertThat(ran).isFalse();
    }
}
