package com.daeworkbench.cli;

import com.daeworkbench.core.infer.TiledDenoiser;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.model.Probe;
import com.daeworkbench.core.train.Diagnostics;
import com.daeworkbench.core.infer.DocumentModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Training and inference throughput on random data shaped like the reference script's (28x28 by default)
 * (clean in [0,1], gaussian 0.5 noise), one warm-up pass excluded; and seconds per A4 page.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure training and inference speed (samples/s), seconds per A4 page, and peak memory.")
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ModelOptions model;

    @Option(names = "--samples", defaultValue = "4096", description = "samples per timed pass, two timed passes (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--page", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also time one 2480x3508 page through the document model (default: ${DEFAULT-VALUE})")
    boolean page;

    @Option(names = "--page-model", paramLabel = "MODEL",
            description = "time the A4 page through this model file instead of the bundled document model")
    java.nio.file.Path pageModel;

    @Option(names = "--size", defaultValue = "28", description = "image side in pixels, 8..512 (default: ${DEFAULT-VALUE}, the reference shapes)")
    int size;

    @Option(names = "--profile", description = "also print each layer's forward and backward time (conv and residual models)")
    boolean profile;

    @Option(names = "--diagnostics", defaultValue = "0", paramLabel = "N",
            description = "inspect every N-th training step as the Inside window does (update ratios, histograms, "
                    + "feature maps of 16 images), to measure what that costs; 0: never (default: ${DEFAULT-VALUE})")
    int diagnostics;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    private static DocumentModel.Loaded loaded(java.nio.file.Path file) throws java.io.IOException {
        var saved = com.daeworkbench.core.io.ModelStore.load(file);
        var spec = saved.model().spec();
        return new DocumentModel.Loaded(saved.model(), file.getFileName() + ", " + spec.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + spec.layers() + " layers x " + spec.width() + " filters" + (spec.dilation() > 1 ? ", dilation " + spec.dilation() : ""));
    }

    @Override
    public Integer call() throws Exception {
        if (samples < 1 || samples > 10_000_000) throw new ParameterException(spec.commandLine(), "--samples must be in 1..10000000");
        if (size < 8 || size > 512) throw new ParameterException(spec.commandLine(), "--size must be in 8..512, got " + size);
        if (diagnostics < 0) throw new ParameterException(spec.commandLine(), "--diagnostics must be 0 (off) or more, got " + diagnostics);
        ArchitectureSpec arch = model.toSpec(size, size);
        int pixels = size * size;
        var err = spec.commandLine().getErr();
        PeakMemory memory = PeakMemory.start();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arch", arch.kind().name().toLowerCase());
        out.put("batch", arch.batchSize());
        out.put("samples", samples);
        out.put("threads", Runtime.getRuntime().availableProcessors());
        out.put("diagnostics_every", diagnostics);
        try (DenoisingModel net = Models.create(arch)) {
            int batch = arch.batchSize();
            SplittableRandom random = new SplittableRandom(arch.seed());
            float[] clean = new float[batch * pixels];
            float[] noisy = new float[batch * pixels];
            for (int i = 0; i < clean.length; i++) {
                clean[i] = (float) random.nextDouble();
                noisy[i] = (float) Math.min(1, Math.max(0, clean[i] + 0.5 * random.nextGaussian()));
            }
            int batches = Math.max(1, samples / batch);
            // one untimed pass first, as the PyTorch reference script warms up with one epoch: the
            // first hundred steps run slower (JIT, native caches) and would be half of a short run
            int probeCount = Math.min(Diagnostics.PROBE_IMAGES, batch);
            Probe probe = new Probe(java.util.Arrays.copyOf(noisy, probeCount * pixels), probeCount, 0);
            for (int i = 1; i <= batches; i++) trainStep(net, noisy, clean, batch, probe, i);
            long t = System.nanoTime();
            for (int i = 1; i <= 2 * batches; i++) trainStep(net, noisy, clean, batch, probe, i);
            double train = 2.0 * batches * batch / ((System.nanoTime() - t) / 1e9);
            out.put("train_samples_per_s", round(train));
            err.printf("train: %.0f samples/s%n", train);
            if (diagnostics > 0) {
                DiagnosticsCost cost = diagnosticsCost(net, noisy, clean, batch, probe, batches);
                out.put("interleaved_plain_samples_per_s", round(cost.plain()));
                out.put("interleaved_inspected_samples_per_s", round(cost.inspected()));
                out.put("diagnostics_cost_percent", round(cost.percent()));
                err.printf("diagnostics every %d steps, interleaved with plain steps: %.0f against %.0f samples/s, %.1f%% slower%n",
                        diagnostics, cost.inspected(), cost.plain(), cost.percent());
            }
            t = System.nanoTime();
            for (int i = 0; i < 2 * batches; i++) net.denoise(noisy, batch, size, size);
            double infer = 2.0 * batches * batch / ((System.nanoTime() - t) / 1e9);
            out.put("infer_samples_per_s", round(infer));
            err.printf("infer: %.0f samples/s%n", infer);
            if (profile) {
                for (var layer : Models.profileLayers(net, noisy, clean, batch, 5)) {
                    err.printf("  %-45s forward %7.2f ms   backward %7.2f ms%n", layer.layer(), layer.forwardMs(), layer.backwardMs());
                }
            }
        }
        if (page) {
            DocumentModel.Loaded doc = pageModel == null ? DocumentModel.loadBundledOrUntrained() : loaded(pageModel);
            // a page with paper noise and text-like strokes, not a flat gray: the paper estimate of a
            // paper-divided model (a running median) costs more on real pixel values than on a constant
            float[] a4 = new float[2480 * 3508];
            SplittableRandom pageNoise = new SplittableRandom(300);
            for (int y = 0; y < 3508; y++) {
                for (int x = 0; x < 2480; x++) {
                    boolean ink = y % 50 < 30 && x % 23 < 4;
                    a4[y * 2480 + x] = (float) Math.max(0, Math.min(1, (ink ? 0.15 : 0.8) + 0.03 * pageNoise.nextGaussian()));
                }
            }
            long t = System.nanoTime();
            new TiledDenoiser(doc.model()).denoise(a4, 3508, 2480);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.put("page_seconds", round(seconds));
            out.put("page_model", doc.description());
            err.printf("A4 page at 300 dpi: %.2f s (%s)%n", seconds, doc.description());
            doc.model().close();
        }
        memory.stop();
        out.put("peak_heap_mb", round(memory.peakHeapMb()));
        out.put("peak_rss_mb", round(memory.peakRssMb()));
        err.printf("peak memory: heap %.0f MB, process %.0f MB%n", memory.peakHeapMb(), memory.peakRssMb());
        if (json) JsonOut.print(spec.commandLine().getOut(), out);
        return 0;
    }

    /** Training speed with and without diagnostics, each measured over the same stretches of time. */
    private record DiagnosticsCost(double plain, double inspected) {
        double percent() { return 100 * (1 - inspected / plain); }
    }

    /**
     * Blocks of N plain steps alternating with blocks of N steps whose last is inspected, about
     * as many steps as the timed passes: one process, the same warm JIT and caches, and any drift
     * of the machine's speed (another program, the clock) falls on both alike. Comparing two
     * separate runs could not see a few percent: on the shared 2-core machine identical runs
     * differed by up to 25%.
     */
    private DiagnosticsCost diagnosticsCost(DenoisingModel net, float[] noisy, float[] clean, int batch, Probe probe, int batches) {
        int blocks = Math.max(2, 2 * batches / diagnostics);
        long plainNanos = 0, inspectedNanos = 0;
        for (int b = 0; b < blocks; b++) {
            long t = System.nanoTime();
            for (int i = 1; i <= diagnostics; i++) net.fit(noisy, clean, batch);
            long t1 = System.nanoTime();
            for (int i = 1; i < diagnostics; i++) net.fit(noisy, clean, batch);
            net.fitAndInspect(noisy, clean, batch, probe);
            long t2 = System.nanoTime();
            plainNanos += t1 - t;
            inspectedNanos += t2 - t1;
        }
        double samples = (double) blocks * diagnostics * batch;
        return new DiagnosticsCost(samples / (plainNanos / 1e9), samples / (inspectedNanos / 1e9));
    }

    /** Step {@code i} (from 1): inspected as the Trainer does when diagnostics are on and i is a multiple of N. */
    private void trainStep(DenoisingModel net, float[] noisy, float[] clean, int batch, Probe probe, int i) {
        if (diagnostics > 0 && i % diagnostics == 0) net.fitAndInspect(noisy, clean, batch, probe);
        else net.fit(noisy, clean, batch);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
