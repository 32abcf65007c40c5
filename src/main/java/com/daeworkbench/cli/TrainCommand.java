package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.train.Trainer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a denoising autoencoder and save it; progress goes to stderr, one line per epoch.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "digits", description = "digits, fashion, or a folder (IDX files or images) (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--corruption", defaultValue = "gaussian:0.5",
            description = "e.g. gaussian:0.5, saltpepper:0.2, masking:0.3, speckle:0.2, combined with + (default: ${DEFAULT-VALUE})")
    String corruption;

    @Mixin ModelOptions model;

    @Option(names = "--epochs", defaultValue = "5", description = "passes over the training set, 1..10000 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--out", defaultValue = "model" + ModelStore.EXTENSION, description = "model file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--init", paramLabel = "MODEL", description = "start from this model's weights (same architecture) instead of fresh ones: fine-tuning, or a second phase at a lower learning rate")
    Path init;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || epochs > 10_000) throw new ParameterException(spec.commandLine(), "--epochs must be in 1..10000, got " + epochs);
        Corruption noise = parseCorruption(spec, corruption);
        Dataset data = DatasetSource.resolve(dataset);
        ArchitectureSpec arch;
        try {
            arch = model.toSpec(data.height(), data.width());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = spec.commandLine().getErr();
        err.printf("training %s on %s (%d train / %d test, %dx%d), %s, %,d parameters%n", arch.kind().name().toLowerCase(),
                data.name(), data.train().count(), data.test().count(), data.height(), data.width(),
                data.hasPairs() ? "real noisy/clean pairs" : noise.spec(), Models.parameterCount(arch));
        long t0 = System.nanoTime();
        try (DenoisingModel net = init == null ? Models.create(arch) : initialised(arch)) {
            Trainer trainer = new Trainer(net, data, data.hasPairs() ? null : noise, new Trainer.Options(epochs, 0, 0, 2000, arch.seed()));
            // an epoch's rate is its samples over the wall time from its start to its last step:
            // what a stopwatch gives, validation (timed apart) excluded, as bench measures
            long[] epochStart = {System.nanoTime()};
            long[] runStart = {System.nanoTime()};
            long[] lastStep = {System.nanoTime()};
            long[] lastLine = {System.nanoTime()};
            double[] lastRate = {Double.NaN};
            TrainingResult result = trainer.run(event -> {
                if (event instanceof TrainingEvent.Started) {
                    epochStart[0] = System.nanoTime();
                    runStart[0] = epochStart[0];
                }
                if (event instanceof TrainingEvent.IterationDone it) {
                    lastStep[0] = System.nanoTime();
                    // a line every half minute, so long epochs show they are moving
                    if (System.nanoTime() - lastLine[0] > 30_000_000_000L) {
                        lastLine[0] = System.nanoTime();
                        err.printf("  epoch %d: %.0f%% of the run, loss %.5f, %.0f samples/s, %s left%n", it.epoch(),
                                100 * it.progress(), it.loss(), it.samplesPerSecond(), duration(it.etaMillis()));
                    }
                }
                if (event instanceof TrainingEvent.EpochDone e) {
                    double rate = data.train().count() / ((lastStep[0] - epochStart[0]) / 1e9);
                    lastRate[0] = rate;
                    double validation = (System.nanoTime() - lastStep[0]) / 1e9;
                    err.printf("epoch %d/%d  train loss %.5f  validation loss %.5f  PSNR %.2f dB  SSIM %.3f  %.0f samples/s"
                                    + " (validation %.1f s)%n", e.epoch(), epochs, e.trainLoss(), e.validationLoss(),
                            e.validationPsnr(), e.validationSsim(), rate, validation);
                    epochStart[0] = System.nanoTime();
                }
                if (event instanceof TrainingEvent.Finished f && f.outcome() != TrainingEvent.Outcome.COMPLETED) {
                    err.println(f.outcome().name().toLowerCase() + ": " + f.message());
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            double training = (System.nanoTime() - runStart[0]) / 1e9;
            if (result.lastEpoch() == null) {
                err.println("no epoch completed; nothing saved");
                return 1;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("psnr_validation", result.lastEpoch().validationPsnr());
            metrics.put("ssim_validation", result.lastEpoch().validationSsim());
            metrics.put("validation_loss", result.lastEpoch().validationLoss());
            ModelStore.save(out, net, ModelInfo.of(data.hasPairs() ? "pairs" : noise.spec(), data.name(), result.epochs().size(), metrics));
            err.printf("saved %s (%s: %.1f s of training and validation, %.1f s with loading; %.0f samples/s over the whole run)%n",
                    out, result.message(), training, seconds, (double) result.epochs().size() * data.train().count() / seconds);
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("model", out.toString());
                summary.put("outcome", result.outcome().name().toLowerCase());
                summary.put("epochs", result.epochs().size());
                summary.put("seconds", seconds);
                summary.put("train_samples_per_s", lastRate[0]);
                summary.putAll(metrics);
                JsonOut.print(spec.commandLine().getOut(), summary);
            }
            return result.outcome() == TrainingEvent.Outcome.COMPLETED ? 0 : 1;
        }
    }

    /** The architecture of --init's model with this run's training settings (learning rate, batch, seed...). */
    private DenoisingModel initialised(ArchitectureSpec wanted) throws java.io.IOException {
        try (DenoisingModel from = ModelStore.load(init).model()) {
            ArchitectureSpec f = from.spec();
            ArchitectureSpec merged = new ArchitectureSpec(f.kind(), wanted.inputHeight(), wanted.inputWidth(), f.layers(), f.width(),
                    f.bottleneck(), f.activation(), wanted.loss(), wanted.optimizer(), wanted.learningRate(), wanted.batchSize(),
                    wanted.weightDecay(), wanted.seed());
            if (!f.fullyConvolutional() && (f.inputHeight() != wanted.inputHeight() || f.inputWidth() != wanted.inputWidth())) {
                throw new ParameterException(spec.commandLine(), "--init: " + init.getFileName() + " takes " + f.inputWidth() + "x"
                        + f.inputHeight() + " images but the data set has " + wanted.inputWidth() + "x" + wanted.inputHeight());
            }
            return Models.fromBytes(merged, from.toBytes());
        }
    }

    static String duration(long millis) {
        long s = Math.max(0, millis / 1000);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    static Corruption parseCorruption(CommandSpec spec, String text) {
        try {
            return CorruptionSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--corruption: " + e.getMessage());
        }
    }
}
