package com.daeworkbench.core.data;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text fonts a generated page may be set in: real TrueType/OpenType files found on the
 * machine (DejaVu, Liberation, FreeFont, Noto mono, and the usual Windows/macOS text faces),
 * grouped into families with regular, bold and italic faces. Symbol, math, emoji and CJK
 * fallback fonts are skipped because they would print boxes or pictures instead of words.
 * When nothing usable is found the logical fonts Serif, SansSerif and Monospaced stand in,
 * so generation works anywhere (with less variety).
 *
 * <p>Loaded once, lazily, and immutable afterwards: safe to share between threads.
 */
final class PageFonts {

    /** One typeface family; {@code weight} biases the choice towards book faces over typewriter ones. */
    record Family(String name, Font regular, Font bold, Font italic, boolean monospaced, double weight) { }

    /** Directories searched, in this order; {@code -Ddaeworkbench.fontDir=...} adds one in front. */
    private static final List<String> FONT_DIRS = List.of(
            "/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts/Supplemental",
            "C:\\Windows\\Fonts");

    private static final List<String> KNOWN_FAMILIES = List.of(
            "dejavu sans", "dejavu serif", "liberation", "freesans", "freeserif", "freemono",
            "noto sans mono", "noto mono", "noto serif", "noto sans", "arial", "times new roman", "georgia",
            "courier", "verdana", "cambria", "calibri", "helvetica", "palatino", "garamond", "book antiqua",
            "bookman", "century", "tahoma", "trebuchet", "segoe ui", "tex gyre", "nimbus", "c059", "p052",
            "urw", "roboto", "open sans", "source serif", "source sans", "ubuntu", "cantarell", "charter");
    private static final Set<String> EXACT_NOTO = Set.of("noto sans", "noto serif", "noto sans mono", "noto mono");
    private static final List<String> REJECT = List.of(
            "math", "symbol", "emoji", "fallback", "dingbat", "wingding", "webding", "icon", "light", "thin",
            "black", "narrow", "display");
    /** Faces too faint or too heavy for body text ("Light" alone is the book weight of URW Bookman). */
    private static final List<String> REJECT_FACE = List.of("extralight", "ultralight", "thin", "hairline", "black", "heavy");
    private static final String PROBE = "The quick brown fox, 0123456789 (a-z) $%.;:?!'\"";
    private static final long MAX_FONT_FILE_BYTES = 8L << 20;
    private static final int MAX_FONT_FILES = 400;

    private static volatile List<Family> families;

    private PageFonts() { }

    static List<Family> families() {
        List<Family> f = families;
        if (f == null) {
            synchronized (PageFonts.class) {
                f = families;
                if (f == null) {
                    f = load();
                    families = f;
                }
            }
        }
        return f;
    }

    /** A family chosen by weight, deterministic for the random source. */
    static Family pick(SplittableRandom rng) {
        List<Family> all = families();
        double total = 0;
        for (Family f : all) total += f.weight();
        double r = rng.nextDouble() * total;
        for (Family f : all) {
            r -= f.weight();
            if (r < 0) return f;
        }
        return all.get(all.size() - 1);
    }

    private static List<Family> load() {
        List<Path> files = new ArrayList<>();
        String extra = System.getProperty("daeworkbench.fontDir");
        List<String> dirs = new ArrayList<>();
        if (extra != null && !extra.isBlank()) dirs.add(extra);
        dirs.addAll(FONT_DIRS);
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir, 4)) {
                s.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".ttf") || n.endsWith(".otf");
                }).sorted().forEach(files::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable font folder only means less variety
            }
            if (files.size() >= MAX_FONT_FILES) break;
        }

        // family -> style slot -> font; TreeMaps keep the order independent of the file system's
        Map<String, Font[]> faces = new TreeMap<>();
        for (Path p : files.subList(0, Math.min(files.size(), MAX_FONT_FILES))) {
            Font font = tryLoad(p);
            if (font == null) continue;
            String family = font.getFamily(Locale.ROOT);
            String fam = family.toLowerCase(Locale.ROOT);
            if (!acceptable(fam) || font.canDisplayUpTo(PROBE) != -1) continue;
            String face = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
            if (REJECT_FACE.stream().anyMatch(face::contains)) continue;
            boolean bold = face.contains("bold") || face.contains("demi");
            boolean italic = face.contains("italic") || face.contains("oblique");
            int slot = bold && italic ? 3 : bold ? 1 : italic ? 2 : 0;
            Font[] slots = faces.computeIfAbsent(family, k -> new Font[4]);
            if (slots[slot] == null) slots[slot] = font;
        }

        List<Family> out = new ArrayList<>();
        for (Map.Entry<String, Font[]> e : faces.entrySet()) {
            Font[] s = e.getValue();
            if (s[0] == null) continue;
            Font bold = s[1] != null ? s[1] : s[0].deriveFont(Font.BOLD);
            Font italic = s[2] != null ? s[2] : s[0].deriveFont(Font.ITALIC);
            String n = e.getKey().toLowerCase(Locale.ROOT);
            boolean mono = n.contains("mono") || n.contains("courier");
            boolean serif = n.contains("serif") && !n.contains("sans") || n.contains("times") || n.contains("georgia")
                    || n.contains("cambria") || n.contains("garamond") || n.contains("palatino")
                    || n.contains("book") || n.contains("century") || n.contains("charter");
            double weight = mono ? 0.5 : serif ? 1.6 : 1.0;
            out.add(new Family(e.getKey(), s[0], bold, italic, mono, weight));
        }
        if (out.isEmpty()) {
            out.add(logical(Font.SERIF, false, 1.6));
            out.add(logical(Font.SANS_SERIF, false, 1.0));
            out.add(logical(Font.MONOSPACED, true, 0.5));
        }
        return List.copyOf(out);
    }

    private static boolean acceptable(String fam) {
        if (REJECT.stream().anyMatch(fam::contains)) return false;
        if (fam.startsWith("noto")) return EXACT_NOTO.contains(fam);
        return KNOWN_FAMILIES.stream().anyMatch(fam::startsWith);
    }

    private static Font tryLoad(Path p) {
        try {
            if (Files.size(p) > MAX_FONT_FILE_BYTES) return null;
            return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
        } catch (IOException | java.awt.FontFormatException | RuntimeException e) {
            return null; // a broken or unsupported file: skip it
        }
    }

    private static Family logical(String name, boolean mono, double weight) {
        Font f = new Font(name, Font.PLAIN, 12);
        return new Family(name, f, f.deriveFont(Font.BOLD), f.deriveFont(Font.ITALIC), mono, weight);
    }
}
