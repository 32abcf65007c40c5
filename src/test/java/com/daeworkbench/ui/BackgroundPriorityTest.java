package com.daeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window's background threads run below the FX thread, and so do the threads they start. */
class BackgroundPriorityTest {

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "thread nice values are a Linux feature");
    }

    @Test
    void aLoweredThreadHasTheBackgroundNiceValueAndOthersKeepTheirs() throws Exception {
        int mainTid = BackgroundPriority.currentThreadId();
        Integer mainBefore = BackgroundPriority.niceOf(mainTid);
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            int tid = BackgroundPriority.currentThreadId();
            seen.complete(new int[] {lowered ? 1 : 0, tid, BackgroundPriority.niceOf(tid)});
        });
        t.start();
        int[] r = seen.get(10, TimeUnit.SECONDS);
        assertThat(r[0]).as("setpriority succeeded").isEqualTo(1);
        assertThat(r[1]).isNotEqualTo(mainTid);
        assertThat(r[2]).isEqualTo(Math.max(BackgroundPriority.NICE, mainBefore));
        assertThat(BackgroundPriority.niceOf(mainTid)).isEqualTo(mainBefore);
    }

    @Test
    void threadsStartedByALoweredThreadInheritIt() throws Exception {
        // what lowers ND4J's and OpenMP's worker threads: they are started from the training thread
        CompletableFuture<Integer> childNice = new CompletableFuture<>();
        Thread parent = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            Thread child = new Thread(() -> childNice.complete(BackgroundPriority.niceOf(BackgroundPriority.currentThreadId())));
            child.start();
        });
        parent.start();
        assertThat(childNice.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
    }

    @Test
    void theWindowsTaskRunnerWorksBelowNormalPriority() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxTaskRunner runner = new FxTaskRunner();
        try {
            CompletableFuture<Integer> nice = new CompletableFuture<>();
            runner.submit("probe", () -> BackgroundPriority.niceOf(BackgroundPriority.currentThreadId()), nice::complete,
                    nice::completeExceptionally);
            assertThat(nice.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
            CompletableFuture<Integer> serial = new CompletableFuture<>();
            runner.serial().submit("probe", () -> BackgroundPriority.niceOf(BackgroundPriority.currentThreadId()), serial::complete,
                    serial::completeExceptionally);
            assertThat(serial.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
        } finally {
            runner.shutdown();
        }
    }
}
