package com.daeworkbench.ui.analysis;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The strip above every analysis view: which model, how to pick another, what is running.
 * Two rows: the buttons and the tab's actions, which wrap to another line rather than shrink
 * below their text ("Use last train...", "C..."); then the model and this tab's status, which
 * wraps, so a long status cuts nothing.
 */
final class ModelBar extends VBox {
    ModelBar(AnalysisViewModel vm, AnalysisViewModel.Tab tab, Node... actions) {
        super(4);
        Button last = new Button("Use last trained model");
        last.setTooltip(new Tooltip("The model of the Train tab's last run (saved after every epoch)."));
        last.setOnAction(e -> vm.useLastTrainedModel());
        Button open = new Button("Open model…");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("DAE models", "*.dae"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.useModelFile(f.toPath());
        });
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        FlowPane tools = new FlowPane(8, 6);
        tools.getChildren().addAll(last, open);
        tools.getChildren().addAll(actions);
        tools.getChildren().add(cancel);
        tools.setAlignment(Pos.CENTER_LEFT);
        for (Node n : tools.getChildren()) {
            if (n instanceof Control c) c.setMinWidth(Control.USE_PREF_SIZE);
        }

        Label name = new Label();
        name.textProperty().bind(vm.modelNameProperty());
        name.getStyleClass().add("hint");
        name.setId("model-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(16, 16);
        spin.setMinSize(16, 16);
        spin.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty(tab));
        status.setWrapText(true);
        status.setId("analysis-status");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox info = new HBox(8, name, spin, status);
        info.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(tools, info);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("toolbar");
    }
}
