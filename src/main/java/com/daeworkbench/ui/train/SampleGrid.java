package com.daeworkbench.ui.train;

import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.common.Images;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** Rows of corrupted | reconstructed | clean with PSNR per row; click an image to see it large. */
public final class SampleGrid extends GridPane {
    private static final double CELL = 76;

    public SampleGrid() {
        getStyleClass().add("sample-grid");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(4));
        for (int c = 0; c < 3; c++) {
            // at least an image wide, wider where the header needs it ("reconstructed" in bold)
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(CELL);
            cc.setHalignment(HPos.CENTER);
            getColumnConstraints().add(cc);
        }
        showPlaceholder(PRESS_TRAIN);
    }

    static final String PRESS_TRAIN = "Press Train: reconstructions of fixed validation images appear here as the network learns.";

    /** The rows' nodes, kept between refreshes: a live refresh sets images and texts, no new nodes. */
    private final java.util.List<ImageView[]> rowImages = new java.util.ArrayList<>();
    private final java.util.List<Label> rowScores = new java.util.ArrayList<>();

    /** The headers and a message instead of rows. */
    public void showPlaceholder(String message) {
        rebuild(-1);
        placeholder.setText(message);
    }

    private final Label placeholder = new Label();

    public void show(TrainingEvent.Samples s, double[] baselineRows) {
        if (s == null) {
            showPlaceholder(PRESS_TRAIN);
            return;
        }
        if (s.count() != rowImages.size()) rebuild(s.count());
        int n = s.height() * s.width();
        for (int i = 0; i < s.count(); i++) {
            ImageView[] row = rowImages.get(i);
            row[0].setImage(Images.gray(s.noisy(), i * n, s.width(), s.height()));
            row[1].setImage(Images.gray(s.reconstructed(), i * n, s.width(), s.height()));
            row[2].setImage(Images.gray(s.clean(), i * n, s.width(), s.height()));
            boolean hasBase = baselineRows != null && i < baselineRows.length;
            // a flat output can out-score a median filter on very noisy input: it is no win, say so
            boolean flat = TrainingHealth.isFlat(s, i);
            String base = hasBase ? String.format(Locale.ROOT, "%nmedian 3x3: %.1f", baselineRows[i]) : "";
            Label psnr = rowScores.get(i);
            psnr.setText(String.format(Locale.ROOT, "noisy %.1f%nnetwork %.1f%s%s", s.psnrNoisy()[i], s.psnrReconstructed()[i], base,
                    flat ? "\nflat output" : ""));
            psnr.getStyleClass().removeAll("beats-baseline", "below-baseline");
            if (flat) psnr.getStyleClass().add("below-baseline");
            else if (hasBase) psnr.getStyleClass().add(s.psnrReconstructed()[i] > baselineRows[i] ? "beats-baseline" : "below-baseline");
        }
    }

    /** Headers and {@code rows} empty rows; a negative count shows the placeholder instead. */
    private void rebuild(int rows) {
        getChildren().clear();
        rowImages.clear();
        rowScores.clear();
        String[] heads = {"corrupted", "reconstructed", "clean", "PSNR (dB)"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("grid-header");
            add(h, c, 0);
        }
        // each row names its baseline ("median 3x3: ..."); the header says what the colours mean
        Tooltip.install(getChildren().get(3), new Tooltip("Per image: the noisy input, the network and a median 3x3 filter."
                + " Green: the network beats the median filter on that image; orange: it does not, or its output is flat."));
        if (rows < 0) {
            placeholder.setWrapText(true);
            if (!placeholder.getStyleClass().contains("placeholder")) placeholder.getStyleClass().add("placeholder");
            placeholder.setId("grid-placeholder");
            add(placeholder, 0, 1, 4, 1);
            return;
        }
        String[] what = {"corrupted input", "the network's reconstruction", "the clean original"};
        for (int i = 0; i < rows; i++) {
            ImageView[] row = new ImageView[3];
            for (int c = 0; c < 3; c++) {
                row[c] = cell(what[c]);
                add(row[c], c, i + 1);
            }
            Label psnr = new Label();
            psnr.getStyleClass().add("psnr-label");
            add(psnr, 3, i + 1);
            rowImages.add(row);
            rowScores.add(psnr);
        }
    }

    private ImageView cell(String what) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setFitWidth(CELL);
        v.setFitHeight(CELL);
        v.getStyleClass().add("sample-image");
        Tooltip.install(v, new Tooltip(what + " — click to enlarge"));
        v.setOnMouseClicked(e -> ZoomDialog.show(getScene() == null ? null : getScene().getWindow(), v.getImage(), what));
        return v;
    }
}
