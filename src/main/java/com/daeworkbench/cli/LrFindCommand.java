package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Engine;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.train.LearningRateFinder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "lr-find", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find a learning rate.",
                "One short run whose rate grows from --from to --to, one batch per rate, until the loss explodes; "
                + "prints the loss by rate and suggests a third of the rate where it fell fastest."})
final class LrFindCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DataOptions data;

    @Mixin ModelOptions model;

    @Option(names = "--from", defaultValue = "1e-6", description = "lowest rate (default: ${DEFAULT-VALUE})")
    double from;

    @Option(names = "--to", defaultValue = "1", description = "highest rate (default: ${DEFAULT-VALUE})")
    double to;

    @Option(names = "--steps", defaultValue = "100", description = "batches, one per rate, 10..10000 (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LearningRateFinder.Range range;
        try {
            if (steps > 10_000) throw new IllegalArgumentException("--steps must be 10..10000, got " + steps);
            range = new LearningRateFinder.Range(from, to, steps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " (--from " + from + " --to " + to + " --steps " + steps + ")");
        }
        Dataset data = DatasetSource.resolve(this.data.dataset);
        Corruption noise = this.data.corruption(spec, data.shape(), data.hasPairs());
        ArchitectureSpec arch;
        try {
            arch = model.toSpec(data.height(), data.width());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Engine.initialize();
        LearningRateFinder.Result result;
        try (DenoisingModel net = Models.create(arch)) {
            result = LearningRateFinder.run(net, data, noise, range, () -> false);
        }
        var err = spec.commandLine().getErr();
        err.println("learning rate  loss (smoothed)");
        for (LearningRateFinder.Point p : result.points()) {
            err.printf(Locale.ROOT, "%12.3g  %.5f%n", p.learningRate(), p.smoothedLoss());
        }
        err.printf(Locale.ROOT, "%s; lowest loss at %.3g. Suggested learning rate: %.3g (train --lr %.3g)%n",
                result.diverged() ? "the loss exploded, which ended the test" : "the range ended before the loss exploded",
                result.lowestLossRate(), result.suggestion(), result.suggestion());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("suggested_lr", result.suggestion());
            out.put("lowest_loss_lr", result.lowestLossRate());
            out.put("diverged", result.diverged());
            out.put("points", result.points().stream()
                    .map(p -> List.of(p.learningRate(), p.loss(), p.smoothedLoss())).toList());
            JsonOut.print(spec.commandLine().getOut(), out);
        }
        return 0;
    }
}
