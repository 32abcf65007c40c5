package com.daeworkbench.cli;

import com.daeworkbench.core.infer.Binarization;
import com.daeworkbench.core.infer.DocumentModel;
import com.daeworkbench.core.infer.TiledDenoiser;
import com.daeworkbench.core.io.DocumentWriter;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.io.ImageWriter;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.Page;
import com.daeworkbench.core.io.PageFiles;
import com.daeworkbench.core.io.PageFormat;
import com.daeworkbench.core.io.PageSource;
import com.daeworkbench.core.io.PageSupplier;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.DenoisingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "denoise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Clean images, scans and scanned PDFs of any size.",
                "Reads PNG, JPEG, TIFF (any compression, every page), BMP, GIF, PNM (PBM/PGM/PPM/PAM), WebP, PSD and "
                + "PDF (each page at its scan's resolution, or 300 dpi). Writes OUT/IN.pdf for a "
                + "PDF, else OUT/IN.png (several pages: OUT/IN-p1.png, OUT/IN-p2.png ...), or the "
                + "--format asked for.",
                "Exit code: 0 all done, 1 nothing could be processed, 2 some files failed "
                + "(each named on stderr)."})
final class DenoiseCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--model", description = "model file (default: the bundled document model)")
    Path modelFile;

    @Option(names = "--out", required = true, description = "output folder (created if missing)")
    Path outDir;

    @Option(names = "--format", paramLabel = "pdf|png|tiff", converter = FormatConverter.class,
            description = "pdf: one PDF, a page per input page at its page size; png: one PNG per page; "
                    + "tiff: one multi-page TIFF (default: pdf for a PDF, png otherwise)")
    PageFormat format;

    @Option(names = "--bw", paramLabel = "otsu|sauvola", converter = BinarizationConverter.class,
            description = "black and white output (CCITT G4 in PDF and TIFF): otsu, one threshold a page; "
                    + "sauvola, a threshold from each pixel's neighbourhood (for uneven light)")
    Binarization bw;

    @Mixin PassesOption passes;

    @Option(names = "--allow-input-folder", description = "allow --out to be a folder that holds inputs (inputs are still never overwritten)")
    boolean allowInputFolder;

    @Option(names = "--json", description = "print one JSON object as the last stdout line")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "image or PDF files, or folders of them")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path in : inputs) collect(in, files, failures);
        Path out = outDir.toAbsolutePath().normalize();
        if (!allowInputFolder) {
            for (Path f : files) {
                if (writesBeside(out, f)) {
                    err.println("error: " + outDir + " holds the input " + f.getFileName()
                            + "; choose another --out folder (or pass --allow-input-folder)");
                    return 1;
                }
            }
        }
        Files.createDirectories(out);
        DenoisingModel model;
        String modelName;
        if (modelFile != null) {
            SavedModel saved = ModelStore.load(modelFile);
            model = saved.model();
            modelName = modelFile.toString();
        } else {
            model = DocumentModel.loadBundled().model();
            modelName = "bundled document model";
        }
        TiledDenoiser denoiser = new TiledDenoiser(model, passes.passes);
        List<String> written = new ArrayList<>();
        long t0 = System.nanoTime();
        boolean inInputFolder = files.stream().anyMatch(i -> writesBeside(out, i));
        Map<Path, Long> stems = files.stream().collect(java.util.stream.Collectors.groupingBy(f -> outputStem(out, f), java.util.stream.Collectors.counting()));
        BatchProgress progress = new BatchProgress(files.size(), System::nanoTime);
        int fileNumber = 0;
        for (Path f : files) {
            fileNumber++;
            PageFormat as = format != null ? format : defaultFormat(f);
            // scan.jpg -> scan.png; when scan.jpg and scan.tif come together: scan-jpg.png, scan-tif.png
            Path base = outputStem(out, f);
            Path target = base.resolveSibling(base.getFileName() + (stems.get(base) > 1 ? "-" + extension(f) : "") + "." + as.extension());
            // in a folder that holds inputs, never replace a file already there: scan.jpg must not
            // become scan.png over the scan.png beside it (found by the robustness branch's test)
            if (Files.exists(target) && (Files.isSameFile(target, f) || inInputFolder)) {
                failures.add(f + ": the output " + target.getFileName() + " would overwrite an existing file in the input folder");
                err.println("error: " + failures.get(failures.size() - 1));
                continue;
            }
            try (PageSource pages = ImageLoader.withPixelLimit(ImageLoader.DEFAULT_PIXEL_LIMIT).open(f)) {
                Files.createDirectories(target.getParent());
                written.addAll(cleanPages(pages, as, target, denoiser, progress, fileNumber));
            } catch (IOException | IllegalArgumentException e) {
                String why = e.getMessage() != null && e.getMessage().contains(f.getFileName().toString())
                        ? e.getMessage() : f + ": " + e.getMessage();
                failures.add(why);
                err.println("error: " + why);
            }
        }
        model.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf("%d of %d images cleaned with the %s in %.1f s%n", written.size(), written.size() + failures.size(), modelName, seconds);
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("written", written);
            summary.put("failed", failures);
            summary.put("seconds", seconds);
            JsonOut.print(spec.commandLine().getOut(), summary);
        }
        if (written.isEmpty()) return 1;
        return failures.isEmpty() ? 0 : 2;
    }

    /** Every page cleaned into {@code target} (or one PNG a page); returns the files written. */
    private List<String> cleanPages(PageSource pages, PageFormat as, Path target, TiledDenoiser denoiser,
                                    BatchProgress progress, int fileNumber) throws IOException {
        var err = spec.commandLine().getErr();
        int count = pages.pageCount();
        AtomicBoolean anyScan = new AtomicBoolean();   // set by the pages as they are read
        PageSupplier cleaned = index -> {
            long t = System.nanoTime();
            Page page = pages.read(index);
            if (page.fromScan()) anyScan.set(true);
            Page clean = clean(page, denoiser);
            err.printf("%s%s%s -> %s (%dx%d, %.1f s%s)%n", progress.prefix(fileNumber), pages.file(),
                    count > 1 ? " page " + (index + 1) + "/" + count : "", as.holdsAllPages() ? target : pngOfPage(target, index, count),
                    clean.image().width(), clean.image().height(), (System.nanoTime() - t) / 1e9,
                    progress.timeLeft(fileNumber, index + 1, count));
            return clean;
        };
        List<String> written = new ArrayList<>();
        if (as.holdsAllPages()) {
            DocumentWriter.write(target, as, count, cleaned, bw != null);
            written.add(target.toString());
        } else {
            for (int index = 0; index < count; index++) {
                Path pageFile = pngOfPage(target, index, count);
                ImageWriter.writePng(pageFile, cleaned.page(index).image());
                written.add(pageFile.toString());
            }
        }
        if (!anyScan.get()) {
            err.println("note: " + pages.file().getFileName() + " holds no scanned image (a born-digital PDF?); "
                    + "its pages were rendered at 300 dpi and cleaned anyway");
        }
        return written;
    }

    /** Every page of a multi-page file: scan.tif -> scan-p1.png, scan-p2.png ... */
    private static Path pngOfPage(Path target, int index, int count) {
        return count == 1 ? target : target.resolveSibling(stem(target) + "-p" + (index + 1) + ".png");
    }

    private Page clean(Page page, TiledDenoiser denoiser) {
        GrayImage img = page.image();
        GrayImage clean = new GrayImage(img.width(), img.height(), denoiser.denoise(img.pixels(), img.height(), img.width()));
        return new Page(bw == null ? clean : bw.apply(clean), page.size(), page.fromScan());
    }

    /** A PDF comes back as a PDF; anything else as PNG, as before there was a choice. */
    private static PageFormat defaultFormat(Path in) {
        return extension(in).equals("pdf") ? PageFormat.PDF : PageFormat.PNG;
    }

    static final class FormatConverter implements ITypeConverter<PageFormat> {
        public PageFormat convert(String v) {
            return Converters.parse(PageFormat.class, v);
        }
    }

    static final class BinarizationConverter implements ITypeConverter<Binarization> {
        public Binarization convert(String v) {
            return Converters.parse(Binarization.class, v);
        }
    }

    /**
     * Adds the images named on the command line: a file as given, a folder with every image in
     * it and below (so the README's {@code denoise --out cleaned/ sample-images/} finds the
     * pages in sample-images' subfolders). Hidden files and folders are skipped, and so is the
     * output folder when it lies inside an input folder, so a second run does not clean its own
     * output. A file found below a folder is written to the same subfolder under --out
     * ({@link #subfolderOf}), so train/001.png and train_cleaned/001.png do not collide.
     */
    private void collect(Path in, List<Path> files, List<String> failures) {
        var err = spec.commandLine().getErr();
        if (Files.isDirectory(in)) {
            List<Path> found;
            try {
                found = PageFiles.in(in, outDir, unreadable -> {
                    failures.add(unreadable);
                    err.println("error: " + unreadable);
                });
            } catch (IOException e) {
                failures.add(in + ": cannot list the folder (" + e.getMessage() + ")");
                err.println("error: " + failures.get(failures.size() - 1));
                return;
            }
            if (found.isEmpty()) {
                failures.add(PageFiles.noneIn(in));
                err.println("error: " + failures.get(failures.size() - 1));
            }
            for (Path f : found) {
                files.add(f);
                subfolderOf.put(f, in.relativize(f).getParent());
            }
        } else if (Files.isRegularFile(in)) {
            files.add(in);
        } else {
            failures.add(in + ": no such file or folder");
            err.println("error: " + failures.get(failures.size() - 1));
        }
    }

    /** Where a file found below an input folder goes under --out; absent for files named directly. */
    private final Map<Path, Path> subfolderOf = new HashMap<>();

    /** Whether {@code f}'s output goes into the folder that holds {@code f}. */
    private boolean writesBeside(Path out, Path f) {
        return outputStem(out, f).getParent().equals(f.toAbsolutePath().normalize().getParent());
    }

    /** OUT/[subfolder/]stem: the output path of {@code f} without its extension. */
    private Path outputStem(Path out, Path f) {
        Path sub = subfolderOf.get(f);
        return (sub == null ? out : out.resolve(sub)).resolve(stem(f));
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
