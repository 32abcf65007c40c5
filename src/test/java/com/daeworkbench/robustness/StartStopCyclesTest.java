package com.daeworkbench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.data.BundledDigits;
import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Start a run, stop it mid-epoch, fifty times in a row (what a student does with the Train
 * and Stop buttons): heap and native memory must not creep up. ND4J's buffers live outside
 * the heap and outside JavaCPP's counters, so the process's resident size is what is checked. Each cycle builds a fresh
 * network, trains a few batches, cancels from inside the loop and closes the model.
 */
class StartStopCyclesTest {
    static final int CYCLES = 50;

    @Test
    void fiftyStartStopCyclesLeaveHeapAndNativeMemoryFlat() throws Exception {
        Dataset digits = BundledDigits.load();
        long[] heap = new long[CYCLES + 1], process = new long[CYCLES + 1];
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            // the GUI's default conv model every cycle; the SameDiff-run dense model (slow to build) every fifth
            ArchitectureSpec.Kind[] kinds = cycle % 5 == 0
                    ? new ArchitectureSpec.Kind[] {ArchitectureSpec.Kind.CONV, ArchitectureSpec.Kind.DENSE}
                    : new ArchitectureSpec.Kind[] {ArchitectureSpec.Kind.CONV};
            for (ArchitectureSpec.Kind kind : kinds) {
                ArchitectureSpec base = ArchitectureSpec.defaults(kind, 28, 28);
                ArchitectureSpec spec = new ArchitectureSpec(kind, 28, 28, base.layers(), base.width(), base.bottleneck(),
                        base.activation(), base.loss(), base.optimizer(), base.learningRate(), 64, 0, cycle);
                try (DenoisingModel model = Models.create(spec)) {
                    Trainer trainer = new Trainer(model, digits, CorruptionSpec.parse("gaussian:0.5"), new Trainer.Options(2, 4, 2, 200, cycle));
                    TrainingResult result = trainer.run(e -> {
                        if (e instanceof TrainingEvent.IterationDone it && it.iteration() == 6) trainer.cancel();
                    });
                    assertThat(result.outcome()).isEqualTo(TrainingEvent.Outcome.CANCELLED);
                }
            }
            System.gc();
            Thread.sleep(20);
            Runtime rt = Runtime.getRuntime();
            heap[cycle] = rt.totalMemory() - rt.freeMemory();
            process[cycle] = Pointer.physicalBytes();
        }
        double mb = 1 << 20;
        System.out.printf("start/stop cycles: heap %.0f -> %.0f MB, process (heap + ND4J native) %.0f -> %.0f MB (cycle 10 -> %d)%n",
                heap[10] / mb, heap[CYCLES] / mb, process[10] / mb, process[CYCLES] / mb, CYCLES);
        // measured: heap 50 -> 50 MB, process 417 -> 441 MB. A leak of one batch's conv
        // activations per cycle (~25 MB of native buffers) would add ~1 GB over 40 cycles.
        assertThat(heap[CYCLES] - heap[10]).as("heap growth").isLessThan(40L << 20);
        assertThat(process[CYCLES] - process[10]).as("process growth (native buffers included)").isLessThan(250L << 20);
    }
}
