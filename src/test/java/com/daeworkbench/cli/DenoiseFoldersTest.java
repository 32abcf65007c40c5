package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code denoise} on folders: searched below their top level, as the README's sample-images/ needs. */
class DenoiseFoldersTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/valid");
    @TempDir static Path tmp;
    static Path model;

    record Run(int exit, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @BeforeAll
    static void tinyModel() throws Exception {
        ArchitectureSpec spec = new ArchitectureSpec(ArchitectureSpec.Kind.RESIDUAL, 16, 16, 3, 4, 4,
                ArchitectureSpec.Activation.RELU, ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM, 1e-3, 8, 0, 1);
        model = tmp.resolve("tiny.dae");
        try (DenoisingModel m = Models.create(spec)) {
            ModelStore.save(model, m, ModelInfo.of("gaussian:0.1", "test", 0, Map.of()));
        }
    }

    @Test
    void imagesInSubfoldersAreCleanedIntoTheSameSubfoldersSkippingHiddenOnesAndTheOutputFolder() throws Exception {
        // the shape of sample-images/: nothing at the top, pages two levels down, same names in sibling folders
        Path in = Files.createDirectories(tmp.resolve("samples"));
        Files.writeString(in.resolve("README.md"), "not an image");
        Files.copy(CORPUS.resolve("gray8.png"), Files.createDirectories(in.resolve("documents/train")).resolve("001.png"));
        Files.copy(CORPUS.resolve("rgb.jpg"), Files.createDirectories(in.resolve("documents/train_cleaned")).resolve("001.jpg"));
        Files.copy(CORPUS.resolve("gray8.png"), Files.createDirectories(in.resolve("real")).resolve("scan.png"));
        Files.copy(CORPUS.resolve("gray8.png"), in.resolve("real/.hidden.png"));
        Files.copy(CORPUS.resolve("gray8.png"), Files.createDirectories(in.resolve(".cache")).resolve("thumb.png"));
        // an earlier run's output inside the input folder must not be cleaned again
        Path out = in.resolve("cleaned");
        Files.copy(CORPUS.resolve("gray8.png"), Files.createDirectories(out).resolve("old.png"));

        Run r = run("denoise", "--model", model.toString(), "--out", out.toString(), in.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("3 of 3 images cleaned");
        assertThat(relativeFiles(out)).containsExactlyInAnyOrder(
                "old.png", "documents/train/001.png", "documents/train_cleaned/001.png", "real/scan.png");
    }

    @Test
    void aFolderWithoutImagesSaysSoInsteadOfZeroOfZero() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(Files.createDirectories(empty.resolve("sub")).resolve("todo.txt"), "no images here");

        Run r = run("denoise", "--model", model.toString(), "--out", tmp.resolve("out-empty").toString(), empty.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: " + empty + ": no images in this folder or its subfolders");
    }

    @Test
    void aFolderNamedThroughASymbolicLinkIsSearchedToo() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("linked-target/pages"));
        Files.copy(CORPUS.resolve("gray8.png"), real.resolve("p1.png"));
        Path link = Files.createSymbolicLink(tmp.resolve("pages-link"), real.getParent());

        Run r = run("denoise", "--model", model.toString(), "--out", tmp.resolve("out-link").toString(), link.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(relativeFiles(tmp.resolve("out-link"))).containsExactly("pages/p1.png");
    }

    @Test
    void theReadmeCommandCleansTheBundledSamplePages() throws Exception {
        // sample-images/ as shipped, minus the 300 dpi A4 page (seconds of CPU for nothing new here)
        Path out = tmp.resolve("cleaned");
        Run r = run("denoise", "--model", model.toString(), "--out", out.toString(),
                "sample-images/documents", "sample-images/real");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(relativeFiles(out)).contains("train/001.png", "train_cleaned/001.png", "hebtypo-scan.png");
    }

    private static List<String> relativeFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
