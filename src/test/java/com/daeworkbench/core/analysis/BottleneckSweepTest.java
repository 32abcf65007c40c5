package com.daeworkbench.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.daeworkbench.core.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BottleneckSweepTest {

    @Test
    void aTinySweepGivesOnePointPerSizeWithAJpegMatch() throws Exception {
        Dataset data = Dataset.clean("blobs", TinyModels.blobs(128, 1), TinyModels.blobs(40, 2));
        List<BottleneckSweep.Point> seen = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        BottleneckSweep.Result r = BottleneckSweep.run(data, null, new BottleneckSweep.Options(new int[] {2, 16}, 2, 0, 0, 1),
                seen::add, (f, m) -> progress.add(f));
        assertThat(r.points()).hasSize(2).isEqualTo(seen);
        assertThat(r.corruption()).isEqualTo("none");
        assertThat(r.testImages()).isEqualTo(40);
        assertThat(r.jpegCurve()).hasSize(JpegBaseline.DEFAULT_QUALITIES.length);
        for (BottleneckSweep.Point p : r.points()) {
            assertThat(p.bytesPerImage()).isEqualTo(p.bottleneck());
            assertThat(p.psnr()).isBetween(5.0, 60.0);
            assertThat(p.jpegPsnr()).isBetween(5.0, 60.0);
            assertThat(p.jpegFileBytes()).isGreaterThan(p.jpegPayloadBytes());
            assertThat(JpegBaseline.nearest(r.jpegCurve(), p.bytesPerImage()).quality()).isEqualTo(p.jpegQuality());
        }
        assertThat(progress).isSortedAccordingTo(Double::compare);
        assertThat(progress.get(progress.size() - 1)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anInterruptCancelsTheSweep() {
        Dataset data = Dataset.clean("blobs", TinyModels.blobs(64, 1), TinyModels.blobs(8, 2));
        List<BottleneckSweep.Point> seen = new ArrayList<>();
        try {
            assertThatThrownBy(() -> BottleneckSweep.run(data, null, new BottleneckSweep.Options(new int[] {2, 4, 8}, 1, 0, 0, 1),
                    p -> {
                        seen.add(p);
                        Thread.currentThread().interrupt();
                    }, Progress.NONE)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(seen).hasSize(1);
    }
}
