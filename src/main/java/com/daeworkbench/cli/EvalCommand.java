package com.daeworkbench.cli;

import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableData;
import com.daeworkbench.core.data.TableReader;
import com.daeworkbench.core.table.TableEvaluation;
import com.daeworkbench.core.table.TableModel;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a model on a test split: PSNR, SSIM and RMSE of the noisy input, the model and the best plain filters;"
                + " on a table, the RMSE of imputing hidden cells by the model, column means and kNN.")
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path modelFile;

    @Option(names = "--dataset", defaultValue = "digits", description = "digits, fashion, a folder, or a table (.csv, .tsv) (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--corruption", description = "noise to score against (default: the one the model was trained with)")
    String corruption;

    @Option(names = "--noise-seed", defaultValue = "12345", description = "seed of the fixed test noise (default: ${DEFAULT-VALUE})")
    long noiseSeed;

    @Option(names = "--limit", defaultValue = "0", description = "score only the first N test images (0: all)")
    int limit;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Mixin TableOptions table;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = ModelStore.load(modelFile);
        if (table.isTable(dataset)) return evalTable(saved);
        Dataset data = DatasetSource.resolve(dataset);
        ImageSet clean = limit > 0 ? data.test().slice(0, Math.min(limit, data.test().count())) : data.test();
        ImageSet noisy;
        String noiseSpec;
        if (data.hasPairs()) {
            noisy = limit > 0 ? data.testNoisy().slice(0, clean.count()) : data.testNoisy();
            noiseSpec = CorruptionSpec.PAIRS;
        } else {
            String text = corruption != null ? corruption : saved.info().corruption();
            if (text == null || text.equals(CorruptionSpec.PAIRS)) {
                throw new ParameterException(spec.commandLine(), "the model was trained on noisy/clean pairs: give --corruption");
            }
            Corruption noise = DataOptions.parse(spec, text);
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

    /** Tables: imputation of hidden cells by the model, by column means and by kNN, in scaled units. */
    private int evalTable(SavedModel saved) throws java.io.IOException {
        double hide = table.hide > 0 ? table.hide : 0.2;
        if (hide >= 1) throw new ParameterException(spec.commandLine(), "--hide must be in (0, 1), got " + hide);
        Path file = Path.of(dataset);
        try (TableModel model = ImputeCommand.tableModel(spec, modelFile, saved)) {
            RawTable raw = TableReader.read(file, model.schema().header());
            TableEvaluation.Result r = TableEvaluation.run(model, raw, hide, table.hideSeed);
            var err = spec.commandLine().getErr();
            String seen = new TableData.Options(null, null, null, hide, table.hideSeed).describe(file);
            if (!seen.equals(saved.info().dataset())) {
                err.printf("note: %s was trained on %s, not on %s: unless that file lacks these cells, the model saw the cells"
                        + " it is scored on (train with the same --hide and --hide-seed to keep them out)%n",
                        modelFile.getFileName(), saved.info().dataset(), seen);
            }
            err.printf("%s on %s (%d rows, %d hidden cells): RMSE (scaled) model %.4f, column mean %.4f, kNN (k=%d) %.4f%n",
                    modelFile.getFileName(), file.getFileName(), r.rows(), r.hiddenCells(), r.rmseModel(), r.rmseMean(), r.k(),
                    r.rmseKnn());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("model", modelFile.toString());
                out.put("dataset", file.toString());
                out.put("hide", hide);
                out.put("hide_seed", table.hideSeed);
                out.put("rows", r.rows());
                out.put("hidden_cells", r.hiddenCells());
                out.put("rmse_model", r.rmseModel());
                out.put("rmse_mean", r.rmseMean());
                out.put("rmse_knn", r.rmseKnn());
                out.put("knn_k", r.k());
                Map<String, Object> columns = new LinkedHashMap<>();
                for (TableEvaluation.ColumnScore c : r.columns()) {
                    columns.put(c.column(), Map.of("hidden", c.hidden(), "rmse_model", c.rmseModel(), "rmse_mean", c.rmseMean(),
                            "rmse_knn", c.rmseKnn()));
                }
                out.put("columns", columns);
                JsonOut.print(spec.commandLine().getOut(), out);
            }
        }
        return 0;
    }
}
