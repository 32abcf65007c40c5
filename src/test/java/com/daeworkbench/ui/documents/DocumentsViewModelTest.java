package com.daeworkbench.ui.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.daeworkbench.core.io.GrayImage;
import com.daeworkbench.core.io.ImageLoader;
import com.daeworkbench.ui.InlineTaskRunner;
import com.daeworkbench.ui.documents.DocumentsViewModel.Page;
import com.daeworkbench.ui.documents.DocumentsViewModel.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Documents view-model with the bundled model, on the sample pages, everything inline. */
class DocumentsViewModelTest {
    static final Path SAMPLES = Path.of("sample-images/documents");
    @TempDir Path tmp;
    final List<String> notes = new ArrayList<>();

    DocumentsViewModel vm() {
        return new DocumentsViewModel(new InlineTaskRunner(), notes::add, () -> null);
    }

    @Test
    void aDroppedFolderIsCleanedPageByPageIntoWhiterSameSizePages() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SAMPLES.resolve("train/001.png"), folder.resolve("a.png"));
        Files.copy(SAMPLES.resolve("train/002.png"), folder.resolve("b.png"));
        Files.writeString(folder.resolve("notes.txt"), "not a page");
        DocumentsViewModel vm = vm();
        assertThat(vm.add(List.of(folder.toFile()))).isEqualTo(2);
        assertThat(vm.pages()).extracting(Page::status).containsOnly(Status.CLEANED);
        for (Page p : vm.pages()) {
            assertThat(p.after().width()).isEqualTo(p.before().width());
            assertThat(p.after().height()).isEqualTo(p.before().height());
            // the page's paper (its brightest half) ends up whiter than it was
            assertThat(upperHalfMean(p.after())).isGreaterThan(upperHalfMean(p.before()) + 0.03);
        }
        assertThat(vm.selectedProperty().get()).isSameAs(vm.pages().get(0));
        assertThat(notes).isEmpty();
    }

    @Test
    void aBrokenFileFailsWithItsNameWhileTheOthersAreCleaned() throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.png"), "this is text, not a PNG");
        Path good = Files.copy(SAMPLES.resolve("train/003.png"), tmp.resolve("good.png"));
        DocumentsViewModel vm = vm();
        vm.add(List.of(bad.toFile(), good.toFile()));
        assertThat(vm.pages().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(notes).singleElement().asString().startsWith("Could not clean broken.png: ")
                .satisfies(n -> assertThat(n.split("broken.png", -1)).as("the file named once: " + n).hasSize(2));
        assertThat(vm.pages().get(1).status()).isEqualTo(Status.CLEANED);
    }

    @Test
    void aDroppedFolderIsSearchedWithItsSubfoldersAsDenoiseDoesAndSavedMirrored() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SAMPLES.resolve("train/001.png"), in.resolve("a.png"));
        Files.copy(SAMPLES.resolve("train/002.png"), Files.createDirectories(in.resolve("box2")).resolve("a.png"));
        Files.copy(SAMPLES.resolve("train/003.png"), Files.createDirectories(in.resolve(".thumbnails")).resolve("c.png"));
        Files.copy(SAMPLES.resolve("train/004.png"), in.resolve(".d.png"));
        DocumentsViewModel vm = vm();
        assertThat(vm.add(List.of(in.toFile()))).isEqualTo(2);
        assertThat(vm.pages()).extracting(Page::source).containsExactly(in.resolve("a.png"), in.resolve("box2/a.png"));
        assertThat(vm.pages()).extracting(Page::name).as("told apart in the list").containsExactly("a.png", "box2/a.png");
        Path out = tmp.resolve("clean");
        vm.saveAll(out);
        assertThat(notes).isEmpty();
        assertThat(out.resolve("a.png")).exists();
        assertThat(out.resolve("box2/a.png")).exists();
        assertThat(vm.pages()).extracting(Page::status).containsOnly(Status.SAVED);
    }

    @Test
    void twoDroppedFilesOfOneNameAreNotSavedOverEachOther() throws Exception {
        Path first = Files.copy(SAMPLES.resolve("train/001.png"), Files.createDirectories(tmp.resolve("monday")).resolve("scan.png"));
        Path second = Files.copy(SAMPLES.resolve("train/002.png"), Files.createDirectories(tmp.resolve("tuesday")).resolve("scan.png"));
        DocumentsViewModel vm = vm();
        vm.add(List.of(first.toFile(), second.toFile()));
        Path out = tmp.resolve("clean");
        vm.saveAll(out);
        assertThat(notes).singleElement().asString().contains(first.toString()).contains(second.toString())
                .contains("would both be saved as scan.png");
        assertThat(out.resolve("scan.png")).doesNotExist();
    }

    @Test
    void savingWritesPngsNamedAfterTheInputsAndNeverOverwritesAnInput() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("scans"));
        Path page = Files.copy(SAMPLES.resolve("train/004.png"), in.resolve("scan.png"));
        byte[] original = Files.readAllBytes(page);
        DocumentsViewModel vm = vm();
        vm.add(List.of(page.toFile()));
        vm.saveAll(in);
        assertThat(notes).singleElement().asString().contains("overwrite");
        assertThat(Files.readAllBytes(page)).isEqualTo(original);
        Path out = tmp.resolve("clean");
        vm.saveAll(out);
        GrayImage written = ImageLoader.loadGray(out.resolve("scan.png"));
        assertThat(written.width()).isEqualTo(vm.pages().get(0).before().width());
        assertThat(vm.pages().get(0).status()).isEqualTo(Status.SAVED);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("scan.png");
        }
    }

    @Test
    void aPdfIsListedAndCleanedPageByPageAndSavedAsOnePdfOfTheSamePageSizes() throws Exception {
        DocumentsViewModel vm = vm();
        assertThat(vm.add(List.of(Path.of("src/test/resources/formats/three-pages.pdf").toFile()))).isEqualTo(1);
        assertThat(vm.pages()).extracting(Page::name)
                .containsExactly("three-pages.pdf p1/3", "three-pages.pdf p2/3", "three-pages.pdf p3/3");
        assertThat(vm.pages()).extracting(Page::status).containsOnly(Status.CLEANED);
        assertThat(vm.pages()).extracting(p -> p.after().width()).containsExactly(64, 64, 48);
        assertThat(vm.selectedProperty().get()).isSameAs(vm.pages().get(0));
        Path out = tmp.resolve("pages");
        vm.saveAll(out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("three-pages.pdf");
        }
        try (var in = org.apache.pdfbox.Loader.loadPDF(Path.of("src/test/resources/formats/three-pages.pdf").toFile());
             var cleaned = org.apache.pdfbox.Loader.loadPDF(out.resolve("three-pages.pdf").toFile())) {
            assertThat(cleaned.getNumberOfPages()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(cleaned.getPage(i).getMediaBox().getWidth()).isCloseTo(in.getPage(i).getMediaBox().getWidth(), within(0.5f));
                assertThat(cleaned.getPage(i).getMediaBox().getHeight()).isCloseTo(in.getPage(i).getMediaBox().getHeight(), within(0.5f));
            }
        }
        assertThat(vm.pages()).extracting(Page::status).containsOnly(Status.SAVED);
        // one page of it alone is saved as a PNG
        vm.save(vm.pages().get(1), tmp.resolve("one"));
        assertThat(tmp.resolve("one/three-pages-p2.png")).exists();
        assertThat(notes).isEmpty();
    }

    static double upperHalfMean(GrayImage g) {
        float[] p = g.pixels().clone();
        java.util.Arrays.sort(p);
        double sum = 0;
        for (int i = p.length / 2; i < p.length; i++) sum += p[i];
        return sum / (p.length - p.length / 2);
    }
}
