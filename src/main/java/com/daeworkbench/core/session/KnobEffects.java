package com.daeworkbench.core.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "What did that knob do?", from a sweep's results: for each knob, the mean score of the runs
 * at each of its values, and the share of the scores' variance that knob explains (the
 * between-group variance over the total: 1 when the knob alone sets the score).
 */
public final class KnobEffects {
    private KnobEffects() { }

    /** One configuration's knob values and its score (validation PSNR). */
    public record Outcome(Map<String, String> params, double score) { }

    public record Effect(String knob, Map<String, Double> meanByValue, double varianceExplained) {
        /** The value with the best mean score. */
        public String bestValue() {
            return meanByValue.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }
    }

    /** Knobs that took two values or more, the one explaining most first; runs with no finite score are left out. */
    public static List<Effect> of(List<Outcome> outcomes) {
        List<Outcome> scored = outcomes.stream().filter(o -> Double.isFinite(o.score())).toList();
        List<Effect> effects = new ArrayList<>();
        if (scored.size() < 2) return effects;
        double mean = scored.stream().mapToDouble(Outcome::score).average().orElse(0);
        double total = scored.stream().mapToDouble(o -> (o.score() - mean) * (o.score() - mean)).sum();
        for (String knob : scored.get(0).params().keySet()) {
            Map<String, List<Double>> groups = new LinkedHashMap<>();
            for (Outcome o : scored) groups.computeIfAbsent(o.params().get(knob), k -> new ArrayList<>()).add(o.score());
            if (groups.size() < 2) continue;
            Map<String, Double> means = new LinkedHashMap<>();
            double between = 0;
            for (Map.Entry<String, List<Double>> g : groups.entrySet()) {
                double m = g.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                means.put(g.getKey(), m);
                between += g.getValue().size() * (m - mean) * (m - mean);
            }
            effects.add(new Effect(knob, means, total == 0 ? 0 : between / total));
        }
        effects.sort(Comparator.comparingDouble(Effect::varianceExplained).reversed());
        return effects;
    }
}
