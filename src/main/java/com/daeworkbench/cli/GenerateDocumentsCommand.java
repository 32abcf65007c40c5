package com.daeworkbench.cli;

import com.daeworkbench.core.data.DocumentGenerator;
import com.daeworkbench.core.data.DocumentGenerator.Settings;
import com.daeworkbench.core.data.DocumentSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate-documents}: synthetic dirty/clean document pages in the Kaggle folder layout. */
@Command(name = "generate-documents", mixinStandardHelpOptions = true,
        description = {"Generate scanned-looking dirty document pages and their clean originals.",
                "Writes DIR/train/NNN.png (dirty) and DIR/train_cleaned/NNN.png (clean), 8-bit gray PNGs."})
public final class GenerateDocumentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N",
            description = "number of pages, 1.." + DocumentSet.MAX_COUNT)
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "random seed; the same seed gives the same pages (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--width", paramLabel = "W",
            description = "page width in pixels, " + Settings.MIN_SIZE + ".." + Settings.MAX_SIZE + " (default: 540)")
    Integer width;

    @Option(names = "--height", paramLabel = "H",
            description = "page height in pixels, " + Settings.MIN_SIZE + ".." + Settings.MAX_SIZE + " (default: 420)")
    Integer height;

    @Option(names = "--dpi", paramLabel = "D",
            description = "scan resolution the text and damage are sized for, 30..1200 (default: 110, or 300 with --a4)")
    Float dpi;

    @Option(names = "--a4", description = "full A4 pages at 300 dpi (2480x3508) instead of 540x420 crops")
    boolean a4;

    @Option(names = "--ink-gain", paramLabel = "G", defaultValue = "0",
            description = "ink spread of printing, 0.." + (int) Settings.MAX_INK_GAIN + ": half the pages get bolder strokes"
                    + " (coverage to a power of 1..1+G, on both pages), as real print is bolder than its typeface"
                    + " (default: ${DEFAULT-VALUE}, strokes as typeset)")
    float inkGain;

    @Option(names = "--watermarks", paramLabel = "SHARE", defaultValue = "0",
            description = "the share of dirty pages, 0..1, that carry a watermark or rubber stamp: one big gray word"
                    + " at any angle, absent from the clean page (default: ${DEFAULT-VALUE}, none)")
    float watermarks;

    @Option(names = "--figures", paramLabel = "SHARE", defaultValue = "0",
            description = "the share of typeset pages, 0..1, that carry a printed figure on both pages: a photograph"
                    + " (a halftone where the dpi resolves one), a tinted box or a black bar (default: ${DEFAULT-VALUE}, none)")
    float figures;

    @Option(names = "--format", paramLabel = "png|jpg", defaultValue = "png",
            description = "format of the dirty pages (clean pages are always PNG): png, or jpg (quality 90,"
                    + " like a real scan, much smaller for A4) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--soil", paramLabel = "SCANS",
            description = {"make the pages from your own clean scans instead of typesetting text: each page a crop"
                    + " of one of them (a file, or a folder of images, taken in turn) with generated dirt on it, the"
                    + " crop itself (paper set to white) as the clean page; --dpi should be the scans' resolution"})
    Path soil;

    @Option(names = "--overwrite", description = "replace the pages of an existing set in DIR")
    boolean overwrite;

    @Option(names = "--json", description = "print a JSON summary as the last line of stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        CommandLine cl = spec.commandLine();
        if (count < 1 || count > DocumentSet.MAX_COUNT) {
            throw new CommandLine.ParameterException(cl,
                    "--count must be between 1 and " + DocumentSet.MAX_COUNT + ", got " + count);
        }
        if (a4 && (width != null || height != null)) {
            throw new CommandLine.ParameterException(cl, "--a4 sets the page size; leave out --width and --height");
        }
        DocumentSet.DirtyFormat dirtyFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "png" -> DocumentSet.DirtyFormat.PNG;
            case "jpg", "jpeg" -> DocumentSet.DirtyFormat.JPEG;
            default -> throw new CommandLine.ParameterException(cl, "--format must be png or jpg, got " + format);
        };
        checkSize(cl, "--width", width);
        checkSize(cl, "--height", height);

        Settings settings = a4 ? Settings.a4() : Settings.defaults();
        if (width != null || height != null) {
            settings = settings.withSize(width != null ? width : settings.width(),
                    height != null ? height : settings.height());
        }

        if (dpi != null) {
            if (!(dpi >= 30 && dpi <= 1200)) throw new CommandLine.ParameterException(cl, "--dpi must be between 30 and 1200, got " + dpi);
            settings = settings.withDpi(dpi);
        }

        if (inkGain != 0) {
            if (!(inkGain > 0 && inkGain <= Settings.MAX_INK_GAIN)) {
                throw new CommandLine.ParameterException(cl, "--ink-gain must be between 0 and " + Settings.MAX_INK_GAIN + ", got " + inkGain);
            }
            if (soil != null) throw new CommandLine.ParameterException(cl, "--ink-gain thickens typeset text; --soil pages are real scans, printed already");
            settings = settings.withInkGain(inkGain);
        }

        if (watermarks != 0) {
            if (!(watermarks > 0 && watermarks <= 1)) {
                throw new CommandLine.ParameterException(cl, "--watermarks must be between 0 and 1, got " + watermarks);
            }
            settings = settings.withWatermarkShare(watermarks);
        }

        if (figures != 0) {
            if (!(figures > 0 && figures <= 1)) {
                throw new CommandLine.ParameterException(cl, "--figures must be between 0 and 1, got " + figures);
            }
            if (soil != null) throw new CommandLine.ParameterException(cl, "--figures adds figures to typeset pages; --soil pages are real scans");
            settings = settings.withFigureShare(figures);
        }

        Path train = out.resolve(DocumentSet.DIRTY_DIR);
        if (!overwrite && Files.isDirectory(train)) {
            try (Stream<Path> files = Files.list(train)) {
                if (files.findAny().isPresent()) {
                    throw new CommandLine.ParameterException(cl,
                            train + " is not empty: choose another --out or pass --overwrite to replace its pages");
                }
            }
        }

        List<GrayImage> scans = soil == null ? List.of() : loadScans(soil);
        PrintWriter err = cl.getErr();
        int every = Math.max(1, count / 20);
        long t0 = System.nanoTime();
        err.printf("generating %d pages of %dx%d into %s%n", count, settings.width(), settings.height(), out);
        // the text is set in whatever fonts this machine has: say so, since the same seed gives
        // other pages (and other scores) on a machine with other fonts
        err.printf("  text in %d font families found here; the same seed makes the same pages only with the same fonts%n",
                DocumentGenerator.fontFamilies().size());
        err.flush();
        DocumentSet.Progress progress = (done, total) -> {
            if (done % every == 0 || done == total) {
                err.printf("  %d/%d pages%n", done, total);
                err.flush();
            }
        };
        if (soil == null) {
            DocumentSet.write(out, count, seed, settings, overwrite, dirtyFormat, progress);
        } else {
            DocumentSet.writeSoiled(out, count, seed, settings, scans, overwrite, dirtyFormat, progress);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf("done in %.1f s%n", seconds);
        err.flush();

        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("count", count);
            o.put("out", out.toAbsolutePath().normalize().toString());
            o.put("seconds", Math.round(seconds * 1000) / 1000.0);
            o.put("width", settings.width());
            o.put("height", settings.height());
            o.put("seed", seed);
            PrintWriter stdout = cl.getOut();
            stdout.println(mapper.writeValueAsString(o));
            stdout.flush();
        }
        return 0;
    }

    /** The clean scans of a file or folder, sorted by name; a file that does not load is named in the refusal. */
    private static List<GrayImage> loadScans(Path source) throws IOException {
        if (!Files.exists(source)) throw new DataException(source + ": no such file or folder");
        List<Path> files;
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.list(source)) {
                files = s.filter(Files::isRegularFile).filter(ImageLoader::isImageFile).sorted().toList();
            }
            if (files.isEmpty()) throw new DataException(source, "holds no images (" + String.join(", ", ImageLoader.EXTENSIONS) + ")");
        } else {
            files = List.of(source);
        }
        List<GrayImage> scans = new ArrayList<>();
        for (Path f : files) scans.add(ImageLoader.loadGray(f));
        return scans;
    }

    private static void checkSize(CommandLine cl, String name, Integer v) {
        if (v != null && (v < Settings.MIN_SIZE || v > Settings.MAX_SIZE)) {
            throw new CommandLine.ParameterException(cl,
                    name + " must be between " + Settings.MIN_SIZE + " and " + Settings.MAX_SIZE + " pixels, got " + v);
        }
    }
}
