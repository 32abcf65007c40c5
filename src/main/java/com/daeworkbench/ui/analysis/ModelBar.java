package com.daeworkbench.ui.analysis;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/** The strip above every analysis view: which model, how to pick another, what is running. */
final class ModelBar extends HBox {
    ModelBar(AnalysisViewModel vm, javafx.scene.Node... actions) {
        super(8);
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
        Label name = new Label();
        name.textProperty().bind(vm.modelNameProperty());
        name.getStyleClass().add("hint");
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(18, 18);
        spin.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(last, open, name, grow);
        getChildren().addAll(actions);
        getChildren().addAll(spin, status, cancel);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("toolbar");
    }
}
