package com.daeworkbench.ui.train;

import static com.daeworkbench.ui.train.Controls.enumNames;
import static com.daeworkbench.ui.train.Controls.form;
import static com.daeworkbench.ui.train.Controls.knob;
import static com.daeworkbench.ui.train.Controls.labelled;
import static com.daeworkbench.ui.train.Controls.slider;
import static com.daeworkbench.ui.train.Controls.spinner;
import static com.daeworkbench.ui.train.Controls.tip;

import com.daeworkbench.core.data.Dataset;
import com.daeworkbench.core.model.ArchitectureSpec.Activation;
import com.daeworkbench.core.model.ArchitectureSpec.Kind;
import com.daeworkbench.core.model.ArchitectureSpec.Loss;
import com.daeworkbench.core.model.ArchitectureSpec.Optimizer;
import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.common.Images;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/** The training screen: settings on the left, live curves and reconstructions in the middle. */
public final class TrainView extends BorderPane {
    private final TrainViewModel vm;
    private final TilePane cleanStrip = new TilePane(4, 4);
    private final TilePane noisyStrip = new TilePane(4, 4);
    private final LossChart chart = new LossChart();
    private boolean curvesDirty;
    private final SampleGrid grid = new SampleGrid();
    /** the grid's stand-in when the data is a table: rows of numbers */
    private final RowTable rowTable = new RowTable();
    /** fits the image grid to its width; a table's rows scroll sideways */
    private final ScrollPane samplesScroll = new ScrollPane();
    private final Slider epochSlider = new Slider(0, 0, 0);
    private final Label epochLabel = new Label("live");
    private final Label setScore = new Label("");
    final Button trainButton = new Button("Train");
    final Button pauseButton = new Button("Pause");
    final Button stopButton = new Button("Stop");
    final Button resetButton = new Button("Reset");

