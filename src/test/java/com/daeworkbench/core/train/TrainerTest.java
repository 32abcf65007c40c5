package com.daeworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.train.TrainingEvent.Outcome;
import com.daeworkbench.testing.Blobs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainerTest {

    static Dataset blobs(int train, int test, int side) {
        return Dataset.clean("blobs", images(train, side, 1), images(test, side, 2));
    }

    static ImageSet images(int count, int side, long seed) {
        return Blobs.images(count, side, seed);
    }

    static ArchitectureSpec dense(int side, double lr) {
        ArchitectureSpec d = ArchitectureSpec.defaults(Kind.DENSE, side, side);
        return new ArchitectureSpec(Kind.DENSE, side, side, 1, 32, 16, d.activation(), d.loss(), d.optimizer(), lr, 16, 0, 3);
    }

    @Test
    void aRunReportsEveryIterationAndEpochAndImprovesPsnr() {
        Dataset data = blobs(512, 32, 12);
        List<TrainingEvent> events = new ArrayList<>();
        try (DenoisingModel model = Models.create(dense(12, 1e-2))) {
            TrainingResult result = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.3"),
                    new Trainer.Options(3, 4, 5, 0, 9)).run(events::add);
            assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
            assertThat(events.get(events.size() - 1)).isInstanceOf(TrainingEvent.Finished.class);
            assertThat(events.stream().filter(e -> e instanceof TrainingEvent.IterationDone)).hasSize(3 * 32);
            assertThat(result.epochs()).hasSize(3);
            TrainingEvent.EpochDone last = result.lastEpoch();
            assertThat(last.samples().count()).isEqualTo(4);
            assertThat(last.samples().reconstructed()).hasSize(4 * 144);
            // the network must beat its noisy input on the validation set
            double noisyPsnr = java.util.Arrays.stream(last.samples().psnrNoisy()).average().orElseThrow();
            assertThat(last.validationPsnr()).isGreaterThan(noisyPsnr);
            assertThat(result.epochs().get(2).validationLoss()).isLessThan(result.epochs().get(0).validationLoss());
        }
    }

    @Test
    void theSameSeedsGiveTheSameRun() {
        Dataset data = blobs(64, 16, 12);
        double[][] losses = new double[2][];
        for (int run = 0; run < 2; run++) {
            List<Double> l = new ArrayList<>();
            try (DenoisingModel model = Models.create(dense(12, 1e-3))) {
                new Trainer(model, data, CorruptionSpec.parse("saltpepper:0.2"), new Trainer.Options(2, 0, 0, 0, 4))
                        .run(e -> { if (e instanceof TrainingEvent.IterationDone it) l.add(it.loss()); });
            }
            losses[run] = l.stream().mapToDouble(Double::doubleValue).toArray();
        }
        assertThat(losses[0]).hasSize(8).containsExactly(losses[1]);
    }

    @Test
    void cancelStopsWithinOneBatch() {
        Dataset data = blobs(160, 16, 12);
        CountingModel model = new CountingModel(dense(12, 1e-3), Double.NaN);
        Trainer trainer = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.2"), new Trainer.Options(5, 0, 0, 0, 1));
        model.onFit = n -> { if (n == 3) trainer.cancel(); };
        TrainingResult result = trainer.run(e -> { });
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(model.fits.get()).isEqualTo(3);
    }

    @Test
    void aNonFiniteLossStopsTheRunAndNamesTheLearningRate() {
        Dataset data = blobs(64, 16, 12);
        CountingModel model = new CountingModel(dense(12, 0.5), 4);
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult result = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.2"), new Trainer.Options(3, 0, 0, 0, 1))
                .run(events::add);
        assertThat(result.outcome()).isEqualTo(Outcome.DIVERGED);
        assertThat(result.message()).contains("learning rate").contains("0.5");
        assertThat(model.fits.get()).isEqualTo(4);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(TrainingEvent.Finished.class,
                f -> assertThat(f.outcome()).isEqualTo(Outcome.DIVERGED));
    }

    @Test
    void pauseHoldsTheLoopUntilResume() throws Exception {
        Dataset data = blobs(160, 16, 12);
        CountingModel model = new CountingModel(dense(12, 1e-3), Double.NaN);
        Trainer trainer = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.2"), new Trainer.Options(1, 0, 0, 0, 1));
        CountDownLatch paused = new CountDownLatch(1);
        model.onFit = n -> { if (n == 2) trainer.pause(); };
        Thread t = new Thread(() -> trainer.run(e -> { if (e instanceof TrainingEvent.Paused) paused.countDown(); }));
        t.start();
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(model.fits.get()).isEqualTo(2);
        trainer.resume();
        t.join(30_000);
        assertThat(model.fits.get()).isEqualTo(10);
    }

    @Test
    void anInterruptEndsTheRunAndKeepsTheFlag() {
        Dataset data = blobs(64, 16, 12);
        CountingModel model = new CountingModel(dense(12, 1e-3), Double.NaN);
        model.onFit = n -> { if (n == 2) Thread.currentThread().interrupt(); };
        TrainingResult result = new Trainer(model, data, CorruptionSpec.parse("gaussian:0.2"), new Trainer.Options(2, 0, 0, 0, 1))
                .run(e -> { });
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(model.fits.get()).isEqualTo(2);
    }

    /** A stand-in engine: counts fit calls and returns NaN from the given call on, to test the loop itself. */
    static final class CountingModel implements DenoisingModel {
        final ArchitectureSpec spec;
        final double nanFrom;
        final AtomicInteger fits = new AtomicInteger();
        volatile java.util.function.IntConsumer onFit = n -> { };

        CountingModel(ArchitectureSpec spec, double nanFrom) {
            this.spec = spec;
            this.nanFrom = nanFrom;
        }

        public ArchitectureSpec spec() { return spec; }
        public long parameterCount() { return 1; }
        public double fit(float[] noisy, float[] clean, int count) {
            int n = fits.incrementAndGet();
            onFit.accept(n);
            return n >= nanFrom ? Double.NaN : 1.0 / n;
        }
        public double loss(float[] noisy, float[] clean, int count) { return 0.5; }
        public float[] denoise(float[] noisy, int count, int h, int w) { return java.util.Arrays.copyOf(noisy, count * h * w); }
        public byte[] toBytes() { return new byte[0]; }
        public float[] encode(float[] input, int count, int h, int w) { return new float[count]; }
        public int codeSize(int h, int w) { return 1; }
        public void close() { }
    }

    /**
     * Stopped after an epoch and resumed from its checkpoint (the model file's bytes), a run ends
     * with exactly the weights of the same run never stopped: the optimizer's state, the data
     * order and the noise all continue. Adam, RMSProp and momentum each keep state of their own.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ArchitectureSpec.Optimizer.class)
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne(ArchitectureSpec.Optimizer optimizer) throws Exception {
        Dataset data = blobs(96, 16, 8);
        ArchitectureSpec d = ArchitectureSpec.defaults(Kind.CONV, 8, 8);
        ArchitectureSpec spec = new ArchitectureSpec(Kind.CONV, 8, 8, 1, 4, 4, d.activation(), d.loss(), optimizer, 1e-2, 16, 0, 5);
        float[] probe = images(4, 8, 7).pixels();
        float[] uninterrupted;
        try (DenoisingModel model = Models.create(spec)) {
            new Trainer(model, data, CorruptionSpec.parse("gaussian:0.3"), new Trainer.Options(3, 0, 0, 0, 11)).run(e -> { });
            uninterrupted = model.denoise(probe, 4, 8, 8);
        }
        byte[] checkpoint;
        try (DenoisingModel model = Models.create(spec)) {
            new Trainer(model, data, CorruptionSpec.parse("gaussian:0.3"), new Trainer.Options(1, 0, 0, 0, 11)).run(e -> { });
            checkpoint = model.toBytes();
        }
        try (DenoisingModel resumed = Models.fromBytes(spec, checkpoint)) {
            TrainingResult result = new Trainer(resumed, data, CorruptionSpec.parse("gaussian:0.3"),
                    new Trainer.Options(2, 0, 0, 0, 11, 1)).run(e -> { });
            assertThat(result.message()).isEqualTo("trained 2 epochs more, 3 in all");
            assertThat(resumed.denoise(probe, 4, 8, 8)).containsExactly(uninterrupted);
        }
        try (DenoisingModel replayed = Models.fromBytes(spec, checkpoint)) {
            // resumed as if from scratch (epoch 1's order and noise again) it ends elsewhere: the streams matter
            new Trainer(replayed, data, CorruptionSpec.parse("gaussian:0.3"), new Trainer.Options(2, 0, 0, 0, 11)).run(e -> { });
            assertThat(replayed.denoise(probe, 4, 8, 8)).isNotEqualTo(uninterrupted);
        }
    }
}
