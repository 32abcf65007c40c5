package com.daeworkbench.core.data;

import com.daeworkbench.core.io.DataException;
import com.daeworkbench.core.model.ArchitectureSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Turns what a user names ("digits", "fashion", "documents", a folder, a table file) into a {@link Dataset}. */
public final class DatasetSource {
    public static final Path FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /**
     * The table every installation has: the UCI breast cancer (Wisconsin diagnostic) table, 569 rows of
     * 30 numeric measurements, its diagnosis kept aside as the label (assets/tables, CC BY 4.0).
     */
    public static final String BUNDLED_TABLE = "breast-cancer";
    private static final String BUNDLED_TABLE_RESOURCE = "/assets/tables/breast-cancer-wisconsin.csv";

    private DatasetSource() { }

    private static Dataset bundledTable(long seed) throws IOException {
        // the reader takes a file (it names it in its messages): copy the jar's table out once per call
        Path copy = Files.createTempFile("breast-cancer-wisconsin", ".csv");
        try (var in = DatasetSource.class.getResourceAsStream(BUNDLED_TABLE_RESOURCE)) {
            if (in == null) throw new DataException("this build has no bundled table (" + BUNDLED_TABLE_RESOURCE + ")");
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Dataset d = TableData.load(copy, new TableData.Options(null, "diagnosis", Scaling.STANDARD, 0, 1), seed);
            return new Dataset(BUNDLED_TABLE, d.train(), d.test(), null, null, d.table(), d.labelNames());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    public static Dataset resolve(String nameOrPath) throws IOException {
        return resolve(nameOrPath, ImageFolders.DEFAULT_PATCH, ImageFolders.DEFAULT_PATCHES_PER_IMAGE, 1);
    }

    public static Dataset resolve(String nameOrPath, int patchSize, int patchesPerImage, long seed) throws IOException {
        return resolve(nameOrPath, patchSize, patchesPerImage, seed, ArchitectureSpec.PageInput.RAW);
    }

    /** As {@link #resolve(String)}, the noisy pages of page data sets put through {@code input} (no effect on digits and IDX sets). */
    public static Dataset resolve(String nameOrPath, ArchitectureSpec.PageInput input) throws IOException {
        return resolve(nameOrPath, ImageFolders.DEFAULT_PATCH, ImageFolders.DEFAULT_PATCHES_PER_IMAGE, 1, input);
    }

    public static Dataset resolve(String nameOrPath, int patchSize, int patchesPerImage, long seed,
                                  ArchitectureSpec.PageInput input) throws IOException {
        String key = nameOrPath.trim().toLowerCase(Locale.ROOT);
        if (key.equals("digits") || key.equals("mnist")) return BundledDigits.load();
        if (key.equals("documents")) {
            // 48 generated 540x420 pages (6 held out), 64 aligned patches each: ~3,000 training pairs
            Dataset pages = DocumentSet.generate(48, seed, DocumentGenerator.Settings.defaults()).toDataset("documents", 6);
            return ImageFolders.patches(pages, patchSize, patchesPerImage, seed, input);
        }
        if (key.equals(BUNDLED_TABLE)) return bundledTable(seed);
        if (key.equals("fashion") || key.equals("fashion-mnist")) {
            if (!IdxDatasets.looksLikeIdxFolder(FASHION_DIR)) {
                throw new DataException("Fashion-MNIST was not found in " + FASHION_DIR
                        + ": install it with 'apt-get install dataset-fashion-mnist' or pass the folder that holds its IDX files");
            }
            return IdxDatasets.load(FASHION_DIR, "fashion");
        }
        Path dir = Path.of(nameOrPath);
        if (!Files.exists(dir)) {
            throw new DataException(dir + ": no such data set or folder (use digits, fashion, a folder of IDX files or images, or a .csv/.tsv table)");
        }
        if (TableData.isTableFile(dir)) return TableData.load(dir, TableData.Options.defaults(), seed);
        if (!Files.isDirectory(dir)) throw new DataException(dir, "is a file; give a table (.csv, .tsv) or the folder that holds the data");
        if (IdxDatasets.looksLikeIdxFolder(dir)) return IdxDatasets.load(dir, dir.getFileName().toString());
        return ImageFolders.load(dir, patchSize, patchesPerImage, seed, input);
    }
}
