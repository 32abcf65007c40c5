package com.daeworkbench.ui.train;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** One image large, nearest-neighbour scaled so pixels stay crisp; a slider zooms 1x-40x. */
final class ZoomDialog {
    private ZoomDialog() { }

    static void show(Window owner, Image img, String title) {
        ImageView view = new ImageView(img);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        Slider zoom = new Slider(1, 40, Math.max(1, Math.min(20, 480 / Math.max(img.getWidth(), img.getHeight()))));
        view.fitWidthProperty().bind(zoom.valueProperty().multiply(img.getWidth()));
        Label factor = new Label();
        factor.textProperty().bind(zoom.valueProperty().asString("%.0fx"));
        HBox bar = new HBox(8, new Label("Zoom"), zoom, factor);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(new ScrollPane(view), null, null, bar, null);
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(new Scene(root, 560, 600));
        stage.show();
    }
}
