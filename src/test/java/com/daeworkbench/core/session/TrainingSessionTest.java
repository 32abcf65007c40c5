package com.daeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.testing.Blobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {
    @TempDir
    Path home;

    static ArchitectureSpec dense(double lr) {
        ArchitectureSpec d = ArchitectureSpec.defaults(Kind.DENSE, 8, 8);
        return new ArchitectureSpec(Kind.DENSE, 8, 8, 1, 16, 8, d.activation(), d.loss(), d.optimizer(), lr, 16, 0, 3);
    }

    @Test
    void aRunIsKeptWithItsCurvesEveryEpochsCheckpointAndItsSweep() throws Exception {
        RunStore store = new RunStore(home);
        Dataset data = Dataset.clean("blobs", Blobs.images(64, 8, 1), Blobs.images(16, 8, 2));
        var session = new TrainingSession(store, new TrainingSession.Plan("run a", "sweep-1", data,
                CorruptionSpec.parse("gaussian:0.3"), 3, 0, false, 0));
        TrainingSession.Result result;
        try (DenoisingModel model = Models.create(dense(1e-2))) {
            result = session.run(model, e -> { });
        }
        List<RunRecord> listed = store.list(new ArrayList<>());
        assertThat(listed).hasSize(1);
        RunRecord run = listed.get(0);
        assertThat(run.status()).isEqualTo(RunRecord.Status.COMPLETED);
        assertThat(run.sweep()).isEqualTo("sweep-1");
        assertThat(run.epochs()).hasSize(3);
        assertThat(run.iterationLoss()).hasSize(3 * 4);
        assertThat(result.savedEpoch()).isEqualTo(3);
        assertThat(ModelStore.load(store.modelOf(run.id())).info().epochs()).isEqualTo(3);
    }

    @Test
    void earlyStoppingEndsARunThatStopsImprovingAndKeepsItsBestEpoch() throws Exception {
        RunStore store = new RunStore(home);
        Dataset data = Dataset.clean("blobs", Blobs.images(64, 8, 1), Blobs.images(16, 8, 2));
        // a learning rate far too high: the validation loss gets worse after the first epochs
        var session = new TrainingSession(store, new TrainingSession.Plan("too fast", null, data,
                CorruptionSpec.parse("gaussian:0.3"), 40, 2, true, 0));
        TrainingSession.Result result;
        try (DenoisingModel model = Models.create(dense(0.9))) {
            result = session.run(model, e -> { });
        }
        RunRecord run = result.record();
        int best = 1;
        for (int i = 0; i < run.epochs().size(); i++) {
            if (run.epochs().get(i).validationLoss() < run.epochs().get(best - 1).validationLoss()) best = i + 1;
        }
        assertThat(run.epochs().size()).as("stopped early").isLessThan(40).isEqualTo(best + 2);
        assertThat(run.message()).contains("stopped early").contains("best at epoch " + best);
        assertThat(result.savedEpoch()).isEqualTo(best);
        assertThat(ModelStore.load(store.modelOf(run.id())).info().epochs()).isEqualTo(best);
    }
}
