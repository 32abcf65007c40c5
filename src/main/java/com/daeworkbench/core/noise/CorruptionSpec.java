package com.daeworkbench.core.noise;

import com.daeworkbench.core.data.SampleShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses corruption specs: {@code gaussian:0.5}, {@code saltpepper:0.2}, {@code masking:0.3},
 * {@code speckle:0.2}, combined left to right with {@code +}. Definitions match the reference
 * (PyTorch) script, so quality numbers compare.
 */
public final class CorruptionSpec {
    public static final String TYPES = "gaussian (sigma 0..2), saltpepper (fraction 0..1), masking (fraction 0..1), speckle (sigma 0..2)";
    public static final String TABLE_TYPES = "swap (fraction 0..1), masking (fraction 0..1), gaussian (sigma 0..2, on scaled values)";

    private CorruptionSpec() { }

    /**
     * What run records and model files say instead of a corruption when the data set brings its own noisy
     * images (real noisy/clean pairs): no corruption was applied.
     */
    public static final String PAIRS = "pairs";

    /** A corruption's spec, or {@link #PAIRS} for none (a data set of real pairs). */
    public static String nameOf(Corruption corruption) {
        return corruption == null ? PAIRS : corruption.spec();
    }

    /** The corruption a record or model file names, or null for {@link #PAIRS} (or nothing named). */
    public static Corruption parseRecorded(String spec) {
        return spec == null || spec.isBlank() || PAIRS.equals(spec) ? null : parse(spec);
    }

    public static Corruption parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty corruption; use e.g. gaussian:0.5. Types: " + TYPES);
        List<Corruption> parts = new ArrayList<>();
        for (String part : spec.split("\\+")) parts.add(parseOne(part.trim()));
        return parts.size() == 1 ? parts.get(0) : new Noise.Combined(List.copyOf(parts));
    }

    /** A corruption for the data's shape: images as {@link #parse}, table rows with the table types (same + chains). */
    public static Corruption parse(String spec, SampleShape shape) {
        return shape.match(image -> parse(spec), features -> parseTable(spec));
    }

    private static Corruption parseTable(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty corruption; use e.g. swap:0.2. Types for tables: " + TABLE_TYPES);
        List<Corruption> parts = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            Corruption parsed = parseOne(part.trim(), true);
            if (parsed instanceof Noise.Masking m) parts.add(new TableNoise.Masking(m.fraction()));
            else if (parsed instanceof Noise.Gaussian g) parts.add(new TableNoise.Gaussian(g.sigma()));
            else if (parsed instanceof TableNoise.Swap s) parts.add(s);
            else throw new IllegalArgumentException("'" + parsed.spec() + "' is for images; types for tables: " + TABLE_TYPES);
        }
        return parts.size() == 1 ? parts.get(0) : new Noise.Combined(List.copyOf(parts));
    }

    public static Corruption of(String type, double level) {
        return parseOne(type + ":" + level);
    }

    private static Corruption parseOne(String part) {
        return parseOne(part, false);
    }

    private static Corruption parseOne(String part, boolean table) {
        int colon = part.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("'" + part + "' needs a level, e.g. gaussian:0.5. Types: " + TYPES);
        String type = part.substring(0, colon).trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        double level;
        try {
            level = Double.parseDouble(part.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part.substring(colon + 1).trim() + "' is not a number in '" + part + "'");
        }
        return switch (type) {
            case "gaussian" -> new Noise.Gaussian(check(type, level, 2));
            case "saltpepper", "saltandpepper" -> new Noise.SaltPepper(check("saltpepper", level, 1));
            case "masking", "dropout" -> new Noise.Masking(check("masking", level, 1));
            case "speckle" -> new Noise.Speckle(check(type, level, 2));
            case "swap" -> {
                if (!table) throw new IllegalArgumentException("swap noise is for tables (.csv); types for images: " + TYPES);
                yield new TableNoise.Swap(check(type, level, 1));
            }
            default -> throw new IllegalArgumentException("unknown corruption '" + type + "'; types: " + (table ? TABLE_TYPES : TYPES));
        };
    }

    private static double check(String type, double level, double max) {
        if (!(level >= 0 && level <= max)) {
            throw new IllegalArgumentException("noise level " + level + " out of range for " + type + ": use 0.." + (max == 1 ? "1" : "2"));
        }
        return level;
    }
}
