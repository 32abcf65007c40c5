package com.daeworkbench.cli;

import com.daeworkbench.core.infer.DocumentModel;
import com.daeworkbench.core.infer.PageEvaluation;
import com.daeworkbench.core.infer.TiledDenoiser;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.DenoisingModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-pages", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a document model on whole pages.",
                "The pages are a train/ + train_cleaned/ folder (Kaggle layout); prints the RMSE (0-1 scale) "
                + "of the model against the dirty input, a 3x3 median and background removal."})
final class EvalPagesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", description = "model file (default: the bundled document model)")
    Path modelFile;

    @Option(names = "--pages", required = true, description = "folder with train/ (dirty) and train_cleaned/ (clean) pages")
    Path pages;

    @Mixin PassesOption passes;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        DenoisingModel model = modelFile != null ? ModelStore.load(modelFile).model() : DocumentModel.loadBundled().model();
        try (model) {
            PageEvaluation.Report report = PageEvaluation.evaluate(new TiledDenoiser(model, passes.passes), pages, () -> false);
            for (PageEvaluation.PageScore page : report.pages()) {
                StringBuilder line = new StringBuilder(String.format("%-24s %5dx%-5d", page.page(), page.width(), page.height()));
                page.rmse().forEach((method, v) -> line.append(String.format("  %s %.4f", method, v)));
                err.println(line);
            }
            err.printf("RMSE over %d pages (%.1f s):%n", report.pages().size(), report.seconds());
            report.meanRmse().forEach((method, v) -> err.printf("  %-20s %.4f%n", method, v));
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pages", report.pages().size());
                report.meanRmse().forEach((method, v) -> out.put("rmse_" + method.replaceAll("[^a-z0-9]+", "_"), v));
                out.put("seconds", report.seconds());
                JsonOut.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
