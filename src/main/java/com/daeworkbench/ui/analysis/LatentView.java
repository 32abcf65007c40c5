package com.daeworkbench.ui.analysis;

import com.daeworkbench.core.analysis.LatentProjection;
import com.daeworkbench.core.analysis.PretrainEvaluation;
import com.daeworkbench.core.data.ImageSet;
import com.daeworkbench.ui.common.ChartExport;
import com.daeworkbench.ui.common.Images;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The code space: the encoded test split as a 2-D scatter coloured by label (hover a point to
 * see its image), and what the code is worth as features for a classifier with few labels.
 */
public final class LatentView extends BorderPane {
    private final AnalysisViewModel vm;
    final ClassPalette.Scatter scatter = new ClassPalette.Scatter();
    final BarChart<String, Number> pretrain = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.1));
    final javafx.scene.chart.LineChart<Number, Number> sweepChart = new javafx.scene.chart.LineChart<>(new NumberAxis(), new NumberAxis());
    private final ImageView hovered = new ImageView();
    private final Label hoveredLabel = new Label("Hover a point to see its image.");

    public LatentView(AnalysisViewModel vm, Consumer<String> notifier) {
        this.vm = vm;
        setId("latent-view");
        Button encode = new Button("Encode test split");
        encode.setId("run-latent");
        encode.getStyleClass().add("accent");
        encode.setTooltip(new Tooltip("Runs the encoder on the test images and plots each image's code: the bottleneck itself"
                + " when it has two values, otherwise its two directions of largest variance (PCA)."));
        encode.setOnAction(e -> vm.runLatent());
        Button classify = new Button("Pre-training test");
        classify.setId("run-pretrain");
        classify.setTooltip(new Tooltip("Freezes the encoder and fits a linear classifier on its code with 100 and 1,000 labels,"
                + " beside the same classifier on raw pixels and on a random encoder: does denoising teach useful features?"));
        classify.setOnAction(e -> vm.runPretrain());
        Button sweepButton = new Button("Bottleneck sweep");
        sweepButton.setId("run-sweep");
        sweepButton.setTooltip(new Tooltip("Trains small dense autoencoders with bottlenecks of 2 to 64 values (3 epochs each, in the"
                + " background) and plots their PSNR against bytes per image beside JPEG at the same sizes: compression as a picture."));
        sweepButton.setOnAction(e -> vm.runSweep(new int[] {2, 4, 8, 16, 32, 64}, 3, 0));
        setTop(new ModelBar(vm, AnalysisViewModel.Tab.LATENT, encode, classify, sweepButton));

        scatter.setId("latent-scatter");
        scatter.setTitle("Code space of the test split");
        scatter.setAnimated(false);
        scatter.setLegendSide(javafx.geometry.Side.RIGHT);
        pretrain.setId("pretrain-chart");
        pretrain.setTitle("Classifier test accuracy");
        pretrain.setAnimated(false);
        pretrain.getXAxis().setLabel("labelled training images");
        pretrain.getYAxis().setLabel("accuracy");
        hovered.setFitWidth(112);
        hovered.setFitHeight(112);
        hovered.setSmooth(false);
        vm.projectionProperty().addListener((o, a, p) -> { if (p != null) drawScatter(p, vm.projectedImagesProperty().get()); });
        vm.pretrainProperty().addListener((o, a, r) -> { if (r != null) drawPretrain(r); });
        sweepChart.setId("sweep-chart");
        sweepChart.setTitle("Rate and quality: autoencoder vs JPEG");
        sweepChart.setAnimated(false);
        sweepChart.getXAxis().setLabel("bytes per image");
        sweepChart.getYAxis().setLabel("test PSNR (dB)");
        ((NumberAxis) sweepChart.getYAxis()).setForceZeroInRange(false);
        vm.sweepPoints().addListener((javafx.collections.ListChangeListener<com.daeworkbench.core.analysis.BottleneckSweep.Point>) c -> drawSweep());
        vm.sweepProperty().addListener((o, a, r) -> drawSweep());
        javafx.scene.Node pretrainArea = com.daeworkbench.ui.common.ChartPlaceholder.over(pretrain,
                "Press Pre-training test: the accuracy of a linear classifier on the encoder's code, on raw pixels and on a random"
                        + " encoder, with 100 and 1,000 labels, appears here.");
        javafx.scene.Node sweepArea = com.daeworkbench.ui.common.ChartPlaceholder.over(sweepChart,
                "Press Bottleneck sweep: autoencoders with codes of 2 to 64 values are trained and plotted against JPEG at the same size.");
        javafx.scene.control.TabPane sideTabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Pre-training", new VBox(4, pretrainArea,
                        ChartExport.buttons(pretrain, "pretraining", "labels,encoder,pixels,random_encoder", this::pretrainRows, notifier))),
                new javafx.scene.control.Tab("Compression", new VBox(4, sweepArea,
                        ChartExport.buttons(sweepChart, "bottleneck-sweep", "bottleneck,bytes_per_image,psnr,jpeg_quality,jpeg_psnr", this::sweepRows, notifier))));
        sideTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(pretrainArea, Priority.ALWAYS);
        VBox.setVgrow(sweepArea, Priority.ALWAYS);
        VBox side = new VBox(8, hovered, hoveredLabel, sideTabs);
        VBox.setVgrow(sideTabs, Priority.ALWAYS);
        side.setPrefWidth(380);
        side.setPadding(new Insets(6, 10, 10, 0));
        javafx.scene.Node scatterArea = com.daeworkbench.ui.common.ChartPlaceholder.over(scatter,
                "Press Encode test split: each test image's code appears here as a point, coloured and shaped by its label.");
        VBox center = new VBox(4, scatterArea, ChartExport.buttons(scatter, "latent", "x,y,label", this::scatterRows, notifier));
        VBox.setVgrow(scatterArea, Priority.ALWAYS);
        center.setPadding(new Insets(6, 10, 10, 10));
        setCenter(center);
        setRight(side);
    }

    private void drawScatter(LatentProjection p, ImageSet images) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        java.util.Map<Integer, XYChart.Series<Number, Number>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < p.x().length; i++) {
            int label = p.labels() == null ? -1 : p.labels()[i];
            XYChart.Series<Number, Number> s = byLabel.computeIfAbsent(label, l -> {
                XYChart.Series<Number, Number> n = new XYChart.Series<>();
                n.setName(l < 0 ? "images" : vm.labelName(l));
                return n;
            });
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x()[i], p.y()[i]);
            d.setExtraValue(i);
            s.getData().add(d);
        }
        series.addAll(byLabel.values());
        List<Integer> labels = List.copyOf(byLabel.keySet());
        scatter.show(series, k -> Math.max(0, labels.get(k)));
        scatter.getXAxis().setLabel(p.method().equals("pca") ? String.format(Locale.ROOT, "PC 1 (%.0f%% of variance)", 100 * p.explained()[0]) : "code 1");
        scatter.getYAxis().setLabel(p.method().equals("pca") ? String.format(Locale.ROOT, "PC 2 (%.0f%% of variance)", 100 * p.explained()[1]) : "code 2");
        for (XYChart.Series<Number, Number> s : series) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() == null) continue;
                int index = (Integer) d.getExtraValue();
                d.getNode().setOnMouseEntered(e -> {
                    hovered.setImage(Images.gray(images.pixels(), index * images.pixelsPerImage(), images.width(), images.height()));
                    hoveredLabel.setText(s.getName() + " · test image " + index);
                });
            }
        }
    }

    private void drawPretrain(PretrainEvaluation.Result r) {
        XYChart.Series<String, Number> encoder = new XYChart.Series<>(), pixels = new XYChart.Series<>(), random = new XYChart.Series<>();
        encoder.setName("trained encoder");
        pixels.setName("raw pixels");
        random.setName("random encoder");
        for (PretrainEvaluation.Row row : r.rows()) {
            String k = String.format(Locale.ROOT, "%,d", row.labels());
            encoder.getData().add(new XYChart.Data<>(k, row.encoderAccuracy()));
            pixels.getData().add(new XYChart.Data<>(k, row.pixelAccuracy()));
            random.getData().add(new XYChart.Data<>(k, row.randomEncoderAccuracy()));
        }
        pretrain.getData().setAll(List.of(encoder, pixels, random));
    }

    private void drawSweep() {
        XYChart.Series<Number, Number> dae = new XYChart.Series<>(), jpeg = new XYChart.Series<>();
        dae.setName("autoencoder (bottleneck, 1 byte a value)");
        for (var p : vm.sweepPoints()) dae.getData().add(new XYChart.Data<>(p.bytesPerImage(), p.psnr()));
        jpeg.setName("JPEG (ImageIO), payload bytes");
        var r = vm.sweepProperty().get();
        if (r != null) {
            for (var j : r.jpegCurve()) if (j.meanPayloadBytes() <= 160) jpeg.getData().add(new XYChart.Data<>(j.meanPayloadBytes(), j.psnr()));
        }
        sweepChart.getData().setAll(List.of(dae, jpeg));
    }

    private List<String> sweepRows() {
        List<String> rows = new ArrayList<>();
        for (var p : vm.sweepPoints()) {
            rows.add(String.format(Locale.ROOT, "%d,%d,%.3f,%.2f,%.3f", p.bottleneck(), p.bytesPerImage(), p.psnr(), p.jpegQuality(), p.jpegPsnr()));
        }
        return rows;
    }

    private List<String> scatterRows() {
        List<String> rows = new ArrayList<>();
        LatentProjection p = vm.projectionProperty().get();
        if (p != null) {
            for (int i = 0; i < p.x().length; i++) rows.add(p.x()[i] + "," + p.y()[i] + "," + (p.labels() == null ? "" : p.labels()[i]));
        }
        return rows;
    }

    private List<String> pretrainRows() {
        List<String> rows = new ArrayList<>();
        PretrainEvaluation.Result r = vm.pretrainProperty().get();
        if (r != null) {
            for (PretrainEvaluation.Row row : r.rows()) {
                rows.add(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.4f", row.labels(), row.encoderAccuracy(), row.pixelAccuracy(), row.randomEncoderAccuracy()));
            }
        }
        return rows;
    }
}
