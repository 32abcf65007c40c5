package com.daeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    /** A runner whose UI thread only runs when the test says so, like a busy FX thread. */
    static final class ManualUi implements TaskRunner {
        final List<Runnable> posted = new ArrayList<>();
        public <T> Handle submit(String n, Callable<T> w, Consumer<? super T> ok, Consumer<? super Throwable> err) { throw new UnsupportedOperationException(); }
        public TaskRunner serial() { return this; }
        public void onUiThread(Runnable r) { posted.add(r); }
        void runAll() { List<Runnable> copy = new ArrayList<>(posted); posted.clear(); copy.forEach(Runnable::run); }
    }

    @Test
    void manyEventsBetweenPulsesCostOneDrainAndLoseNothing() {
        ManualUi ui = new ManualUi();
        List<List<Integer>> drains = new ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(ui, drains::add);
        for (int i = 0; i < 1000; i++) c.offer(i);
        assertThat(ui.posted).hasSize(1);
        ui.runAll();
        assertThat(drains).hasSize(1);
        assertThat(drains.get(0)).hasSize(1000).startsWith(0, 1, 2).endsWith(999);
        c.offer(1000);
        assertThat(ui.posted).hasSize(1);
        ui.runAll();
        assertThat(drains).hasSize(2);
        assertThat(drains.get(1)).containsExactly(1000);
    }
}
