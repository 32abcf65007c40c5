package com.daeworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputTest {
    long now;
    final Throughput throughput = new Throughput(100_000, () -> now);

    void batches(int count, int size, double secondsEach) {
        for (int i = 0; i < count; i++) {
            now += (long) (secondsEach * 1e9);
            throughput.add(size);
        }
    }

    @Test
    void aShortSlowStretchShowsInTheSpeedButBarelyMovesTheTimeLeft() {
        batches(300, 32, 0.1);   // 320 samples/s for 30 s
        long steady = throughput.etaMillis();
        assertThat(steady / 1000.0).isCloseTo((100_000 - 9_600) / 320.0, org.assertj.core.data.Offset.offset(1.0));
        batches(32, 32, 1.0);    // ten times slower for half a minute
        assertThat(throughput.samplesPerSecond()).isCloseTo(32, org.assertj.core.data.Offset.offset(0.01));
        assertThat(throughput.etaMillis()).isLessThan(3 * steady);   // from the last batches' speed: 9x
    }

    @Test
    void theFirstSecondsUseTheRecentSpeedAndTimeOutsideTrainingDoesNotCount() {
        batches(10, 32, 0.1);
        assertThat(throughput.etaMillis() / 1000.0).isCloseTo((100_000 - 320) / 320.0, org.assertj.core.data.Offset.offset(1.0));
        now += 60_000_000_000L;  // a validation pass
        throughput.restartClock();
        batches(300, 32, 0.1);
        assertThat(throughput.etaMillis() / 1000.0).isCloseTo((100_000 - 9_920) / 320.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(throughput.progress()).isCloseTo(0.0992, org.assertj.core.data.Offset.offset(1e-9));
    }
}
