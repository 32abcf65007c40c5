package com.daeworkbench.cli;

import com.daeworkbench.core.analysis.LinearProbe;
import com.daeworkbench.core.analysis.PretrainEvaluation;
import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.DenoisingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "pretrain-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Is the encoder a useful feature extractor?",
                "Fits a linear classifier on the frozen encoder's codes of a few labelled images and compares it "
                + "with raw pixels and with an untrained encoder of the same shape."})
final class PretrainEvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path modelFile;

    @Option(names = "--dataset", defaultValue = "digits", description = "a labelled data set (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--labels", defaultValue = "100,1000", split = ",",
            description = "labelled training images per classifier, class-balanced (default: ${DEFAULT-VALUE})")
    int[] labels;

    @Option(names = "--limit", defaultValue = "0", description = "score on the first N test images (0: all)")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "picks the labelled images (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) throw new ParameterException(spec.commandLine(), "--limit must not be negative, got " + limit);
        SavedModel saved = ModelStore.load(modelFile);
        Dataset data = DatasetSource.resolve(dataset);
        if (!data.train().hasLabels()) {
            throw new ParameterException(spec.commandLine(), data.name() + " has no labels: pre-training needs a labelled data set");
        }
        for (int b : labels) {
            if (b < 2 || b > data.train().count()) {
                throw new ParameterException(spec.commandLine(), "--labels: each budget must be in 2.." + data.train().count() + ", got " + b);
            }
        }
        var err = spec.commandLine().getErr();
        PretrainEvaluation.Result result;
        try (DenoisingModel model = saved.model()) {
            err.printf("probing %s on %s with %s labelled images%n", modelFile.getFileName(), data.name(), java.util.Arrays.toString(labels));
            result = PretrainEvaluation.run(model, data, labels, seed, limit, LinearProbe.Options.defaults(), (f, m) -> { });
        }
        err.printf("%d test images, code size %d%n", result.testImages(), result.codeSize());
        err.printf("%8s %10s %10s %16s%n", "labels", "encoder", "pixels", "random encoder");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PretrainEvaluation.Row r : result.rows()) {
            err.printf("%8d %9.1f%% %9.1f%% %15.1f%%%n", r.labels(), 100 * r.encoderAccuracy(), 100 * r.pixelAccuracy(),
                    100 * r.randomEncoderAccuracy());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("labels", r.labels());
            row.put("encoder_accuracy", r.encoderAccuracy());
            row.put("pixels_accuracy", r.pixelAccuracy());
            row.put("random_encoder_accuracy", r.randomEncoderAccuracy());
            rows.add(row);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", modelFile.toString());
            out.put("dataset", data.name());
            out.put("test_images", result.testImages());
            out.put("code_size", result.codeSize());
            out.put("results", rows);
            JsonOut.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }
}
