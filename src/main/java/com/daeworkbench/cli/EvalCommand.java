package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.Corruptions;
import com.daeworkbench.core.train.Evaluator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a model on a test split: PSNR, SSIM and RMSE of the noisy input, the model and the best plain filters.")
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path modelFile;

    @Option(names = "--dataset", defaultValue = "digits", description = "digits, fashion, or a folder (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--corruption", description = "noise to score against (default: the one the model was trained with)")
    String corruption;

    @Option(names = "--noise-seed", defaultValue = "12345", description = "seed of the fixed test noise (default: ${DEFAULT-VALUE})")
    long noiseSeed;

    @Option(names = "--limit", defaultValue = "0", description = "score only the first N test images (0: all)")
    int limit;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = ModelStore.load(modelFile);
        Dataset data = DatasetSource.resolve(dataset);
        ImageSet clean = limit > 0 ? data.test().slice(0, Math.min(limit, data.test().count())) : data.test();
        ImageSet noisy;
        String noiseSpec;
        if (data.hasPairs()) {
            noisy = limit > 0 ? data.testNoisy().slice(0, clean.count()) : data.testNoisy();
            noiseSpec = "pairs";
        } else {
            String text = corruption != null ? corruption : saved.info().corruption();
            if (text == null || text.equals("pairs")) {
                throw new ParameterException(spec.commandLine(), "the model was trained on noisy/clean pairs: give --corruption");
            }
            Corruption noise = TrainCommand.parseCorruption(spec, text);
            noisy = Corruptions.corruptSet(clean, noise, noiseSeed);
            noiseSpec = noise.spec();
        }
        if (!saved.model().spec().fullyConvolutional()
                && (saved.model().spec().inputHeight() != clean.height() || saved.model().spec().inputWidth() != clean.width())) {
            throw new ParameterException(spec.commandLine(), modelFile.getFileName() + " takes " + saved.model().spec().inputHeight()
                    + "x" + saved.model().spec().inputWidth() + " images but " + data.name() + " has " + clean.height() + "x" + clean.width());
        }
        Map<String, Double> metrics = Evaluator.evaluate(saved.model(), clean, noisy);
        var err = spec.commandLine().getErr();
        err.printf("%s on %s (%d test images, %s): PSNR noisy %.2f dB, denoised %.2f dB, best plain filter %.2f dB; SSIM %.3f -> %.3f%n",
                modelFile.getFileName(), data.name(), clean.count(), noiseSpec, metrics.get("psnr_noisy"), metrics.get("psnr_denoised"),
                metrics.get("psnr_best_classic"), metrics.get("ssim_noisy"), metrics.get("ssim_denoised"));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", modelFile.toString());
            out.put("dataset", data.name());
            out.put("corruption", noiseSpec);
            out.putAll(metrics);
            JsonOut.print(spec.commandLine().getOut(), out);
        }
        saved.model().close();
        return 0;
    }
}
