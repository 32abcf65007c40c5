package com.daeworkbench.cli;

import com.daeworkbench.core.data.RawTable;
import com.daeworkbench.core.data.TableReader;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.table.TableImputer;
import com.daeworkbench.core.table.TableModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "impute", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fill the missing cells of a table with a model trained on tables of the same columns: same header,"
                + " columns, order and rows; only missing cells (empty, NA, NaN, ?) are filled, in the file's own units.")
final class ImputeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "a model trained on a table (train --dataset table.csv)")
    Path modelFile;

    @Option(names = "--in", required = true, description = "the table with missing cells (.csv, .tsv)")
    Path in;

    @Option(names = "--out", required = true, description = "the filled table to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        TableImputer.checkTarget(in, out);
        SavedModel saved = ModelStore.load(modelFile);
        try (TableModel model = tableModel(spec, modelFile, saved)) {
            RawTable raw = TableReader.read(in, model.schema().header());
            TableImputer.Result result = TableImputer.impute(model, raw, out);
            spec.commandLine().getErr().printf("wrote %s: %d rows, %d missing cells filled%n", out, result.rows(), result.filled());
        }
        return 0;
    }

    static TableModel tableModel(CommandSpec spec, Path file, SavedModel saved) throws java.io.IOException {
        TableModel model;
        try {
            model = TableModel.of(saved);
        } catch (java.io.IOException e) {
            saved.model().close();
            throw new ModelStore.ModelFileException(file, e.getMessage());
        }
        if (model == null) {
            saved.model().close();
            throw new ParameterException(spec.commandLine(), "--model: " + file.getFileName()
                    + " was trained on images, not a table; train one with train --dataset table.csv");
        }
        return model;
    }
}
