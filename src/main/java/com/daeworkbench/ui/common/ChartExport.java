package com.daeworkbench.ui.common;

import com.daeworkbench.core.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** PNG (SwingFXUtils + ImageIO) and CSV export of a chart or any node, both written atomically. */
public final class ChartExport {
    private ChartExport() { }

    public static void png(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        var buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    public static void csv(Path file, String header, List<String> rows) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String r : rows) text.append(r).append('\n');
        AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** "PNG…" and "CSV…" buttons for a chart; rows come from the caller when the user saves. */
    public static HBox buttons(Node chart, String name, String header, java.util.function.Supplier<List<String>> rows, Consumer<String> notifier) {
        Button csv = new Button("CSV…");
        csv.setTooltip(new Tooltip("Save the numbers behind this chart as CSV."));
        csv.setOnAction(e -> choose(chart, name + ".csv", "CSV", "*.csv").ifPresent(f -> {
            try {
                csv(f, header, rows.get());
            } catch (IOException ex) {
                notifier.accept("Could not save " + f.getFileName() + ": " + ex.getMessage());
            }
        }));
        return new HBox(6, pngButton(chart, name, "Save this chart as a PNG image.", notifier), csv);
    }

    /** A "PNG…" button that saves what {@code node} shows now. */
    public static Button pngButton(Node node, String name, String help, Consumer<String> notifier) {
        Button png = new Button("PNG…");
        png.setTooltip(new Tooltip(help));
        png.setOnAction(e -> choose(node, name + ".png", "PNG image", "*.png").ifPresent(f -> {
            try {
                png(node, f);
            } catch (IOException ex) {
                notifier.accept("Could not save " + f.getFileName() + ": " + ex.getMessage());
            }
        }));
        return png;
    }

    private static java.util.Optional<Path> choose(Node owner, String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }
}
