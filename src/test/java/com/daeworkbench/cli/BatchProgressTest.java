package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchProgressTest {
    long now;

    @Test
    void aBatchSaysWhichFileAndOnceItHasRunAWhileHowLongIsLeft() {
        BatchProgress progress = new BatchProgress(10, () -> now);
        assertThat(progress.prefix(3)).isEqualTo("[3/10] ");
        now += 5_000_000_000L;       // the first file took 5 s: too soon to say
        assertThat(progress.timeLeft(1, 1, 1)).isEmpty();
        now += 15_000_000_000L;      // four files in 20 s: six more take 30 s
        assertThat(progress.timeLeft(4, 1, 1)).isEqualTo(", about 30 s left");
        now += 10_000_000_000L;      // half of a 4-page file more: 4.5 of 10 in 30 s
        assertThat(progress.timeLeft(5, 2, 4)).isEqualTo(", about 36 s left");
        assertThat(progress.timeLeft(10, 1, 1)).as("done").isEmpty();
        assertThat(progress.timeLeft(10, 99, 100)).as("under a second").isEmpty();
    }

    @Test
    void aSingleFileHasNoCounter() {
        BatchProgress progress = new BatchProgress(1, () -> now);
        assertThat(progress.prefix(1)).isEmpty();
        now += 60_000_000_000L;
        assertThat(progress.timeLeft(1, 2, 4)).isEqualTo(", about 1m 00s left");
    }

    @Test
    void aSweepAsksBeforeEachRunFromTheRunsDone() {
        BatchProgress runs = new BatchProgress(10, () -> now);
        assertThat(runs.timeLeft(1, 0, 1)).as("nothing done yet").isEmpty();
        now += 20_000_000_000L;  // two runs in 20 s
        assertThat(runs.timeLeft(3, 0, 1)).isEqualTo(", about 1m 20s left");
    }
}
