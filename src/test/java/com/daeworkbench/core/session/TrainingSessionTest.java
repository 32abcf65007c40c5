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

    @Test
    void aStopBeforeTheRunStartedIsNotLost() throws Exception {
        RunStore store = new RunStore(home);
        Dataset data = Dataset.clean("blobs", Blobs.images(64, 8, 1), Blobs.images(16, 8, 2));
        var session = new TrainingSession(store, new TrainingSession.Plan("stopped at once", null, data,
                CorruptionSpec.parse("gaussian:0.3"), 3, 0, false, 0));
        session.cancel();   // as a Stop pressed right after Train, before the worker built the trainer
        TrainingSession.Result result;
        try (DenoisingModel model = Models.create(dense(1e-2))) {
            result = session.run(model, e -> { });
        }
        assertThat(result.record().status()).isEqualTo(RunRecord.Status.CANCELLED);
        assertThat(result.record().epochs()).isEmpty();
        assertThat(result.savedEpoch()).isZero();
    }

    @Test
    void aResumedRunGoesOnInTheSameRecordAndEndsWithTheWeightsOfARunNeverStopped() throws Exception {
        Dataset data = Dataset.clean("blobs", Blobs.images(64, 8, 1), Blobs.images(16, 8, 2));
        var plan = new TrainingSession.Plan("four epochs", null, data, CorruptionSpec.parse("gaussian:0.3"), 4, 0, false, 0);
        RunStore straight = new RunStore(home.resolve("straight"));
        TrainingSession.Result whole;
        try (DenoisingModel model = Models.create(dense(1e-2))) {
            whole = new TrainingSession(straight, plan).run(model, e -> { });
        }

        RunStore store = new RunStore(home.resolve("stopped"));
        var first = new TrainingSession(store, plan);
        int[] epochs = {0};
        try (DenoisingModel model = Models.create(dense(1e-2))) {
            first.run(model, e -> {
                if (e instanceof com.daeworkbench.core.train.TrainingEvent.EpochDone && ++epochs[0] == 2) first.cancel();
            });
        }
        RunRecord stopped = store.list(new ArrayList<>()).get(0);
        assertThat(stopped.status()).isEqualTo(RunRecord.Status.CANCELLED);
        assertThat(stopped.epochs()).hasSize(2);

        TrainingSession second = TrainingSession.resuming(store, stopped, plan);
        assertThat(second.epochsBefore()).isEqualTo(2);
        TrainingSession.Result resumed;
        try (DenoisingModel model = second.checkpointModel()) {
            resumed = second.run(model, e -> { });
        }
        assertThat(store.list(new ArrayList<>())).hasSize(1);
        RunRecord run = resumed.record();
        assertThat(run.id()).isEqualTo(stopped.id());
        assertThat(run.status()).isEqualTo(RunRecord.Status.COMPLETED);
        assertThat(run.epochs()).extracting(RunRecord.EpochPoint::epoch).containsExactly(1, 2, 3, 4);
        assertThat(run.iterationLoss()).hasSize(4 * 4);
        assertThat(resumed.savedEpoch()).isEqualTo(4);
        assertThat(run.epochs().get(3).validationLoss()).isCloseTo(whole.record().epochs().get(3).validationLoss(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRunThatHasDoneAllItsEpochsCannotBeResumed() throws Exception {
        RunStore store = new RunStore(home);
        Dataset data = Dataset.clean("blobs", Blobs.images(64, 8, 1), Blobs.images(16, 8, 2));
        var plan = new TrainingSession.Plan("done", null, data, CorruptionSpec.parse("gaussian:0.3"), 2, 0, false, 0);
        TrainingSession.Result done;
        try (DenoisingModel model = Models.create(dense(1e-2))) {
            done = new TrainingSession(store, plan).run(model, e -> { });
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingSession.resuming(store, done.record(), plan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already did all its 2 epochs");
    }
}
