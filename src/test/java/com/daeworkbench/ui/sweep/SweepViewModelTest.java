package com.daeworkbench.ui.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.Engine;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.testing.TinyDigits;
import com.daeworkbench.ui.InlineTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid sweep from the window, on the inline runner: every configuration trained and kept, then what each knob did. */
class SweepViewModelTest {
    @TempDir Path dir;
    final List<String> notices = new ArrayList<>();

    SweepViewModel.Base tinyConv() throws Exception {
        Engine.initialize();
        var data = DatasetSource.resolve(TinyDigits.idxFolder(dir.resolve("tiny"), 128, 32).toString());
        ArchitectureSpec d = ArchitectureSpec.defaults(Kind.CONV, data.height(), data.width());
        ArchitectureSpec spec = new ArchitectureSpec(Kind.CONV, data.height(), data.width(), 2, 8, 8, d.activation(), d.loss(),
                d.optimizer(), 1e-3, 32, 0, 1);
        return new SweepViewModel.Base(spec, data, CorruptionSpec.parse("gaussian:0.5"));
    }

    @Test
    void aTwoByTwoGridTrainsFourRunsTaggedWithTheSweepAndSaysWhatEachKnobDid() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepViewModel vm = new SweepViewModel(new InlineTaskRunner(), store, notices::add);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lr", "1e-3, 3e-3");
        values.put("width", "8,16");
        vm.start(tinyConv(), values, 1);
        assertThat(notices).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(SweepViewModel.Status.DONE);
            assertThat(r.psnr()).isFinite();
            assertThat(r.runId()).isNotEmpty();
        });
        assertThat(vm.rows().get(1).params()).containsEntry("lr", "1e-3").containsEntry("width", "16");
        List<RunRecord> runs = store.list(new ArrayList<>());
        assertThat(runs).hasSize(4);
        assertThat(runs).extracting(RunRecord::sweep).doesNotContainNull().containsOnly(runs.get(0).sweep());
        assertThat(runs).extracting(r -> r.spec().width()).containsExactlyInAnyOrder(8, 8, 16, 16);
        assertThat(vm.effectsProperty().get()).extracting(com.daeworkbench.core.session.KnobEffects.Effect::knob)
                .containsExactlyInAnyOrder("lr", "width");
        assertThat(vm.statusProperty().get()).startsWith("Sweep done: 4 runs.").contains("Best:");
    }

    @Test
    void aRandomSweepDrawsWithinItsRangesAndItsResultsFilterBrushAndOpenTheChosenRun() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        SweepViewModel vm = new SweepViewModel(new InlineTaskRunner(), store, notices::add);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lr", "1e-4:1e-2");
        fields.put("width", "8,16");
        vm.startRandom(tinyConv(), fields, 4, 7, 1);
        assertThat(notices).isEmpty();
        assertThat(vm.rows()).hasSize(4).allSatisfy(r -> {
            assertThat(Double.parseDouble(r.params().get("lr"))).isBetween(1e-4, 1e-2);
            assertThat(r.params().get("width")).isIn("8", "16");
            assertThat(r.status()).isEqualTo(SweepViewModel.Status.DONE);
        });
        assertThat(store.list(new ArrayList<>())).hasSize(4);
        assertThat(vm.shown()).hasSize(4);
        assertThat(vm.axesProperty().get().get(0).scale()).isInstanceOf(AxisScale.Log.class);

        // a knob's filter narrows the table to exactly the matching runs, and the effects follow the narrowed set
        vm.filterKnob("width", "8");
        assertThat(vm.shown()).allSatisfy(r -> assertThat(r.params().get("width")).isEqualTo("8"))
                .hasSize((int) vm.rows().stream().filter(r -> r.params().get("width").equals("8")).count());
        assertThat(vm.effectsProperty().get()).extracting(com.daeworkbench.core.session.KnobEffects.Effect::knob).doesNotContain("width");
        vm.filterKnob("width", "");
        // a brush on the PSNR axis from the middle up keeps the runs at or above the middle score
        double lo = vm.colorsProperty().get().min(), hi = vm.colorsProperty().get().max();
        vm.brush("PSNR (dB)", new ResultFilter.Interval(0.5, 1));
        assertThat(vm.shown()).extracting(SweepViewModel.Row::number).containsExactlyElementsOf(vm.rows().stream()
                .filter(r -> r.psnr() >= (lo + hi) / 2 - 1e-9).map(SweepViewModel.Row::number).toList());
        vm.clearBrushes();
        assertThat(vm.shown()).hasSize(4);
        // heatmap cells are the mean PSNR of the runs in them (lr drawn from a range: in bins of its log axis)
        HeatmapGrid h = vm.heatmapProperty().get();
        assertThat(h.knobA()).isEqualTo("lr");
        assertThat(h.columns()).hasSize(HeatmapGrid.BINS);
        for (SweepViewModel.Row r : vm.rows()) {
            String bin = HeatmapGrid.grouped(r, vm.axesProperty().get()).get("lr");
            double expected = vm.rows().stream().filter(o -> HeatmapGrid.grouped(o, vm.axesProperty().get()).get("lr").equals(bin)
                    && o.params().get("width").equals(r.params().get("width"))).mapToDouble(SweepViewModel.Row::psnr).average().orElseThrow();
            assertThat(h.cell(h.columns().indexOf(bin), h.rows().indexOf(r.params().get("width")))).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
        }

        SweepViewModel.Row chosen = vm.shown().get(2);
        vm.select(chosen);
        SweepViewModel.Details d = vm.detailsProperty().get();
        assertThat(d.problem()).isEmpty();
        assertThat(d.record().id()).isEqualTo(chosen.runId());
        assertThat(d.record().epochs()).hasSize(1);
        assertThat(d.samples().count()).isEqualTo(SweepViewModel.PREVIEW_IMAGES);
        assertThat(java.util.Arrays.stream(d.samples().psnrReconstructed()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void waitingConfigurationsMoveInTheQueueAndRunInTheirNewOrder() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        StepRunner runner = new StepRunner();
        SweepViewModel vm = new SweepViewModel(runner, store, notices::add);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("width", "8,16,32");
        vm.start(tinyConv(), values, 1);
        assertThat(vm.rows()).extracting(SweepViewModel.Row::status).containsExactly(
                SweepViewModel.Status.RUNNING, SweepViewModel.Status.QUEUED, SweepViewModel.Status.QUEUED);
        assertThat(vm.moveEarlier(vm.rows().get(1))).as("not past the run under way").isFalse();
        assertThat(vm.moveEarlier(vm.rows().get(2))).isTrue();
        assertThat(vm.rows()).extracting(SweepViewModel.Row::number).containsExactly(1, 3, 2);
        assertThat(vm.moveLater(vm.rows().get(2))).as("the last cannot go later").isFalse();
        // paused, the queue holds after the run under way, and goes on when resumed
        vm.pause();
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(runner.step()).isTrue();
        assertThat(runner.step()).as("nothing submitted while paused").isFalse();
        assertThat(vm.rows()).extracting(SweepViewModel.Row::status).containsExactly(
                SweepViewModel.Status.DONE, SweepViewModel.Status.QUEUED, SweepViewModel.Status.QUEUED);
        assertThat(vm.statusProperty().get()).isEqualTo("Paused before run 2 of 3.");
        vm.resume();
        assertThat(vm.pausedProperty().get()).isFalse();
        while (runner.step()) { }
        assertThat(vm.runningProperty().get()).isFalse();
        List<RunRecord> runs = new ArrayList<>(store.list(new ArrayList<>()));
        java.util.Collections.reverse(runs);   // oldest first: the order they ran
        assertThat(runs).extracting(r -> r.spec().width()).containsExactly(8, 32, 16);
    }

    /** Holds submitted work until the test steps it: the queue can be looked at between runs. */
    static final class StepRunner implements com.daeworkbench.ui.TaskRunner {
        private final java.util.ArrayDeque<Runnable> pending = new java.util.ArrayDeque<>();

        @Override
        public <T> Handle submit(String name, java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                                 java.util.function.Consumer<? super Throwable> onError) {
            pending.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return new Handle() {
                public void cancel() { }
                public boolean isDone() { return false; }
            };
        }

        boolean step() {
            Runnable r = pending.poll();
            if (r == null) return false;
            r.run();
            return true;
        }

        @Override public com.daeworkbench.ui.TaskRunner serial() { return this; }

        @Override public void onUiThread(Runnable r) { r.run(); }
    }

    @Test
    void aBadValueStartsNothingAndSaysWhichKnob() throws Exception {
        SweepViewModel vm = new SweepViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start(tinyConv(), Map.of("width", "8,lots"), 1);
        assertThat(vm.rows()).isEmpty();
        assertThat(notices).singleElement().asString().contains("width=lots");
    }

    @Test
    void theStatusBeforeEachRunSaysHowLongTheRestTakesFromTheRunsDone() {
        List<SweepViewModel.Row> rows = new ArrayList<>();
        for (int k = 1; k <= 6; k++) rows.add(new SweepViewModel.Row(k, Map.of("lr", "1e-3"), SweepViewModel.Status.QUEUED, Double.NaN, Double.NaN, ""));
        assertThat(SweepViewModel.timeLeft(rows, 0)).as("nothing done yet").isEmpty();
        rows.set(0, rows.get(0).with(SweepViewModel.Status.DONE, 20, 50, "a"));
        rows.set(1, rows.get(1).with(SweepViewModel.Status.FAILED, Double.NaN, Double.NaN, ""));
        rows.set(2, rows.get(2).with(SweepViewModel.Status.DONE, 21, 70, "b"));
        // two runs done in 60 s each on average, three to go (the failed one tells nothing)
        assertThat(SweepViewModel.timeLeft(rows, 3)).isEqualTo(", about 3m 00s left");
    }
}
