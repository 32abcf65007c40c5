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
    void aBadValueStartsNothingAndSaysWhichKnob() throws Exception {
        SweepViewModel vm = new SweepViewModel(new InlineTaskRunner(), new RunStore(dir.resolve("runs")), notices::add);
        vm.start(tinyConv(), Map.of("width", "8,lots"), 1);
        assertThat(vm.rows()).isEmpty();
        assertThat(notices).singleElement().asString().contains("width=lots");
    }
}
