package com.daeworkbench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.cli.Main;
import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.core.io.ModelInfo;
import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.model.DenoisingModel;
import com.daeworkbench.core.model.Models;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The CLI over the whole corpus, in-process, as a user would run it on a folder of mixed files. */
class CliEndToEndTest {
    @TempDir static Path tmp;
    static Path model;

    record Run(int exit, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void tinyModel() throws Exception {
        model = saveTinyModel(tmp);
    }

    /** An untrained residual model: fast, and its output has the input's size, which is all these tests look at. */
    static Path saveTinyModel(Path dir) throws Exception {
        ArchitectureSpec spec = new ArchitectureSpec(ArchitectureSpec.Kind.RESIDUAL, 16, 16, 3, 4, 4,
                ArchitectureSpec.Activation.RELU, ArchitectureSpec.Loss.MSE, ArchitectureSpec.Optimizer.ADAM, 1e-3, 8, 0, 1);
        Path file = dir.resolve("tiny.dae");
        try (DenoisingModel m = Models.create(spec)) {
            ModelStore.save(file, m, ModelInfo.of("gaussian:0.1", "test", 0, Map.of()));
        }
        return file;
    }

    @Test
    void denoiseOverTheCorpusCleansTheValidFilesAndNamesEachBrokenOneOnce() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String dir : List.of("valid", "broken")) {
            try (Stream<Path> files = Files.list(CorpusTest.CORPUS.resolve(dir))) {
                for (Path f : files.toList()) Files.copy(f, in.resolve(f.getFileName()));
            }
        }
        Map<Path, String> hashes = hashes(in);
        Path out = tmp.resolve("out");
        Run r = run("denoise", "--model", model.toString(), "--out", out.toString(), in.toString());

        assertThat(r.exit()).as("some files failed, some were cleaned").isEqualTo(2);
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        // WebP and PSD are read since issue 19: the corpus' header-only ones fail like any cut-off image
        for (String broken : List.of("empty.png", "text-named.png", "truncated.png", "truncated.jpg",
                "bomb-60000x60000.png", "layers.psd", "image.webp")) {
            long lines = r.err().lines().filter(l -> l.startsWith("error:") && l.contains(broken)).count();
            assertThat(lines).as("one error line for " + broken).isEqualTo(1);
        }
        try (Stream<Path> written = Files.list(out)) {
            List<String> names = written.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactlyInAnyOrder("cmyk.png", "gray-bmp.png", "gray-gif.png", "gray16.png", "gray8.png",
                    "one-pixel.png", "palette.png", "página-ü.png", "rgb-alpha.png", "rgb.png", "two-pages-p1.png", "two-pages-p2.png");
        }
        GrayImage cleaned = ImageLoader.loadGray(out.resolve("gray8.png"));
        assertThat(cleaned.width()).isEqualTo(24);
        assertThat(cleaned.height()).isEqualTo(16);
        assertThat(hashes(in)).as("inputs untouched").isEqualTo(hashes);
    }

    @Test
    void nothingProcessableExitsOneAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out-none");
        Run r = run("denoise", "--model", model.toString(), "--out", out.toString(),
                CorpusTest.CORPUS.resolve("broken/empty.png").toString(), CorpusTest.CORPUS.resolve("broken/truncated.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written.toList()).isEmpty();
        }
    }

    @Test
    void theInputFolderIsRefusedAsOutputUnlessAsked() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("same"));
        Path page = Files.copy(CorpusTest.CORPUS.resolve("valid/rgb.jpg"), in.resolve("scan.jpg"));
        Run refused = run("denoise", "--model", model.toString(), "--out", in.toString(), page.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("holds the input scan.jpg");
        Run allowed = run("denoise", "--model", model.toString(), "--out", in.toString(), "--allow-input-folder", page.toString());
        assertThat(allowed.exit()).isZero();
        assertThat(in.resolve("scan.png")).exists();
        assertThat(in.resolve("scan.jpg")).hasSameBinaryContentAs(CorpusTest.CORPUS.resolve("valid/rgb.jpg"));
        // page.jpg must not be written as page.png over the page.png beside it
        Path jpg = Files.copy(CorpusTest.CORPUS.resolve("valid/rgb.jpg"), in.resolve("page.jpg"));
        Path png = Files.copy(CorpusTest.CORPUS.resolve("valid/gray8.png"), in.resolve("page.png"));
        Run clash = run("denoise", "--model", model.toString(), "--out", in.toString(), "--allow-input-folder", jpg.toString());
        assertThat(clash.exit()).isEqualTo(1);
        assertThat(clash.err()).contains("page.png would overwrite an existing file");
        assertThat(png).hasSameBinaryContentAs(CorpusTest.CORPUS.resolve("valid/gray8.png"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "train --epochs -1 | --epochs must be in 1..10000",
            "train --lr 0 --epochs 1 | learning rate must be in (0, 1]",
            "train --corruption gaussian:5.0 --epochs 1 | 5.0",
            "train --batch 0 --epochs 1 | batch size must be in 1..4096",
            "bench --samples 0 | --samples must be in 1..10000000",
            "generate-documents --count 0 --out x | --count must be between 1 and"})
    void outOfRangeArgumentsAreRefusedWithTheValidRange(String args, String message) {
        Run r = run(args.trim().split(" +"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains(message.trim()).doesNotContain("Exception");
    }

    static Map<Path, String> hashes(Path dir) throws Exception {
        Map<Path, String> h = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                h.put(f.getFileName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return h;
    }
}
