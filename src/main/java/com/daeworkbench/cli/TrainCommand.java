package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.table.TableModel;
import com.daeworkbench.core.table.TableRecipe;
import com.daeworkbench.core.train.ValidationMetrics;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.model.WarmStart;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.WorkbenchHome;
import com.daeworkbench.core.session.TrainingSession;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.core.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
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

    @Mixin DataOptions source;

    @Mixin TableOptions table;

    @Mixin ModelOptions model;

    @Option(names = "--epochs", defaultValue = "5",
            description = "passes over the training set, 1..10000 (default: ${DEFAULT-VALUE}; " + TableRecipe.EPOCHS + " for a table)")
    int epochs;

    @Option(names = "--out", defaultValue = "model" + ModelStore.EXTENSION, description = "model file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--init", paramLabel = "MODEL", description = "start from this model's weights (same architecture) instead of fresh ones: fine-tuning, or a second phase at a lower learning rate")
    Path init;

    @Option(names = "--add-layers", paramLabel = "N", defaultValue = "0",
            description = "with --init (a residual ReLU model): grow it by N middle layers that start as the identity,"
                    + " so the deeper network begins where the source stopped (default: ${DEFAULT-VALUE})")
    int addLayers;

    @Option(names = "--page-input", paramLabel = "raw|paper-divided",
            description = "what a page goes through before the network, saved with the model so denoise and eval-pages do the same:"
                    + " raw, or paper-divided (divided by its estimated paper, as background removal does)"
                    + " (default: --init's model's, else raw)")
    String pageInput;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "EPOCHS",
            description = "early stopping: stop when the validation loss has not improved for this many epochs (default: 0, never)")
    int patience;

    @Option(names = "--keep-best", description = "save the weights of the epoch with the lowest validation loss, not the last epoch's")
    boolean keepBest;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || epochs > 10_000) throw new ParameterException(spec.commandLine(), "--epochs must be in 1..10000, got " + epochs);
        epochs = Epochs.capped(epochs);
        if (addLayers != 0 && init == null) throw new ParameterException(spec.commandLine(), "--add-layers grows the --init model; pass --init MODEL");
        if (patience < 0) throw new ParameterException(spec.commandLine(), "--patience must be 0 (off) or more, got " + patience);
        requireWritableTarget(out);
        ArchitectureSpec.PageInput input = pageInput == null ? initPageInput() : switch (pageInput.toLowerCase(java.util.Locale.ROOT)) {
            case "raw" -> ArchitectureSpec.PageInput.RAW;
            case "paper-divided", "paper_divided" -> ArchitectureSpec.PageInput.PAPER_DIVIDED;
            default -> throw new ParameterException(spec.commandLine(), "--page-input must be raw or paper-divided, got " + pageInput);
        };
        Dataset data = table.isTable(source.dataset) ? table.load(Path.of(source.dataset), model.seed)
                : DatasetSource.resolve(source.dataset, input);
        if (data.table() != null && !spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
            epochs = Epochs.capped(TableRecipe.EPOCHS);   // a table's epoch is a few steps: 5 would barely start
        }
        Corruption noise = source.corruption(spec, data.shape(), data.hasPairs());
        ArchitectureSpec arch;
        try {
            arch = data.table() != null ? model.toSpec(tableDefaults(data)) : model.toSpec(data.height(), data.width()).withPageInput(input);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        var session = new TrainingSession(WorkbenchHome.runs(), new TrainingSession.Plan(
                // the Runs tab's first column: the file first, what tells two CLI runs apart (data
                // and noise have columns of their own); "(train --out f)" last was cut to "residual, r..."
                out.getFileName() + " · " + arch.kind().name().toLowerCase() + " (train)", null, data,
                data.hasPairs() ? null : noise, epochs, patience, keepBest, 2000));
        try (DenoisingModel net = TableModel.forData(data, init == null ? Models.create(arch) : initialised(arch))) {
            // the network trained, not the one asked for: --init (and --add-layers) decide its depth and width
            err.printf("training %s on %s (%d train / %d test, %s), %s, %,d parameters%n", net.spec().kind().name().toLowerCase(),
                    data.name(), data.train().count(), data.test().count(),
                    data.shape().match(image -> image.height() + "x" + image.width(), row -> row.count() + " features"),
                    data.hasPairs() ? "real noisy/clean pairs" : noise.spec(), Models.parameterCount(net.spec()));
            ProgressPrinter progress = new ProgressPrinter(err, epochs, data.train().count());
            TrainingSession.Result run = session.run(net, progress);
            TrainingResult result = run.training();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double training = progress.secondsSinceStart();
            if (run.savedEpoch() == 0) {
                err.println("no epoch completed; nothing saved");
                return 1;
            }
            RunRecord.EpochPoint kept = run.record().epochs().get(run.savedEpoch() - 1);
            Map<String, Double> metrics = ValidationMetrics.of(data.shape(), kept.validationPsnr(), kept.validationSsim(),
                    kept.validationRmse(), kept.validationLoss());
            ModelInfo info = ModelInfo.of(CorruptionSpec.nameOf(data.hasPairs() ? null : noise), data.name(), run.savedEpoch(), metrics);
            if (run.savedEpoch() == result.epochs().size()) {
                ModelStore.save(out, net, info);
            } else {
                try (DenoisingModel best = TableModel.forData(data, session.keptModel(run))) {
                    ModelStore.save(out, best, info);
                }
            }
            err.printf("saved %s (%s: %.1f s of training and validation, %.1f s with loading; %.0f samples/s over the whole run)%n",
                    out, run.record().message(), training, seconds, (double) result.epochs().size() * data.train().count() / seconds);
            if (json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("model", out.toString());
                summary.put("run_id", run.record().id());
                summary.put("outcome", result.outcome().name().toLowerCase());
                summary.put("epochs", result.epochs().size());
                summary.put("saved_epoch", run.savedEpoch());
                summary.put("seconds", seconds);
                summary.put("train_samples_per_s", progress.lastEpochRate());
                summary.putAll(metrics);
                JsonOut.print(spec.commandLine().getOut(), summary);
            }
            return result.outcome() == TrainingEvent.Outcome.COMPLETED ? 0 : 1;
        }
    }

    /** Checked before the data loads and the epochs run: a long run must not end in "cannot save". */
    private void requireWritableTarget(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "--out: " + file + " is a folder; give a model file name, such as "
                    + file.resolve("model" + ModelStore.EXTENSION));
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) throw new ParameterException(spec.commandLine(), "--out: cannot write into " + folder);
    }

    /** --init's model's page input (fine-tuning keeps what its weights were trained on), raw without --init. */
    private ArchitectureSpec.PageInput initPageInput() throws IOException {
        if (init == null) return ArchitectureSpec.PageInput.RAW;
        try (DenoisingModel from = ModelStore.load(init).model()) {
            return from.spec().pageInput();
        }
    }

    /** The architecture of --init's model with this run's training settings (learning rate, batch, seed...). */
    private DenoisingModel initialised(ArchitectureSpec wanted) throws IOException {
        try (DenoisingModel from = ModelStore.load(init).model()) {
            ArchitectureSpec f = from.spec();
            if (f.pageInput() != wanted.pageInput()) {
                throw new ParameterException(spec.commandLine(), "--init: " + init.getFileName() + " was trained on "
                        + f.pageInput().name().toLowerCase().replace('_', '-') + " pages; pass the same --page-input");
            }
            if (model.loss != null && model.loss != f.loss()) {
                throw new ParameterException(spec.commandLine(), "--loss: " + init.getFileName() + " was trained with "
                        + f.loss().name().toLowerCase() + ", which set its output layer; starting from it keeps that loss");
            }
            if (model.dilation != null && model.dilation != f.dilation()) {
                throw new ParameterException(spec.commandLine(), "--dilation: " + init.getFileName() + " was trained with dilation "
                        + f.dilation() + "; its weights mean that spacing, and starting from it keeps it");
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--arch") && model.kind != f.kind()) {
                throw new ParameterException(spec.commandLine(), "--arch: " + init.getFileName() + " is a " + f.kind().name().toLowerCase()
                        + " network, and starting from it keeps it");
            }
            if (model.layers != null && model.layers != f.layers()) {
                throw new ParameterException(spec.commandLine(), "--layers " + model.layers + ": " + init.getFileName() + " has " + f.layers()
                        + " layers, and starting from it keeps them" + (model.layers > f.layers() && f.kind() == ArchitectureSpec.Kind.RESIDUAL
                        ? "; --add-layers " + (model.layers - f.layers()) + " grows it to " + model.layers : ""));
            }
            if (model.width != null && model.width != f.width()) {
                throw new ParameterException(spec.commandLine(), "--width " + model.width + ": " + init.getFileName() + " has width " + f.width()
                        + ", and starting from it keeps it");
            }
            return WarmStart.from(from, addLayers, wanted);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--init: " + init.getFileName() + ": " + e.getMessage());
        }
    }

    /** A table's rows need the dense network with --arch left out; any other architecture is refused. */
    private ArchitectureSpec tableDefaults(Dataset data) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--arch") && model.kind != ArchitectureSpec.Kind.DENSE) {
            throw new ParameterException(spec.commandLine(), "--arch: a table trains a dense network; use --arch dense (or leave it out)");
        }
        model.kind = ArchitectureSpec.Kind.DENSE;
        return TableRecipe.defaults(data.table().features());
    }
}
