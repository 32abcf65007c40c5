package com.daeworkbench.ui.train;

import com.daeworkbench.core.train.TrainingEvent;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What the reconstruction grid is for a table of numbers: for each preview row, its corrupted,
 * reconstructed and clean values (scaled units: z-scores or [0,1], as the file's scaling), the
 * reconstructed cells coloured by how far they are from the clean value (white: exact, red: a
 * column's spread or more) and the cells the noise changed marked, missing cells as a dot.
 */
public final class RowTable extends VBox {
    /** a reconstruction this far from the clean value (in scaled units) is full red */
    static final double FULL_ERROR = 1.0;
    private final GridPane cells = new GridPane();
    private final Label legend = new Label("Corrupted | reconstructed | clean values of held-out rows, in scaled units"
            + " (1 = a column's spread). Reconstructed cells: white = exact, red = off by a spread or more. Blue: cells the"
            + " noise changed. · = missing.");

    public RowTable() {
        getStyleClass().add("row-table");
        legend.setWrapText(true);
        legend.setMaxWidth(420);
        legend.getStyleClass().add("hint");
        cells.setHgap(2);
        cells.setVgap(1);
        cells.setPadding(new Insets(4));
        setSpacing(6);
        getChildren().addAll(legend, cells);
    }

    /** Shows up to the samples' rows; {@code names} are the feature columns (one-hot levels named column=level). */
    public void show(TrainingEvent.Samples s, List<String> names) {
        cells.getChildren().clear();
        if (s == null) return;
        int f = s.width();
        cells.add(header(""), 0, 0);
        for (int c = 0; c < f; c++) cells.add(header(c < names.size() ? names.get(c) : "#" + (c + 1)), c + 1, 0);
        int line = 1;
        for (int i = 0; i < s.count(); i++) {
            int at = i * f;
            cells.add(rowLabel("row " + (i + 1) + " corrupted"), 0, line);
            cells.add(rowLabel("reconstructed"), 0, line + 1);
            cells.add(rowLabel("clean"), 0, line + 2);
            for (int c = 0; c < f; c++) {
                float noisy = s.noisy()[at + c], rec = s.reconstructed()[at + c], clean = s.clean()[at + c];
                Label n = cell(noisy);
                if (changed(noisy, clean)) n.setStyle("-fx-background-color: #dbe8ff;");
                Label r = cell(rec);
                double error = Float.isNaN(clean) ? Double.NaN : Math.abs(rec - clean);
                r.setStyle("-fx-background-color: " + errorColour(error) + ";");
                if (!Double.isNaN(error)) r.setTooltip(new Tooltip(String.format(Locale.ROOT, "off by %.3f", error)));
                cells.add(n, c + 1, line);
                cells.add(r, c + 1, line + 1);
                cells.add(cell(clean), c + 1, line + 2);
            }
            line += 4;   // a blank line between rows
        }
    }

    static boolean changed(float noisy, float clean) {
        if (Float.isNaN(noisy) || Float.isNaN(clean)) return Float.isNaN(noisy) != Float.isNaN(clean);
        return Math.abs(noisy - clean) > 1e-6;
    }

    /** White for no error to red at {@link #FULL_ERROR}; gray where the clean value is missing (nothing to compare). */
    static String errorColour(double error) {
        if (Double.isNaN(error)) return "#eeeeee";
        double t = Math.min(1, error / FULL_ERROR);
        int gb = (int) Math.round(255 * (1 - 0.75 * t));
        return String.format(Locale.ROOT, "rgb(255,%d,%d)", gb, gb);
    }

    private static Label cell(float v) {
        Label l = new Label(Float.isNaN(v) ? "·" : String.format(Locale.ROOT, "%.2f", v));
        l.setMinWidth(46);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setPadding(new Insets(1, 3, 1, 3));
        l.getStyleClass().add("row-cell");
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMaxWidth(70);
        l.setTooltip(new Tooltip(text));
        l.getStyleClass().add("row-header");
        return l;
    }

    private static Label rowLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.getStyleClass().add("row-label");
        return l;
    }
}
