package com.daeworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.io.ModelStore;
import com.daeworkbench.core.io.SavedModel;
import com.daeworkbench.core.model.ArchitectureSpec.PageInput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --page-input paper-divided: the model file says so, eval-pages runs it, fine-tuning keeps it. */
class PageInputTrainingTest {
    @TempDir Path dir;

    /** Runs the commands with their run records in this test's folder, not the user's home. */
    private void inOwnHome(org.junit.jupiter.api.function.Executable commands) throws Throwable {
        String home = System.getProperty("dae.home");
        System.setProperty("dae.home", dir.resolve("home").toString());
        try {
            commands.execute();
        } finally {
            if (home == null) System.clearProperty("dae.home"); else System.setProperty("dae.home", home);
        }
    }

    private Path pages(int seed) {
        Path pages = dir.resolve("pages");
        assertThat(AnalysisCommandsTest.run("generate-documents", "--count", "4", "--seed", String.valueOf(seed), "--width", "160",
                "--height", "128", "--out", pages.toString()).exit()).isZero();
        return pages;
    }

    /** A residual model of 3 layers x 4 filters on paper-divided pages, one epoch. */
    private Path smallPaperDividedModel(Path pages, String name) {
        Path model = dir.resolve(name);
        var r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--page-input", "paper-divided", "--arch", "residual",
                "--layers", "3", "--width", "4", "--epochs", "1", "--batch", "8", "--out", model.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return model;
    }

    @Test
    void aPaperDividedModelIsSavedAsSuchAndFineTuningKeepsIt() throws Throwable {
        inOwnHome(() -> {
            Path pages = pages(5);
            Path first = smallPaperDividedModel(pages, "divided.dae");
            try (var m = ModelStore.load(first).model()) {
                assertThat(m.spec().pageInput()).isEqualTo(PageInput.PAPER_DIVIDED);
            }
            Path tuned = dir.resolve("tuned.dae");
            var r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--init", first.toString(),
                    "--lr", "1e-4", "--epochs", "1", "--batch", "8", "--out", tuned.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            SavedModel t = ModelStore.load(tuned);
            assertThat(t.model().spec().pageInput()).as("--init's page input, not raw").isEqualTo(PageInput.PAPER_DIVIDED);
            t.model().close();
            r = AnalysisCommandsTest.run("eval-pages", "--model", tuned.toString(), "--pages", pages.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            // the Runs tab's first column leads with the file, what tells two CLI runs apart
            assertThat(com.daeworkbench.core.runs.WorkbenchHome.runs().list(new java.util.ArrayList<>()))
                    .extracting(com.daeworkbench.core.runs.RunRecord::name)
                    .containsExactlyInAnyOrder("divided.dae · residual (train)", "tuned.dae · residual (train)");
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--init", first.toString(),
                    "--page-input", "raw", "--epochs", "1", "--out", dir.resolve("wrong.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--page-input");
        });
    }

    /** train --dilation makes a format-3 file that eval-pages reads; the settings it cannot take are refused by name. */
    @Test
    void aDilatedModelTrainsScoresPagesAndKeepsItsDilation() throws Throwable {
        inOwnHome(() -> {
            Path pages = dir.resolve("pages");
            assertThat(AnalysisCommandsTest.run("generate-documents", "--count", "4", "--seed", "6", "--width", "160", "--height", "128",
                    "--out", pages.toString()).exit()).isZero();
            Path dilated = dir.resolve("dilated.dae");
            var r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--page-input", "paper-divided", "--arch", "residual",
                    "--layers", "4", "--width", "4", "--dilation", "2", "--epochs", "1", "--batch", "8", "--out", dilated.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            SavedModel m = ModelStore.load(dilated);
            assertThat(m.model().spec().dilation()).isEqualTo(2);
            assertThat(m.info().formatVersion()).isEqualTo(3);
            m.model().close();
            r = AnalysisCommandsTest.run("eval-pages", "--model", dilated.toString(), "--pages", pages.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--init", dilated.toString(),
                    "--dilation", "3", "--epochs", "1", "--out", dir.resolve("wrong.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--dilation").contains("dilated.dae");
            r = AnalysisCommandsTest.run("train", "--arch", "conv", "--dilation", "2", "--epochs", "1", "--out", dir.resolve("conv.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("only a residual network takes a dilation");
        });
    }

    /** train --init M --add-layers N: the saved model is N layers deeper and says so; without --init it is refused. */
    @Test
    void aModelGrowsByLayersWhenFineTuned() throws Throwable {
        inOwnHome(() -> {
            Path pages = pages(7);
            Path first = smallPaperDividedModel(pages, "small.dae");
            Path deeper = dir.resolve("deeper.dae");
            // the training script names the source's depth and width beside --add-layers: they describe --init's model
            var r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--layers", "3", "--width", "4",
                    "--init", first.toString(), "--add-layers", "2", "--epochs", "1", "--batch", "8", "--out", deeper.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            // 3 layers of width 4 (40 + 4x4x9 + 2x4 + 37 = 229 weights) plus two 4->4 identity layers (2 x 152)
            assertThat(r.err()).contains("533 parameters");
            try (var m = ModelStore.load(deeper).model()) {
                assertThat(m.spec().layers()).isEqualTo(5);
                assertThat(m.spec().width()).isEqualTo(4);
                assertThat(m.spec().pageInput()).isEqualTo(PageInput.PAPER_DIVIDED);
            }
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--add-layers", "2",
                    "--epochs", "1", "--out", dir.resolve("alone.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--add-layers grows the --init model");
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--init", first.toString(),
                    "--add-layers", "40", "--epochs", "1", "--out", dir.resolve("huge.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("small.dae").contains("can add 1..27 layers");
            // asking --init's model to be another network is refused by name, not silently ignored
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "residual", "--init", first.toString(),
                    "--layers", "5", "--epochs", "1", "--out", dir.resolve("five.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--layers 5: small.dae has 3 layers, and starting from it keeps them; --add-layers 2 grows it to 5");
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--arch", "conv", "--init", first.toString(),
                    "--epochs", "1", "--out", dir.resolve("conv.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--arch: small.dae is a residual network");
            r = AnalysisCommandsTest.run("train", "--dataset", pages.toString(), "--init", first.toString(),
                    "--width", "8", "--epochs", "1", "--out", dir.resolve("wide.dae").toString());
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--width 8: small.dae has width 4");
        });
    }
}
