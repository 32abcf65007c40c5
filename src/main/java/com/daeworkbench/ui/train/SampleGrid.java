package com.daeworkbench.ui.train;

import com.daeworkbench.core.train.TrainingEvent;
import com.daeworkbench.ui.common.Images;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
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
        show(null, null);
    }

    /** The rows' nodes, kept between refreshes: a live refresh sets images and texts, no new nodes. */
    private final java.util.List<ImageView[]> rowImages = new java.util.ArrayList<>();
    private final java.util.List<Label> rowScores = new java.util.ArrayList<>();

    public void show(TrainingEvent.Samples s, double[] baselineRows) {
        if (s == null || s.count() != rowImages.size()) rebuild(s == null ? -1 : s.count());
        if (s == null) return;
        int n = s.height() * s.width();
        for (int i = 0; i < s.count(); i++) {
            ImageView[] row = rowImages.get(i);
            row[0].setImage(Images.gray(s.noisy(), i * n, s.width(), s.height()));
            row[1].setImage(Images.gray(s.reconstructed(), i * n, s.width(), s.height()));
            row[2].setImage(Images.gray(s.clean(), i * n, s.width(), s.height()));
            boolean hasBase = baselineRows != null && i < baselineRows.length;
            String base = hasBase ? String.format(Locale.ROOT, "%nmedian 3x3: %.1f", baselineRows[i]) : "";
            Label psnr = rowScores.get(i);
            psnr.setText(String.format(Locale.ROOT, "noisy %.1f%nnetwork %.1f%s", s.psnrNoisy()[i], s.psnrReconstructed()[i], base));
            psnr.getStyleClass().removeAll("beats-baseline", "below-baseline");
            if (hasBase) psnr.getStyleClass().add(s.psnrReconstructed()[i] > baselineRows[i] ? "beats-baseline" : "below-baseline");
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
        if (rows < 0) {
            Label empty = new Label("Press Train: reconstructions of fixed validation images appear here as the network learns.");
            empty.setWrapText(true);
            empty.getStyleClass().add("placeholder");
            add(empty, 0, 1, 4, 1);
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
