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
            ColumnConstraints cc = new ColumnConstraints(CELL);
            cc.setHalignment(HPos.CENTER);
            getColumnConstraints().add(cc);
        }
        show(null, null);
    }

    public void show(TrainingEvent.Samples s, double[] baselineRows) {
        getChildren().clear();
        String[] heads = {"corrupted", "reconstructed", "clean", "PSNR (dB)"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("grid-header");
            add(h, c, 0);
        }
        if (s == null) {
            Label empty = new Label("Press Train: reconstructions of fixed validation images appear here as the network learns.");
            empty.setWrapText(true);
            empty.getStyleClass().add("placeholder");
            add(empty, 0, 1, 4, 1);
            return;
        }
        int n = s.height() * s.width();
        for (int i = 0; i < s.count(); i++) {
            add(cell(Images.gray(s.noisy(), i * n, s.width(), s.height()), "corrupted input"), 0, i + 1);
            add(cell(Images.gray(s.reconstructed(), i * n, s.width(), s.height()), "the network's reconstruction"), 1, i + 1);
            add(cell(Images.gray(s.clean(), i * n, s.width(), s.height()), "the clean original"), 2, i + 1);
            String base = baselineRows != null && i < baselineRows.length
                    ? String.format(Locale.ROOT, "%nmedian 3x3: %.1f", baselineRows[i]) : "";
            Label psnr = new Label(String.format(Locale.ROOT, "noisy %.1f%nnetwork %.1f%s", s.psnrNoisy()[i], s.psnrReconstructed()[i], base));
            psnr.getStyleClass().add("psnr-label");
            if (baselineRows != null && i < baselineRows.length) {
                psnr.getStyleClass().add(s.psnrReconstructed()[i] > baselineRows[i] ? "beats-baseline" : "below-baseline");
            }
            add(psnr, 3, i + 1);
        }
    }

    private ImageView cell(Image img, String what) {
        ImageView v = new ImageView(img);
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setFitWidth(CELL);
        v.setFitHeight(CELL);
        v.getStyleClass().add("sample-image");
        Tooltip.install(v, new Tooltip(what + " — click to enlarge"));
        v.setOnMouseClicked(e -> ZoomDialog.show(getScene() == null ? null : getScene().getWindow(), img, what));
        return v;
    }
}