    public TrainView(TrainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("train-view");
        chart.setId("loss-chart");
        grid.setId("sample-grid");
        epochSlider.setId("epoch-slider");
        epochLabel.setId("epoch-label");
        ScrollPane scroll = new ScrollPane(settingsColumn());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");
        // the actions stay in sight below the scrolling settings
        Node actions = buttons();
        BorderPane settings = new BorderPane(scroll, null, null, actions, null);
        BorderPane.setMargin(actions, new Insets(8, 12, 10, 12));
        settings.getStyleClass().add("settings-panel");
        settings.setMinWidth(330);
        settings.setPrefWidth(350);
        SplitPane centre = new SplitPane(chartPane(), gridPane());
        centre.setDividerPositions(0.56);
        // what went wrong with the run (loss exploded, flat output), above the chart and the grid
        Label warning = new Label();
        warning.setId("training-warning");
        warning.getStyleClass().add("training-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.textProperty().bind(vm.run().trainingWarningProperty());
        warning.visibleProperty().bind(vm.run().trainingWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        VBox centreWithWarning = new VBox(warning, centre);
        VBox.setVgrow(centre, Priority.ALWAYS);
        SplitPane main = new SplitPane(settings, centreWithWarning);
        main.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(settings, false);
        setCenter(main);
        setBottom(statusBar());
        // redraw at most ten times a second however fast the trainer reports (a pulse is 60 Hz)
        vm.run().curveVersionProperty().addListener(o -> curvesDirty = true);
        new javafx.animation.AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (!curvesDirty || now - last < 100_000_000L) return;
                curvesDirty = false;
                last = now;
                chart.setData(vm.run().iterationLoss(), vm.run().epochPoints(), vm.run().iterationsPerEpoch());
            }
        }.start();
        vm.run().liveSamplesProperty().addListener(o -> { if (epochSlider.getValue() == 0) showSamples(vm.run().liveSamplesProperty().get()); });
        vm.run().baselinePsnrProperty().addListener(o -> { if (epochSlider.getValue() == 0) showSamples(vm.run().liveSamplesProperty().get()); });
        // the score line follows its own numbers: cleared when a new run starts, not at its first preview
        // (change listeners: an invalidation listener hears nothing more until someone reads the value)
        for (javafx.beans.value.ObservableValue<?> score : List.of(vm.run().setPsnrProperty(), vm.run().baselineSetPsnrProperty(), vm.run().baselineNameProperty())) {
            score.addListener((o, a, b) -> showSetScore());
        }
        // during a run, before the first preview, the grid says it is coming rather than "Press Train"
        vm.run().runningProperty().addListener((o, a, b) -> { if (epochSlider.getValue() == 0) showSamples(vm.run().liveSamplesProperty().get()); });
        vm.run().epochSamples().addListener((javafx.collections.ListChangeListener<TrainingEvent.Samples>) c -> {
            epochSlider.setMax(vm.run().epochSamples().size());
            epochSlider.setDisable(vm.run().epochSamples().isEmpty());
        });
        epochSlider.valueProperty().addListener((o, a, v) -> {
            int e = (int) Math.round(v.doubleValue());
            epochLabel.setText(e == 0 ? "live" : "epoch " + e);
            showSamples(e == 0 ? vm.run().liveSamplesProperty().get() : vm.run().epochSamples().get(e - 1));
        });
        vm.settings().loadedDatasetProperty().addListener(o -> showStrip());
        vm.settings().loadedDatasetProperty().addListener(o -> showSamples(vm.run().liveSamplesProperty().get()));
        vm.settings().previewNoisyProperty().addListener(o -> showNoisyStrip());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                File f = e.getDragboard().getFiles().get(0);
                // a table file is the data set itself; another file stands for the folder it is in
                boolean table = com.daeworkbench.core.data.TableData.isTableFile(f.toPath());
                vm.loadDataset(f.isDirectory() || table ? f.getPath() : f.getParent());
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private void showSamples(TrainingEvent.Samples s) {
        boolean table = vm.settings().isTable();
        grid.setVisible(!table);
        grid.setManaged(!table);
        rowTable.setVisible(table);
        rowTable.setManaged(table);
        samplesScroll.setFitToWidth(!table);
        if (table && s != null && s.height() == 1) {
            rowTable.show(s, vm.settings().loadedDatasetProperty().get().table().featureNames());
        } else if (table) {
            rowTable.show(null, List.of());
            grid.showPlaceholder(SampleGrid.PRESS_TRAIN);
        } else if (s == null) {
            grid.showPlaceholder(vm.run().runningProperty().get()
                    ? "Training: reconstructions of fixed validation images appear here after the first batches."
                    : SampleGrid.PRESS_TRAIN);
        } else {
            grid.show(s, vm.run().baselinePsnrProperty().get());
        }
        showSetScore();
    }

    private void showSetScore() {
        double rmse = vm.run().setRmseProperty().get();
        if (!Double.isNaN(rmse)) {
            setScore.setText(String.format(Locale.ROOT, "validation rows: RMSE %.3f of the reconstructed present cells"
                    + " (scaled units: 1 = a column's spread; always guessing the column's mean scores about 1)", rmse));
            return;
        }
        double set = vm.run().setPsnrProperty().get(), base = vm.run().baselineSetPsnrProperty().get();
        // the rows compare with a median 3x3; the set with whichever plain filter does best on it: named, both
        setScore.setText(Double.isNaN(set) ? "" : String.format(Locale.ROOT,
                "validation set: network %.2f dB%s", set,
                Double.isNaN(base) ? "" : String.format(Locale.ROOT, " · best plain filter on the set (%s) %.2f dB", vm.run().baselineNameProperty().get(), base)));
    }

    private VBox settingsColumn() {
        VBox col = new VBox(10);
        col.setPadding(new Insets(12));
        col.getStyleClass().add("settings");
        // training before architecture: at 1366x768 the learning rate, optimizer, batch and epochs are
        // in sight without scrolling (they were below the fold under the layer diagram)
        col.getChildren().addAll(dataSection(), noiseSection(), trainingSection(), architectureSection());
        return col;
    }

    private Node section(String title, Node... content) {
        Label head = new Label(title);
        head.getStyleClass().add("section-title");
        VBox box = new VBox(6, head);
        box.getChildren().addAll(content);
        box.getStyleClass().add("section");
        return box;
    }

    static String shortDatasetName(String dataset) {
        return switch (dataset) {
            case "digits" -> "MNIST digits";
            case "fashion" -> "Fashion-MNIST";
            case "documents" -> "Dirty documents";
            case com.daeworkbench.core.data.DatasetSource.BUNDLED_TABLE -> "Breast cancer table";
            default -> {
                try {
                    Path name = Path.of(dataset).getFileName();
                    yield name == null ? dataset : name.toString();
                } catch (InvalidPathException notAPath) {
                    yield dataset;
                }
            }
        };
    }

    private Node dataSection() {
        ComboBox<String> pick = new ComboBox<>();
        pick.setId("dataset-pick");
        pick.getItems().addAll("digits", "fashion", "documents", com.daeworkbench.core.data.DatasetSource.BUNDLED_TABLE);
        pick.setConverter(new StringConverter<>() {
            public String toString(String s) {
                return switch (s == null ? "" : s) {
                    case "digits" -> "Digits (10,000 bundled MNIST)";
                    case "fashion" -> "Fashion-MNIST";
                    case "documents" -> "Synthetic dirty documents";
                    case com.daeworkbench.core.data.DatasetSource.BUNDLED_TABLE -> "Breast cancer table (569 rows x 30, bundled)";
                    default -> s == null ? "" : s;
                };
            }
            public String fromString(String s) { return s; }
        });
        // the closed box is ~17 characters wide: it shows a short name (a folder's own name, not
        // the start of its path); the list keeps the long ones, the line below it the sizes
        pick.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : shortDatasetName(s));
            }
        });
        pick.setValue(vm.settings().datasetProperty().get());
        pick.setMaxWidth(Double.MAX_VALUE);
        pick.setPrefWidth(200);
        pick.setOnAction(e -> { if (pick.getValue() != null && !pick.getValue().equals(vm.settings().datasetProperty().get())) vm.loadDataset(pick.getValue()); });
        vm.settings().datasetProperty().addListener((o, a, v) -> { if (!pick.getItems().contains(v)) pick.getItems().add(v); pick.setValue(v); });
        pick.setTooltip(tip("What the autoencoder learns to clean. Drop a folder of IDX files or images anywhere on this screen to load it."));
        Button folder = new Button("Open…");
        folder.setTooltip(tip("An IDX folder (MNIST, EMNIST), a folder of clean images, or noisy/clean pairs in train/ + train_cleaned/."));
        folder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) vm.loadDataset(dir.getPath());
        });
        folder.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        Button tableFile = new Button("Table…");
        tableFile.setId("open-table");
        tableFile.setTooltip(tip("A table of numbers (.csv or .tsv, header or not, comma, semicolon or tab): numeric columns are"
                + " features, text columns are one-hot encoded, empty/NA/? cells are missing. A dense DAE learns to fill them in."));
        tableFile.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Tables (*.csv, *.tsv)", "*.csv", "*.tsv"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) vm.loadDataset(f.getPath());
        });
        tableFile.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        HBox row = new HBox(6, pick, folder, tableFile);
        HBox.setHgrow(pick, Priority.ALWAYS);
        Label summary = new Label();
        summary.textProperty().bind(vm.settings().datasetSummaryProperty());
        summary.setWrapText(true);
        summary.getStyleClass().add("hint");
        cleanStrip.setPrefColumns(TrainSettings.STRIP_IMAGES / 2);
        return section("Data", row, summary, cleanStrip);
    }

    private Node noiseSection() {
        ComboBox<String> type = new ComboBox<>();
        type.setItems(vm.settings().noiseTypes());
        type.valueProperty().bindBidirectional(vm.settings().noiseTypeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        type.setTooltip(tip("The corruption the network learns to undo: Gaussian adds grain, salt-and-pepper flips pixels to black or white,"
                + " masking erases pixels, speckle adds noise that grows with brightness."));
        Slider level = slider(0, 1, vm.settings().noiseLevelProperty().get(), 0.05);
        level.valueProperty().bindBidirectional(vm.settings().noiseLevelProperty());
        level.setId("noise-level");
        level.setTooltip(tip("How strong the corruption is. More noise forces the network to learn the shape of the data rather than copy pixels, but too much leaves nothing to recover."));
        Label value = new Label();
        value.textProperty().bind(vm.settings().noiseLevelProperty().asString(Locale.ROOT, "%.2f"));
        noisyStrip.setPrefColumns(TrainSettings.STRIP_IMAGES / 2);
        noisyStrip.setId("noisy-strip");
        Label previewHint = new Label();
        previewHint.textProperty().bind(Bindings.when(vm.settings().noiseFromPairsProperty())
                .then("These data come as noisy/clean pairs: the network learns to undo their own noise (shown below),"
                        + " so noise type and level do not apply.")
                .otherwise(Bindings.when(Bindings.createBooleanBinding(() -> vm.settings().isTable(), vm.settings().loadedDatasetProperty()))
                        .then("A table's cells: swap takes a value from another row of the same column, masking makes cells"
                                + " missing, gaussian adds noise to the scaled values. The corrupted rows appear beside the"
                                + " reconstructions once training runs.")
                        .otherwise("The same images, corrupted (updates as you move the slider):")));
        previewHint.getStyleClass().add("hint");
        previewHint.setWrapText(true);
        previewHint.setId("noise-hint");
        ComboBox<String> second = new ComboBox<>();
        second.getItems().add(TrainSettings.NO_NOISE);
        second.getItems().addAll(vm.settings().noiseTypes());
        vm.settings().noiseTypes().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = second.getValue();
            second.getItems().setAll(TrainSettings.NO_NOISE);
            second.getItems().addAll(c.getList());
            second.setValue(second.getItems().contains(keep) ? keep : TrainSettings.NO_NOISE);
        });
        second.valueProperty().bindBidirectional(vm.settings().secondNoiseTypeProperty());
        second.setId("second-noise");
        second.setTooltip(tip("A second corruption on top of the first, as real damage often is (grain and missing pixels,"
                + " say): the network has to undo both. \"none\" trains on the first alone."));
        Slider secondLevel = slider(0, 1, vm.settings().secondNoiseLevelProperty().get(), 0.05);
        secondLevel.valueProperty().bindBidirectional(vm.settings().secondNoiseLevelProperty());
        secondLevel.setId("second-noise-level");
        secondLevel.setTooltip(tip("How strong the second corruption is."));
        secondLevel.disableProperty().bind(vm.settings().secondNoiseTypeProperty().isEqualTo(TrainSettings.NO_NOISE));
        Label secondValue = new Label();
        secondValue.textProperty().bind(vm.settings().secondNoiseLevelProperty().asString(Locale.ROOT, "%.2f"));
        Label plus = new Label("Plus");
        plus.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        second.setPrefWidth(118);
        second.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        secondLevel.setMinWidth(50);
        secondValue.setMinWidth(40);
        HBox secondRow = new HBox(8, plus, second, secondLevel, secondValue);
        secondRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(secondLevel, Priority.ALWAYS);
        Node typeAndLevel = new VBox(6, type, labelled("Level", level, value), secondRow);
        typeAndLevel.setId("noise-settings");
        // disabled controls show no tooltip: the reason sits on their container (and in the hint below)
        type.disableProperty().bind(vm.settings().noiseFromPairsProperty());
        level.disableProperty().bind(vm.settings().noiseFromPairsProperty());
        secondRow.disableProperty().bind(vm.settings().noiseFromPairsProperty());
        Tooltip pairsTip = tip("Not used with noisy/clean pairs: the network learns from the pairs' own noise.");
        vm.settings().noiseFromPairsProperty().addListener((o, a, pairs) -> {
            if (pairs) Tooltip.install(typeAndLevel, pairsTip);
            else Tooltip.uninstall(typeAndLevel, pairsTip);
        });
        return section("Noise", typeAndLevel, previewHint, noisyStrip);
    }

    private Node architectureSection() {
        ComboBox<Kind> kind = new ComboBox<>();
        kind.getItems().addAll(Kind.values());
        kind.valueProperty().bindBidirectional(vm.settings().kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setConverter(enumNames(Kind.class));
        kind.setTooltip(tip("Dense: every pixel connects to every unit, squeezed through a bottleneck. Conv: the Keras-blog denoiser with"
                + " pooling and upsampling. Residual: a DnCNN that predicts the noise and subtracts it."));
        Node layers = knob(1, 20, false, vm.settings().layersProperty(), "layers",
                "Depth. More layers can model more complex structure but train slower and can be harder to optimise.");
        Node width = knob(4, 1024, true, vm.settings().widthProperty(), "width",
                "Neurons (dense) or filters (conv, residual) per layer: the network's capacity. The slider steps in powers of two; type any value in the box.");
        Node bottleneck = knob(2, 512, true, vm.settings().bottleneckProperty(), "bottleneck",
                "The narrowest layer: a small code forces the autoencoder to keep only what matters. (Unused by the residual network.)");
        bottleneck.disableProperty().bind(vm.settings().kindProperty().isEqualTo(Kind.RESIDUAL));
        Node dilation = knob(1, com.daeworkbench.core.model.Network.MAX_DILATION, false, vm.settings().dilationProperty(), "dilation",
                "Residual only: the middle layers' 3x3 taps spread this many pixels apart (the first and last layers stay"
                        + " undilated), so each output pixel sees a wider neighbourhood with the same weights. 1 = no spreading."
                        + " Helps where the noise is larger than the network's view (stains, shading).");
        dilation.disableProperty().bind(vm.settings().kindProperty().isNotEqualTo(Kind.RESIDUAL));
        ComboBox<Activation> act = new ComboBox<>();
        act.getItems().addAll(Activation.values());
        act.valueProperty().bindBidirectional(vm.settings().activationProperty());
        act.setConverter(enumNames(Activation.class));
        act.setTooltip(tip("The non-linearity between layers. ReLU is the usual choice; tanh and sigmoid saturate and learn slower in deep networks."));
        GridPane g = form();
        g.addRow(0, new Label("Type"), kind);
        g.addRow(1, new Label("Layers"), layers);
        g.addRow(2, new Label("Width"), width);
        g.addRow(3, new Label("Bottleneck"), bottleneck);
        g.addRow(4, new Label("Dilation"), dilation);
        g.addRow(5, new Label("Activation"), act);
        Label params = new Label();
        params.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d parameters",
                vm.settings().parameterCountProperty().get()), vm.settings().parameterCountProperty()));
        params.getStyleClass().add("param-count");
        LayerDiagram bars = new LayerDiagram();
        bars.setId("layer-diagram");
        Runnable drawBars = () -> bars.show(vm.settings().layerShapesProperty().get(), vm.settings().codeShapeIndexProperty().get());
        vm.settings().layerShapesProperty().addListener(o -> drawBars.run());
        vm.settings().codeShapeIndexProperty().addListener(o -> drawBars.run());
        drawBars.run();
        TextArea diagram = new TextArea();
        diagram.textProperty().bind(vm.settings().layerDiagramProperty());
        diagram.setEditable(false);
        diagram.setPrefRowCount(5);
        diagram.getStyleClass().add("layer-diagram");
        diagram.setTooltip(tip("The layers these settings build, input to output."));
        Label error = new Label();
        error.textProperty().bind(vm.settings().specErrorProperty());
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        return section("Architecture", g, params, bars, diagram, error);
    }

    private Node trainingSection() {
        Slider lr = slider(-5, -1, vm.settings().learningRateLogProperty().get(), 0.25);
        lr.valueProperty().bindBidirectional(vm.settings().learningRateLogProperty());
        lr.setTooltip(tip("Step size of each update, on a log scale. Too high and the loss jumps or becomes NaN; too low and nothing moves."));
        // the slider's steps are coarse and its label rounded: the field takes and shows the exact rate
        javafx.scene.control.TextField lrValue = new javafx.scene.control.TextField(formatRate(vm.settings().learningRate()));
        lrValue.setId("learning-rate-field");
        lrValue.setPrefColumnCount(6);
        lrValue.setTooltip(tip(String.format(Locale.ROOT, "The exact learning rate, e.g. 3e-4 or 0.0005 (%s to %s); Enter applies it.",
                formatRate(MIN_RATE), formatRate(MAX_RATE))));
        exactField(lrValue, vm.settings().learningRateLogProperty(), () -> formatRate(vm.settings().learningRate()), TrainView::parseRate,
                rate -> vm.settings().learningRateLogProperty().set(Math.log10(rate)),
                text -> "The learning rate must be a number from " + formatRate(MIN_RATE) + " to " + formatRate(MAX_RATE)
                        + ", e.g. 3e-4; \"" + text + "\" is not.");
        Button find = new Button("Find…");
        find.setId("find-learning-rate");
        find.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        find.setTooltip(tip("The learning-rate range test: 100 batches from fresh weights at a rate growing from 1e-6,"
                + " until the loss explodes (a few seconds). Its curve shows where learning starts and where it breaks down;"
                + " it suggests a third of the rate where the loss fell fastest."));
        find.disableProperty().bind(vm.run().runningProperty().or(vm.findingRateProperty()).or(vm.engineReadyProperty().not()));
        find.setOnAction(e -> vm.findLearningRate());
        vm.learningRateTestProperty().addListener((o, a, result) -> { if (result != null) LearningRateDialog.show(getScene().getWindow(), result, vm); });
        ComboBox<Optimizer> opt = new ComboBox<>();
        opt.getItems().addAll(Optimizer.values());
        opt.valueProperty().bindBidirectional(vm.settings().optimizerProperty());
        opt.setConverter(enumNames(Optimizer.class));
        opt.setTooltip(tip("How gradients become updates. Adam adapts the step per weight and is the safe default; SGD with momentum needs a larger learning rate."));
        Spinner<Integer> batch = spinner(1, 1024, vm.settings().batchSizeProperty());
        batch.setTooltip(tip("Images per update. Larger batches give smoother gradients and faster epochs, but fewer updates per epoch."));
        Spinner<Integer> epochs = spinner(1, 500, vm.settings().epochsProperty());
        epochs.setId("epochs-spinner");
        epochs.setTooltip(tip("Passes over the training set; fresh noise is drawn every epoch, so each pass shows new corrupted examples."));
        Spinner<Integer> seed = spinner(0, 99_999, vm.settings().seedProperty());
        seed.setTooltip(tip("Fixes the initial weights, the data order and the noise: the same seed gives the same run."));
        Button newSeed = new Button("New");
        newSeed.setTooltip(tip("Draw a new random seed: new initial weights and noise."));
        newSeed.setOnAction(e -> vm.settings().newSeed());
        org.controlsfx.control.ToggleSwitch fineTune = new org.controlsfx.control.ToggleSwitch("Start from the bundled document model");
        fineTune.setId("fine-tune-documents");
        fineTune.selectedProperty().bindBidirectional(vm.fineTuneDocumentModelProperty());
        fineTune.setTooltip(tip("Fine-tuning: begin from the weights that already clean pages and adapt them to your own"
                + " noisy/clean page pairs (load their folder above); the Documents tab can then use the result. More Layers than"
                + " the bundled model's grow it: the new layers start by passing their input through, and learn from there."));
        ComboBox<Loss> lossChoice = new ComboBox<>();
        lossChoice.getItems().addAll(Loss.values());
        lossChoice.valueProperty().bindBidirectional(vm.settings().lossProperty());
        lossChoice.setConverter(new StringConverter<>() {
            public String toString(Loss l) {
                return l == null ? "" : switch (l) {
                    case BCE -> "cross-entropy";
                    case MSE -> "mean squared error";
                };
            }
            public Loss fromString(String s) { return null; }
        });
        lossChoice.setId("loss-choice");
        lossChoice.setTooltip(tip("What \"wrong\" means. Cross-entropy treats each pixel as a probability of ink and"
                + " punishes confident mistakes hard: sharp digits, fast start (dense and conv default). Mean squared error"
                + " punishes big errors most and tends to blur: the residual default, whose output is not a probability."));
        javafx.scene.control.TextField decay = new javafx.scene.control.TextField(formatDecay(vm.settings().weightDecayProperty().get()));
        decay.setId("weight-decay-field");
        decay.setPrefColumnCount(6);
        decay.setTooltip(tip("L2 weight decay: each update also shrinks every weight by learning rate x decay x weight."
                + " It keeps weights small and fights overfitting; 1e-4 is a gentle start, 0 turns it off. Enter applies it."));
        exactField(decay, vm.settings().weightDecayProperty(), () -> formatDecay(vm.settings().weightDecayProperty().get()), TrainView::parseDecay,
                vm.settings().weightDecayProperty()::set,
                text -> "Weight decay must be a number from 0 to below 1, e.g. 1e-4; \"" + text + "\" is not.");
        GridPane g = form();
        g.add(fineTune, 0, 7, 2, 1);
        g.addRow(5, new Label("Loss"), lossChoice);
        g.addRow(6, new Label("Weight decay"), decay);
        // the exact field and Find keep their size; the coarse slider takes what is left
        lrValue.setPrefColumnCount(5);
        lrValue.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        lr.setMinWidth(40);
        HBox rateRow = new HBox(6, lr, lrValue, find);
        rateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(lr, Priority.ALWAYS);
        g.addRow(0, new Label("Learning rate"), rateRow);
        g.addRow(1, new Label("Optimizer"), opt);
        g.addRow(2, new Label("Batch size"), batch);
        g.addRow(3, new Label("Epochs"), epochs);
        g.addRow(4, new Label("Seed"), new HBox(6, seed, newSeed));
        return section("Training", g);
    }

    /**
     * A text field that shows a setting exactly and takes a typed value: shown again whenever the
     * setting changes; Enter (or leaving it with a valid value) applies it; an invalid value is
     * marked and reported in one sentence.
     */
    private void exactField(javafx.scene.control.TextField field, javafx.beans.Observable setting,
                            java.util.function.Supplier<String> shown, java.util.function.Function<String, Double> parse,
                            java.util.function.DoubleConsumer apply, java.util.function.UnaryOperator<String> complaint) {
        setting.addListener(o -> {
            field.setText(shown.get());
            field.getStyleClass().remove("invalid");
        });
        Runnable take = () -> {
            Double value = parse.apply(field.getText());
            field.getStyleClass().remove("invalid");
            if (value == null) {
                field.getStyleClass().add("invalid");
                vm.report(complaint.apply(field.getText()));
                return;
            }
            apply.accept(value);
        };
        field.setOnAction(e -> take.run());
        field.focusedProperty().addListener((o, was, now) -> { if (!now && parse.apply(field.getText()) != null) take.run(); });
    }

    static String formatDecay(double decay) {
        return decay == 0 ? "0" : formatRate(decay);
    }

    /** A weight decay typed in the field, or null when it is no number in [0, 1). */
    static Double parseDecay(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return v >= 0 && v < 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** the slider's range: 1e-5 to 1e-1 */
    static final double MIN_RATE = 1e-5, MAX_RATE = 1e-1;

    static String formatRate(double rate) {
        // 3.00e-04 -> 3e-4, 2.50e-04 -> 2.5e-4
        String[] parts = String.format(Locale.ROOT, "%.2e", rate).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** The rate typed, or null when it is not a number in the slider's range. */
    static Double parseRate(String text) {
        try {
            double r = Double.parseDouble(text.trim());
            return r >= MIN_RATE * (1 - 1e-9) && r <= MAX_RATE * (1 + 1e-9) ? r : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Node buttons() {
        trainButton.setId("train-button");
        pauseButton.setId("pause-button");
        stopButton.setId("stop-button");
        resetButton.setId("reset-button");
        trainButton.setDefaultButton(true);
        trainButton.getStyleClass().add("accent");
        trainButton.setTooltip(tip("Start training with these settings (Ctrl+Enter)."));
        trainButton.disableProperty().bind(vm.run().runningProperty().or(vm.findingRateProperty()).or(vm.sweep().runningProperty()).or(vm.engineReadyProperty().not())
                .or(vm.settings().loadedDatasetProperty().isNull()).or(vm.settings().specErrorProperty().isNotEmpty()));
        trainButton.setOnAction(e -> vm.train());
        pauseButton.textProperty().bind(Bindings.when(vm.run().pausedProperty()).then("Resume").otherwise("Pause"));
        pauseButton.disableProperty().bind(vm.run().runningProperty().not());
        pauseButton.setTooltip(tip("Pause or resume between two batches (Ctrl+P)."));
        pauseButton.setOnAction(e -> vm.pauseOrResume());
        stopButton.disableProperty().bind(vm.run().runningProperty().not());
        stopButton.setTooltip(tip("Stop after the current batch; the run keeps its curves (Esc)."));
        stopButton.setOnAction(e -> vm.stop());
        resetButton.setTooltip(tip("Clear the curves and samples; the next run starts again from the seed's initial weights."));
        resetButton.setOnAction(e -> vm.reset());
        HBox box = new HBox(6, trainButton, pauseButton, stopButton, resetButton);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : box.getChildren()) HBox.setHgrow(n, Priority.ALWAYS);
        for (Node n : box.getChildren()) ((Region) n).setMaxWidth(Double.MAX_VALUE);
        Button save = new Button("Save model…");
        save.setId("save-model");
        save.setTooltip(tip("Save the last run's network (weights, architecture, noise and scores) as one .dae file."));
        save.disableProperty().bind(vm.run().runningProperty());
        save.setOnAction(e -> {
            javafx.stage.FileChooser fc = modelChooser();
            fc.setInitialFileName("model.dae");
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) vm.saveModel(f.toPath());
        });
        Button load = new Button("Load model…");
        load.setId("load-model");
        load.setTooltip(tip("Open a .dae file: its settings become the current ones and its reconstructions of this data set appear in the grid."));
        load.disableProperty().bind(vm.run().runningProperty().or(vm.engineReadyProperty().not()));
        load.setOnAction(e -> {
            File f = modelChooser().showOpenDialog(getScene().getWindow());
            if (f != null) vm.loadModel(f.toPath());
        });
        Button sweep = new Button("Sweep…");
        sweep.setId("open-sweep");
        sweep.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        sweep.setTooltip(tip("Train one run for every combination of a few knobs' values (learning rate x width, say),"
                + " one after another from these settings, and see which knob mattered."));
        sweep.disableProperty().bind(vm.engineReadyProperty().not());
        sweep.setOnAction(e -> com.daeworkbench.ui.sweep.SweepWindow.show(getScene().getWindow(), vm.sweep(), vm::sweepBase));
        Button fill = new Button("Fill gaps…");
        fill.setId("fill-gaps");
        fill.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        fill.setTooltip(tip("Fill the missing cells (empty, NA, NaN, ?) of a table of the same columns with the last run's model,"
                + " each from the rest of its row: the same header, columns, order and rows are written, only the gaps filled."));
        javafx.beans.binding.BooleanBinding table = Bindings.createBooleanBinding(() -> vm.settings().isTable(),
                vm.settings().loadedDatasetProperty());
        // a table's model fills gaps; sweeps run on images
        fill.visibleProperty().bind(table);
        fill.managedProperty().bind(table);
        sweep.visibleProperty().bind(table.not());
        sweep.managedProperty().bind(table.not());
        fill.disableProperty().bind(vm.run().runningProperty().or(vm.findingRateProperty()));
        fill.setOnAction(e -> {
            javafx.stage.FileChooser open = new javafx.stage.FileChooser();
            open.setTitle("A table with missing cells");
            open.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Tables", "*.csv", "*.tsv", "*.txt"));
            File in = open.showOpenDialog(getScene().getWindow());
            if (in == null) return;
            javafx.stage.FileChooser target = new javafx.stage.FileChooser();
            target.setTitle("Write the filled table as");
            target.setInitialDirectory(in.getParentFile());
            String name = in.getName();
            int dot = name.lastIndexOf('.');
            target.setInitialFileName((dot > 0 ? name.substring(0, dot) : name) + "-filled" + (dot > 0 ? name.substring(dot) : ".csv"));
            File out = target.showSaveDialog(getScene().getWindow());
            if (out != null) vm.fillGaps(in.toPath(), out.toPath());
        });
        HBox files = new HBox(6, save, load, sweep, fill);
        for (Node n : files.getChildren()) HBox.setHgrow(n, Priority.ALWAYS);
        for (Node n : files.getChildren()) ((Region) n).setMaxWidth(Double.MAX_VALUE);
        return new VBox(6, box, files);
    }

    private Node chartPane() {
        org.controlsfx.control.ToggleSwitch logScale = new org.controlsfx.control.ToggleSwitch("Log scale");
        logScale.selectedProperty().addListener((o, a, on) -> chart.setLogScale(on));
        logScale.setTooltip(tip("Loss falls fast then slowly: a log scale shows both phases."));
        Slider smoothing = slider(0, 0.99, 0.6, 0.1);
        smoothing.setPrefWidth(140);
        smoothing.valueProperty().addListener((o, a, v) -> chart.setSmoothing(v.doubleValue()));
        smoothing.setTooltip(tip("Exponential moving average over iterations, computed on every point before the chart thins them, so the curve does not depend on zoom or point count."));
        Label title = new Label("Loss");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Node export = com.daeworkbench.ui.common.ChartExport.buttons(chart, "loss", com.daeworkbench.core.runs.CurvesCsv.HEADER, vm.run()::curveRows, vm::report);
        HBox bar = new HBox(10, title, spacer, new Label("Smoothing"), smoothing, logScale, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label empty = new Label("Press Train: the loss appears here as the network learns, per batch (raw and smoothed) and per epoch on held-out images (validation).");
        empty.setWrapText(true);
        empty.setMaxWidth(360);
        empty.getStyleClass().add("placeholder");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(vm.run().runningProperty().not().and(Bindings.createBooleanBinding(
                () -> vm.run().iterationLoss().isEmpty(), vm.run().curveVersionProperty())));
        chart.visibleProperty().bind(empty.visibleProperty().not());   // no empty axes before the first point
        javafx.scene.layout.StackPane chartArea = new javafx.scene.layout.StackPane(chart, empty);
        org.controlsfx.control.RangeSlider range = new org.controlsfx.control.RangeSlider(0, 1, 0, 1);
        range.setId("loss-range");
        range.setTooltip(tip("Drag either end to zoom into part of training (late epochs, where the curve flattens). The range is a share"
                + " of the iterations so far, so a live run keeps filling it; smoothing uses every point, so the curve is the same at every zoom."));
        javafx.beans.InvalidationListener zoom = o -> chart.setRange(range.getLowValue(), range.getHighValue());
        range.lowValueProperty().addListener(zoom);
        range.highValueProperty().addListener(zoom);
        Label rangeLabel = new Label("Iterations shown");
        rangeLabel.getStyleClass().add("hint");
        HBox rangeBar = new HBox(8, rangeLabel, range);
        rangeBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(range, Priority.ALWAYS);
        VBox box = new VBox(4, bar, chartArea, rangeBar);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node gridPane() {
        Label title = new Label("Reconstructions");
        title.getStyleClass().add("pane-title");
        epochSlider.setDisable(true);
        epochSlider.setMajorTickUnit(1);
        epochSlider.setMinorTickCount(0);
        epochSlider.setSnapToTicks(true);
        epochSlider.setShowTickMarks(true);
        epochSlider.setTooltip(tip("Scrub back through training: every epoch's reconstructions are kept. Far left = live."));
        Node savePng = com.daeworkbench.ui.common.ChartExport.pngButton(grid, "reconstructions",
                "Save the grid as shown (corrupted | reconstructed | clean, with PSNR) as a PNG image.", vm::report);
        HBox bar = new HBox(10, title, new Label("Epoch"), epochSlider, epochLabel, savePng);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(epochSlider, Priority.ALWAYS);
        rowTable.setId("row-table");
        rowTable.setVisible(false);
        rowTable.setManaged(false);
        ScrollPane scroll = samplesScroll;
        scroll.setContent(new VBox(grid, rowTable));
        scroll.setFitToWidth(true);
        setScore.getStyleClass().add("set-score");
        setScore.setId("set-score");
        setScore.setWrapText(true);
        VBox box = new VBox(6, bar, setScore, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.run().progressProperty());
        bar.setPrefWidth(260);
        Label speed = new Label();
        speed.textProperty().bind(vm.run().speedProperty());
        Label status = new Label();
        status.textProperty().bind(vm.run().statusProperty());
        status.setId("status-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button inside = new Button("Inside…");
        inside.setId("open-inside");
        inside.setTooltip(tip("Watch the network's layers while it trains: update ratios, weight, gradient and activation histograms, feature maps."));
        inside.setOnAction(e -> com.daeworkbench.ui.inside.InsideWindow.show(getScene().getWindow(), vm.run().inside(), vm::report));
        HBox box = new HBox(12, status, spacer, inside, speed, bar);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private static javafx.stage.FileChooser modelChooser() {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("DAE Workbench model", "*.dae"));
        return fc;
    }

    private void showStrip() {
        Dataset d = vm.settings().loadedDatasetProperty().get();
        cleanStrip.getChildren().clear();
        if (d == null || d.table() != null) return;   // a row of numbers is no picture
        int n = d.test().pixelsPerImage();
        for (int i = 0; i < Math.min(TrainSettings.STRIP_IMAGES, d.test().count()); i++) {
            cleanStrip.getChildren().add(thumb(Images.gray(d.test().pixels(), i * n, d.width(), d.height())));
        }
    }

    private void showNoisyStrip() {
        Dataset d = vm.settings().loadedDatasetProperty().get();
        float[] px = vm.settings().previewNoisyProperty().get();
        noisyStrip.getChildren().clear();
        if (d == null || px == null) return;
        int n = d.test().pixelsPerImage();
        for (int i = 0; i < px.length / n; i++) noisyStrip.getChildren().add(thumb(Images.gray(px, i * n, d.width(), d.height())));
    }

    private static ImageView thumb(javafx.scene.image.Image img) {
        ImageView v = new ImageView(img);
        v.setSmooth(false);
        v.setFitWidth(44);
        v.setFitHeight(44);
        v.setPreserveRatio(true);
        v.getStyleClass().add("thumb");
        return v;
    }

    LossChart chart() { return chart; }

    SampleGrid grid() { return grid; }

    Slider epochSlider() { return epochSlider; }
}
