package com.daeworkbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.daeworkbench.core.model.ArchitectureSpec;
import com.daeworkbench.core.runs.RunRecord;
import com.daeworkbench.core.runs.RunStore;
import com.daeworkbench.ui.InlineTaskRunner;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class RunsViewTest {
    @TempDir Path dir;

    @Test
    void everyColumnIsInViewWithoutAHorizontalScroll() throws Exception {
        FxToolkit.registerPrimaryStage();
        RunStore store = new RunStore(dir);
        ArchitectureSpec spec = ArchitectureSpec.defaults(ArchitectureSpec.Kind.CONV, 28, 28);
        for (int seed = 1; seed <= 2; seed++) {
            store.save(new RunRecord("20261202-12000" + seed + "-000", "conv 2x32 → 32, gaussian:0.5, lr 1e-03, seed " + seed,
                    "2026-12-02T12:00:0" + seed + ".123Z", "digits", "gaussian:0.5", spec, 5, RunRecord.Status.COMPLETED, "",
                    List.of(0.3, 0.2), List.of(new RunRecord.EpochPoint(1, 2, 0.2, 0.2, 15, 0.7))));
        }
        RunsView view = WaitForAsyncUtils.asyncFx(() -> {
            RunsViewModel vm = new RunsViewModel(new InlineTaskRunner(), store, m -> { });
            vm.refresh();
            RunsView v = new RunsView(vm);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            // the Runs tab's share of a 1366x768 window, within Monocle's 1280-wide headless screen
            stage.setScene(new javafx.scene.Scene(v, 1280, 700));
            stage.show();
            v.applyCss();
            v.layout();
            return v;
        }).get();
        double columns = view.table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(view.table.getItems()).hasSize(2);
        assertThat(columns).as("columns vs table width").isLessThanOrEqualTo(view.table.getWidth());
        assertThat(view.table.getColumns()).extracting(TableColumn::getText)
                .contains("Status", "Epochs", "Started (UTC)");
        for (TableColumn<RunRecord, ?> c : view.table.getColumns()) {
            assertThat(c.getWidth()).as(c.getText()).isGreaterThanOrEqualTo(c.getMinWidth());
        }
        WaitForAsyncUtils.asyncFx(() -> view.getScene().getWindow().hide()).get();
    }
}
