package com.daeworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trainer inspects the steps its {@link Diagnostics} ask for, and only those. */
class TrainerDiagnosticsTest {

    private static List<TrainingEvent> run(Diagnostics diagnostics) {
        Dataset data = TrainerTest.blobs(160, 20, 12);   // 10 batches of 16
        List<TrainingEvent> events = new ArrayList<>();
        try (DenoisingModel model = Models.create(TrainerTest.dense(12, 1e-2))) {
            Trainer trainer = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.3"), new Trainer.Options(2, 2, 0, 0, 9));
            trainer.inspect(diagnostics);
            trainer.run(events::add);
        }
        return events;
    }

    @Test
    void everyNthIterationSendsLayerStatsAfterItsIterationDone() {
        List<TrainingEvent> events = run(new Diagnostics(4));
        List<TrainingEvent.LayerStats> stats = events.stream()
                .filter(e -> e instanceof TrainingEvent.LayerStats).map(e -> (TrainingEvent.LayerStats) e).toList();
        assertThat(stats).extracting(TrainingEvent.LayerStats::iteration).containsExactly(4, 8, 12, 16, 20);
        assertThat(stats).extracting(TrainingEvent.LayerStats::epoch).containsExactly(1, 1, 2, 2, 2);
        for (TrainingEvent.LayerStats s : stats) {
            int at = events.indexOf(s);
            assertThat(events.get(at - 1)).isInstanceOfSatisfying(TrainingEvent.IterationDone.class,
                    it -> assertThat(it.iteration()).isEqualTo(s.iteration()));
            // dense 144 -> 16 -> 144: 2 learned layers, filters of the first over the 12x12 image
            assertThat(s.inspection().layers()).hasSize(2);
            assertThat(s.inspection().firstLayerFilters().height()).isEqualTo(12);
            assertThat(s.inspection().layers().get(0).activations().total())
                    .isEqualTo((long) Math.min(Diagnostics.PROBE_IMAGES, 20) * 16);
        }
    }

    @Test
    void diagnosticsOffSendNoLayerStats() {
        assertThat(run(new Diagnostics()).stream().filter(e -> e instanceof TrainingEvent.LayerStats)).isEmpty();
    }

    @Test
    void theChosenImageIsClampedToTheProbe() {
        Diagnostics d = new Diagnostics(1);
        d.setChosenImage(99);
        assertThat(d.chosenImage()).isEqualTo(Diagnostics.PROBE_IMAGES - 1);
        d.setChosenImage(-3);
        assertThat(d.chosenImage()).isZero();
    }
}
