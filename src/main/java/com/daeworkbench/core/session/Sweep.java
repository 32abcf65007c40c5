package com.daeworkbench.core.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The configurations of a hyperparameter sweep, each a map from knob name (the CLI's option
 * name, e.g. "lr", "width") to its value as text: every combination of a grid, or N random
 * draws from ranges (uniform, or log-uniform for rates and decays) and grid values.
 */
public final class Sweep {
    private Sweep() { }

    /** A knob drawn from [low, high]: on a log scale when {@code log}, rounded when {@code integer}. */
    public record Range(String knob, double low, double high, boolean log, boolean integer) {
        public Range {
            if (!(low < high)) throw new IllegalArgumentException(knob + ": the range needs low < high, got " + low + ":" + high);
            if (log && low <= 0) throw new IllegalArgumentException(knob + ": a log range needs low > 0, got " + low);
        }

        /**
         * A range written LOW:HIGH, optionally :log or :linear; without either, log for the
         * learning rate and the weight decay (their good values span decades), linear else.
         */
        public static Range parse(Knob knob, String text) {
            String[] parts = text.trim().split(":");
            if (knob != Knob.LR && knob != Knob.WEIGHT_DECAY && !knob.integer) {
                throw new IllegalArgumentException(knob.option + " takes no range; list its values separated by commas");
            }
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("log") && !parts[2].equals("linear"))) {
                throw new IllegalArgumentException(knob.option + "=" + text + ": write LOW:HIGH, LOW:HIGH:log or LOW:HIGH:linear");
            }
            boolean log = parts.length == 3 ? parts[2].equals("log") : knob == Knob.LR || knob == Knob.WEIGHT_DECAY;
            try {
                return new Range(knob.option, Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), log, knob.integer);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(knob.option + "=" + text + ": LOW and HIGH must be numbers", e);
            }
        }

        String draw(SplittableRandom random) {
            double u = random.nextDouble();
            double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
            if (integer) return Long.toString(Math.round(v));
            return compact(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
        }
    }

    /**
     * A number as one would type it, to three significant digits: 0.001 as 1e-3, 0.000774 as
     * 7.74e-4, 0.01 as 0.01, 32 as 32, 15.25 as 15.3 (Java's own 7.74E-4 reads badly in a run's name).
     */
    public static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        if (v != 0 && (Math.abs(v) < 0.01 || Math.abs(v) >= 1e4)) {
            int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
            double mantissa = v / Math.pow(10, exponent);
            if (Math.abs(mantissa) >= 9.995) {
                mantissa /= 10;
                exponent++;
            }
            return plain(String.format(java.util.Locale.ROOT, "%.2f", mantissa)) + "e" + exponent;
        }
        return plain(String.format(java.util.Locale.ROOT, "%.3g", v));
    }

    private static String plain(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    /** Every combination, the first knob varying slowest (as nested loops in the order given). */
    public static List<Map<String, String>> grid(Map<String, List<String>> values) {
        List<Map<String, String>> configs = new ArrayList<>();
        configs.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> knob : values.entrySet()) {
            if (knob.getValue().isEmpty()) throw new IllegalArgumentException(knob.getKey() + ": no values");
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : configs) {
                for (String v : knob.getValue()) {
                    Map<String, String> c = new LinkedHashMap<>(partial);
                    c.put(knob.getKey(), v);
                    next.add(c);
                }
            }
            configs = next;
        }
        return configs.size() == 1 && configs.get(0).isEmpty() ? List.of() : List.copyOf(configs);
    }

    /** {@code count} seeded draws: each range knob from its range, each grid knob one of its values. */
    public static List<Map<String, String>> random(List<Range> ranges, Map<String, List<String>> values, int count, long seed) {
        if (count < 1) throw new IllegalArgumentException("--random needs at least 1 configuration, got " + count);
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> c = new LinkedHashMap<>();
            for (Range r : ranges) c.put(r.knob(), r.draw(random));
            values.forEach((knob, options) -> c.put(knob, options.get(random.nextInt(options.size()))));
            configs.add(c);
        }
        return List.copyOf(configs);
    }
}
