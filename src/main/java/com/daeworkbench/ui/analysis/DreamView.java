package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.analysis.DreamChain;
import com.daeworkbench.ui.common.Images;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The DAE as a generative model: x <- reconstruct(corrupt(x)), step by step, from noise or from real images. */
public final class DreamView extends BorderPane {
    private final AnalysisViewModel vm;
    final TilePane frame = new TilePane(8, 8);
    final Slider step = new Slider(0, 1, 0);
    private final Label stepLabel = new Label();
    private final Timeline player = new Timeline();

    public DreamView(AnalysisViewModel vm) {
        this.vm = vm;
        setId("dream-view");
        String explain = "A denoising autoencoder learns where clean images lie: corrupting an image and rebuilding it moves it"
                + " towards them. Repeating corrupt-then-rebuild is a Markov chain whose images look more and more like the"
                + " training data: the network, used as a generative model.";
        Button fromNoise = new Button("Dream from noise");
        fromNoise.setId("run-dream");
        fromNoise.getStyleClass().add("accent");
        fromNoise.setTooltip(new Tooltip(explain));
        fromNoise.setOnAction(e -> vm.runDream(true));
        Button fromImages = new Button("Dream from test images");
        fromImages.setTooltip(new Tooltip("Starts the chain at real test images: watch how far the walk takes them."));
        fromImages.setOnAction(e -> vm.runDream(false));
        Spinner<Integer> steps = new Spinner<>(1, 500, vm.dreamStepsProperty().get());
        steps.setEditable(true);
        steps.setPrefWidth(80);
        steps.valueProperty().addListener((o, a, v) -> vm.dreamStepsProperty().set(v));
        setTop(new ModelBar(vm, AnalysisViewModel.Tab.DREAM, new Label("steps"), steps, fromNoise, fromImages));

        frame.setPrefColumns(4);
        frame.setAlignment(Pos.CENTER);
        step.setId("dream-step");
        step.setMajorTickUnit(10);
        step.setShowTickMarks(true);
        step.setBlockIncrement(1);
        step.setTooltip(new Tooltip("Walk the chain: step 0 is the start, each step is one corrupt-and-rebuild."));
        step.valueProperty().addListener((o, a, v) -> show((int) Math.round(v.doubleValue())));
        Button play = new Button("Play");
        play.setOnAction(e -> {
            if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                player.stop();
                play.setText("Play");
            } else {
                if (step.getValue() >= step.getMax()) step.setValue(0);
                player.play();
                play.setText("Pause");
            }
        });
        Slider speed = new Slider(1, 30, 8);
        speed.setTooltip(new Tooltip("Steps per second while playing."));
        speed.valueProperty().addListener((o, a, v) -> player.setRate(v.doubleValue() / 8));
        player.getKeyFrames().add(new KeyFrame(Duration.millis(125), e -> {
            if (step.getValue() < step.getMax()) step.setValue(step.getValue() + 1);
            else { player.stop(); play.setText("Play"); }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        HBox controls = new HBox(10, play, new Label("step"), step, stepLabel, new Label("speed"), speed);
        HBox.setHgrow(step, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(8, 10, 8, 10));
        Label about = new Label(explain);
        about.setWrapText(true);
        about.getStyleClass().add("hint");
        about.setPadding(new Insets(0, 10, 10, 10));
        setCenter(frame);
        setBottom(new VBox(controls, about));
        vm.chainProperty().addListener((o, a, c) -> {
            if (c == null) return;
            step.setMax(c.steps());
            step.setValue(0);
            show(0);
        });
    }

    private void show(int s) {
        DreamChain.Chain c = vm.chainProperty().get();
        if (c == null) return;
        int k = Math.max(0, Math.min(c.steps(), s));
        stepLabel.setText(k + " / " + c.steps());
        if (frame.getChildren().size() != c.count()) {
            frame.getChildren().clear();
            for (int i = 0; i < c.count(); i++) {
                ImageView v = new ImageView();
                v.setFitWidth(140);
                v.setFitHeight(140);
                v.setSmooth(false);
                frame.getChildren().add(v);
            }
        }
        for (int i = 0; i < c.count(); i++) {
            ((ImageView) frame.getChildren().get(i)).setImage(Images.gray(c.image(k, i), 0, c.width(), c.height()));
        }
    }
}
