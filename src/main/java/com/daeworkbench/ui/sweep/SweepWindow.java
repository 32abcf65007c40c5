package com.daeworkbench.ui.sweep;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sweep's own window. Left: the knobs (a grid of values, or ranges to draw N random
 * configurations from), then the queue, reorderable, with pause and cancel. Middle: the results
 * of the finished runs — filters per knob, parallel coordinates (brushable), a heatmap of two
 * knobs, which knob mattered, and a sortable table — all over the same filtered configurations.
 * Right: the chosen run's curves and reconstructions. Not modal: the Runs tab can be watched meanwhile.
 */
public final class SweepWindow {
    private static Stage open;

    private SweepWindow() { }

    public static void show(Window owner, SweepViewModel vm, Supplier<SweepViewModel.Base> base) {
        if (open != null) {
            open.toFront();
            return;
        }
        BorderPane root = new BorderPane();
        root.setLeft(SweepSetup.pane(vm, base));
        root.setCenter(SweepResults.pane(vm));
        RunDetails details = new RunDetails();
        // three images and their PSNRs side by side, with the headers unclipped
        details.setPrefWidth(400);
        details.setMinWidth(380);
        details.setMaxWidth(420);
        vm.detailsProperty().addListener((o, a, d) -> details.show(d, vm.loadingDetailsProperty().get()));
        vm.loadingDetailsProperty().addListener((o, a, loading) -> details.show(vm.detailsProperty().get(), loading));
        BorderPane.setMargin(details, new Insets(0, 0, 0, 10));
        root.setRight(details);
        root.setPadding(new Insets(10));

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Sweep");
        // the whole of a 1366x768 screen is the size it is laid out for; smaller screens get what they have
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight()));
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }

    // ---- left: what to sweep, and the queue

    static Label title(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static TableColumn<SweepViewModel.Row, String> column(String title, double width, Function<SweepViewModel.Row, String> value) {
        TableColumn<SweepViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static Tooltip tip(String text) {
        return com.daeworkbench.ui.common.Tooltips.wrapped(text);
    }
}
