package com.daeworkbench.cli;

import com.daeworkbench.core.noise.CorruptionSpec;
import com.daeworkbench.core.analysis.AnomalyReport;
import com.daeworkbench.core.analysis.AnomalyScorer;
import com.daeworkbench.core.analysis.Score;
import com.daeworkbench.core.analysis.SyntheticDefects;
import com.daeworkbench.core.analysis.SyntheticDefects.Defect;
import com.daeworkbench.core.data.DatasetSource;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.noise.Corruption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "anomaly", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Anomaly detection by reconstruction error.",
                "Scores the normal test images and a second set, reports the ROC AUC and the threshold "
                + "that flags 95%% of the second set."})
final class AnomalyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "model file")
    Path modelFile;

    @Option(names = "--normal", defaultValue = "digits", description = "the data the model knows; its test split is scored (default: ${DEFAULT-VALUE})")
    String normal;

    @Option(names = "--test", defaultValue = "fashion",
            description = "the anomalies: fashion, a folder, or a data set's test split with a synthetic defect: "
                    + "digits:blotch, digits:rotated, digits:glyph (default: ${DEFAULT-VALUE})")
    String test;

    @Option(names = "--score",
            description = "mse, ssim, quantile, corrupted_mse, or all (default: the best for the architecture: ssim for conv"
                    + " and residual, corrupted_mse for dense)")
    String score;

    @Option(names = "--limit", defaultValue = "2000", description = "score the first N images of each set, 0: all (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--corruption", description = "noise for corrupted_mse (default: the one the model was trained with)")
    String corruption;

    @Option(names = "--draws", defaultValue = "4", description = "noise draws averaged by corrupted_mse (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the synthetic defects and the noise draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) throw new ParameterException(spec.commandLine(), "--limit must not be negative, got " + limit);
        if (draws < 1 || draws > 100) throw new ParameterException(spec.commandLine(), "--draws must be in 1..100, got " + draws);
        Set<Score> wanted = score == null ? null : parseScores(score);
        SavedModel saved = ModelStore.load(modelFile);
        try (DenoisingModel model = saved.model()) {
            Corruption noise = trainingCorruption(saved);
            Score recommended = Score.recommendedFor(model.spec().kind(), noise != null);
            if (wanted == null) {
                wanted = EnumSet.of(recommended);
                score = recommended.key();
            }
            AnomalyScorer scorer = new AnomalyScorer(noise, new AnomalyScorer.Options(256, draws, seed, 0.99));
            boolean all = score.trim().equalsIgnoreCase("all");
            if (noise == null) {
                if (!all && wanted.contains(Score.CORRUPTED_MSE)) {
                    throw new ParameterException(spec.commandLine(), modelFile.getFileName()
                            + " does not say which noise it was trained with: give --corruption for corrupted_mse");
                }
                wanted.remove(Score.CORRUPTED_MSE);
            }
            ImageSet normalSet = limited(DatasetSource.resolve(normal).test());
            ImageSet testSet = testSet();
            var err = spec.commandLine().getErr();
            err.printf("scoring %d %s test images against %d from %s with %s%n", normalSet.count(), normal, testSet.count(), test,
                    wanted.stream().map(Score::key).toList());
            int[] lastPercent = {-1};
            Map<Score, AnomalyReport> reports = scorer.evaluate(model, normalSet, testSet, wanted, (f, m) -> {
                int percent = (int) (f * 100);
                if (percent / 10 != lastPercent[0] / 10) err.printf("  %d%%%n", percent);
                lastPercent[0] = percent;
            });
            Map<String, Double> aucs = new LinkedHashMap<>();
            for (AnomalyReport r : reports.values()) {
                aucs.put(r.score().key(), r.auc());
                err.printf("%-14s AUC %.4f   threshold at 95%% recall %.6g: precision %.3f, false alarms %.1f%%%n", r.score().key(),
                        r.auc(), r.thresholdAt95Recall(), r.at95Recall().precision(), 100 * r.at95Recall().falsePositiveRate());
            }
            // one score: that one; all: the one recommended for the architecture leads the JSON
            Score headline = all && reports.containsKey(recommended) ? recommended : reports.keySet().iterator().next();
            AnomalyReport main = reports.get(headline);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("auc", main.auc());
                out.put("threshold_at_95_recall", main.thresholdAt95Recall());
                out.put("score", headline.key());
                out.put("precision_at_95_recall", main.at95Recall().precision());
                out.put("false_positive_rate_at_95_recall", main.at95Recall().falsePositiveRate());
                out.put("model", modelFile.toString());
                out.put("normal", normal);
                out.put("test", test);
                out.put("normal_images", normalSet.count());
                out.put("test_images", testSet.count());
                out.put("scores", aucs);
                JsonOut.print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }

    private Set<Score> parseScores(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        if (key.equals("all")) return EnumSet.allOf(Score.class);
        for (Score s : Score.values()) {
            if (s.key().equals(key.replace('-', '_'))) return EnumSet.of(s);
        }
        throw new ParameterException(spec.commandLine(), "--score: '" + text + "' is not one of: mse, ssim, quantile, corrupted_mse, all");
    }

    private Corruption trainingCorruption(SavedModel saved) {
        String text = corruption != null ? corruption : saved.info().corruption();
        if (text == null || text.isBlank() || text.equals(CorruptionSpec.PAIRS)) return null;
        return DataOptions.parse(spec, text);
    }

    private ImageSet testSet() throws IOException {
        int colon = test.lastIndexOf(':');
        if (colon > 0) {
            Defect defect = defect(test.substring(colon + 1));
            if (defect != null) {
                ImageSet base = limited(DatasetSource.resolve(test.substring(0, colon)).test());
                return SyntheticDefects.apply(base, defect, seed);
            }
        }
        return limited(DatasetSource.resolve(test).test());
    }

    private static Defect defect(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "blotch" -> Defect.BLOTCH;
            case "rotated", "rotate" -> Defect.ROTATED;
            case "glyph", "foreign_glyph", "foreign-glyph" -> Defect.FOREIGN_GLYPH;
            default -> null;
        };
    }

    private ImageSet limited(ImageSet set) {
        return limit > 0 && set.count() > limit ? set.slice(0, limit) : set;
    }
}
