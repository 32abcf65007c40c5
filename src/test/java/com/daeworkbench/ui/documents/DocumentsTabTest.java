package com.daeworkbench.ui.documents;

import static com.daeworkbench.testing.FxApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.ui.WorkbenchApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.ImageView;
import com.daeworkbench.testing.FxApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The real window, headless: a page dropped on the Documents tab shows before/after and saves. */
class DocumentsTabTest {
    @TempDir static Path home;
    static WorkbenchApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        app = FxApp.launch(home.resolve("home"));
    }

    @AfterAll
    static void close() throws Exception {
        FxApp.close(app);
    }


    @Test
    void aDroppedPageShowsBeforeAndAfterAndSaves() throws Exception {
        Path page = Files.copy(Path.of("sample-images/documents/train/001.png"), home.resolve("page.png"));
        robot.clickOn("#documents-tab");
        DocumentsView view = robot.lookup("#documents-view").queryAs(DocumentsView.class);
        robot.interact(() -> view.drop(List.of(page.toFile())));
        DocumentsViewModel vm = app.documentsViewModel();
        await("the page to be cleaned", 120, () -> !vm.pages().isEmpty() && vm.pages().get(0).after() != null);
        // the result lands on the FX thread in one handler: the page's "after" is set a moment before the
        // view is told to show it, so wait for what the user sees, not for the model's field
        await("before and after to be shown", 10, () -> shownImages().size() == 2);
        List<ImageView> images = shownImages();
        assertThat(images.get(0).getImage().getWidth()).isEqualTo(images.get(1).getImage().getWidth());
        // drag the split line: the part of the page shown "after" follows it
        CompareView compare = view.compareView();
        robot.interact(() -> compare.setSplit(0.25));
        assertThat(compare.split()).isEqualTo(0.25);
        Path out = home.resolve("cleaned");
        robot.interact(() -> vm.saveAll(out));
        // the status line is set after the file is written, so wait for it rather than read it once
        await("the status to say the page was saved", 30,
                () -> robot.lookup("#documents-status").queryLabeled().getText().contains("Saved 1 page"));
        assertThat(out.resolve("page.png")).exists();
    }

    private List<ImageView> shownImages() {
        return robot.lookup("#compare").lookup((javafx.scene.Node n) -> n instanceof ImageView)
                .queryAllAs(ImageView.class).stream().filter(v -> v.getImage() != null && v.isVisible()).toList();
    }
}
