package com.daeworkbench.cli;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import com.daeworkbench.core.noise.Corruption;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.core.runs.WorkbenchHome;
import com.daeworkbench.core.session.Knob;
import com.daeworkbench.core.session.KnobEffects;
import com.daeworkbench.core.session.Sweep;
import com.daeworkbench.core.session.TrainingSession;
import java.util.ArrayList;
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

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one run per configuration of the knobs given, one after another.",
                "Every run is kept (the window's Runs tab lists them, tagged with the sweep). Knobs are train's option names: "
                + "lr, width, layers, bottleneck, dilation, batch, weight-decay, activation, optimizer, loss, corruption. "
                + "With --json the last stdout line is {\"sweep\": id, \"runs\": [{\"params\", \"psnr_validation\", "
                + "\"run_id\", \"seconds\", ...}, ...] in order, \"best\": the run with the highest PSNR}."})
final class SweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** --corruption is the corruption of every run when it is not a knob */
    @Mixin DataOptions data;

    @Mixin ModelOptions model;

    @Option(names = "--epochs", defaultValue = "1", description = "epochs per run, 1..10000 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--grid", paramLabel = "KNOB=V1,V2,...", description = "values to try; several --grid: every combination")
    List<String> grids = new ArrayList<>();

    @Option(names = "--random", paramLabel = "N", description = "N random configurations from the --range knobs (and --grid values)")
    Integer random;

    @Option(names = "--range", paramLabel = "KNOB=LOW:HIGH[:log]", description = "a range to draw from with --random; :log for rates")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--patience", defaultValue = "0", description = "early stopping per run (epochs without improvement; 0: off)")
    int patience;

    @Option(names = "--keep-best", description = "each run keeps its best epoch's weights")
    boolean keepBest;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, String>> configs = configurations();
        if (epochs < 1 || epochs > 10_000) throw new ParameterException(spec.commandLine(), "--epochs must be in 1..10000, got " + epochs);
        epochs = Epochs.capped(epochs);
        var err = spec.commandLine().getErr();
        Dataset data = DatasetSource.resolve(this.data.dataset);
        RunStore store = WorkbenchHome.runs();
        String sweepId = "sweep-" + RunStore.newId();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<KnobEffects.Outcome> outcomes = new ArrayList<>();
        err.printf("sweep %s: %d configurations of %s, %d epoch(s) each, on %s%n", sweepId, configs.size(),
                String.join(", ", configs.get(0).keySet()), epochs, data.name());
        BatchProgress progress = new BatchProgress(configs.size(), System::nanoTime);
        for (int i = 0; i < configs.size(); i++) {
            Map<String, String> config = configs.get(i);
            ArchitectureSpec arch = specFor(config, data);
            String noiseSpec = config.getOrDefault(Knob.CORRUPTION.option, this.data.corruptionText(data.shape()));
            Corruption noise = data.hasPairs() ? null : DataOptions.parse(spec, noiseSpec, data.shape());
            String label = describe(config);
            // the runs done so far (all of one size) tell how long the rest take
            err.printf("[%d/%d] %s%s%n", i + 1, configs.size(), label, progress.timeLeft(i + 1, 0, 1));
            long t0 = System.nanoTime();
            var session = new TrainingSession(store, new TrainingSession.Plan(label, sweepId, data, noise, epochs, patience, keepBest, 2000));
            TrainingSession.Result result;
            try (DenoisingModel net = Models.create(arch)) {
                result = session.run(net, new ProgressPrinter(err, epochs, data.train().count()));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            rows.add(row(config, result, seconds));
            outcomes.add(new KnobEffects.Outcome(config, score(result)));
        }
        Map<String, Object> best = rows.stream()
                .filter(r -> Double.isFinite((Double) r.get("psnr_validation")))
                .max((a, b) -> Double.compare((Double) a.get("psnr_validation"), (Double) b.get("psnr_validation"))).orElse(null);
        printEffects(err, KnobEffects.of(outcomes));
        if (best != null) err.printf("best: %s, validation PSNR %.2f dB (run %s)%n", best.get("params"), best.get("psnr_validation"), best.get("run_id"));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sweep", sweepId);
            out.put("runs", rows);
            out.put("best", best);
            JsonOut.print(spec.commandLine().getOut(), out);
        }
        return best != null ? 0 : 1;
    }

    private List<Map<String, String>> configurations() {
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String g : grids) {
                String[] kv = keyValue(g, "--grid");
                values.put(Knob.of(kv[0]).option, List.of(kv[1].split(",")));
            }
            List<Sweep.Range> drawn = new ArrayList<>();
            for (String r : ranges) {
                String[] kv = keyValue(r, "--range");
                Knob knob = Knob.of(kv[0]);
                String[] parts = kv[1].split(":");
                if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("log"))) {
                    throw new IllegalArgumentException("--range " + r + ": write KNOB=LOW:HIGH or KNOB=LOW:HIGH:log");
                }
                drawn.add(new Sweep.Range(knob.option, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), parts.length == 3, knob.integer));
            }
            if (random == null && !drawn.isEmpty()) throw new IllegalArgumentException("--range needs --random N");
            List<Map<String, String>> configs = random != null ? Sweep.random(drawn, values, random, model.seed) : Sweep.grid(values);
            if (configs.isEmpty()) throw new IllegalArgumentException("nothing to sweep: give --grid KNOB=V1,V2 or --random N with --range");
            return configs;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String[] keyValue(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) throw new IllegalArgumentException(option + " " + text + ": write KNOB=VALUES");
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    private ArchitectureSpec specFor(Map<String, String> config, Dataset data) {
        try {
            ArchitectureSpec s = model.toSpec(data.height(), data.width());
            for (Map.Entry<String, String> knob : config.entrySet()) s = Knob.of(knob.getKey()).apply(s, knob.getValue());
            return s;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), describe(config) + ": " + e.getMessage());
        }
    }

    private static String describe(Map<String, String> config) {
        List<String> parts = new ArrayList<>();
        config.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static Map<String, Object> row(Map<String, String> config, TrainingSession.Result result, double seconds) {
        Map<String, Object> params = new LinkedHashMap<>();
        config.forEach((k, v) -> params.put(k, Knob.of(k).typed(v)));
        RunRecord r = result.record();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("params", params);
        row.put("psnr_validation", score(result));
        row.put("ssim_validation", r.finalSsim());
        row.put("run_id", r.id());
        row.put("seconds", Math.round(seconds * 10) / 10.0);
        row.put("outcome", result.training().outcome().name().toLowerCase(Locale.ROOT));
        row.put("epochs", r.epochs().size());
        return row;
    }

    /** The PSNR of the epoch whose weights the run kept. */
    private static double score(TrainingSession.Result result) {
        return result.savedEpoch() == 0 ? Double.NaN : result.record().epochs().get(result.savedEpoch() - 1).validationPsnr();
    }

    private static void printEffects(java.io.PrintWriter err, List<KnobEffects.Effect> effects) {
        if (effects.isEmpty()) return;
        err.println("what each knob did (mean validation PSNR by value; share of the PSNR's variance it explains):");
        for (KnobEffects.Effect e : effects) {
            List<String> means = new ArrayList<>();
            e.meanByValue().forEach((v, m) -> means.add(String.format(Locale.ROOT, "%s %.2f dB", v, m)));
            err.printf(Locale.ROOT, "  %-13s %s  (%.0f%%; best %s)%n", e.knob(), String.join(", ", means),
                    100 * e.varianceExplained(), e.bestValue());
        }
    }
}
