package com.daeworkbench.ui.documents;

import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Before and after of one page, laid over each other: the before shows left of a split line
 * the user drags, the after right of it. Both images share one zoom and pan (scroll to zoom
 * at the pointer, drag to pan, double-click to fit), so they stay aligned pixel for pixel;
 * from 2x up pixels are drawn crisp.
 */
final class CompareView extends Region {
    private static final double SPLIT_GRAB = 8;
    private final ImageView before = new ImageView();
    private final ImageView after = new ImageView();
    private final Rectangle afterClip = new Rectangle();
    private final Line splitLine = new Line();
    private final Circle knob = new Circle(7);
    private final Label beforeLabel = new Label("before");
    private final Label afterLabel = new Label("after");
    private final Label placeholder = new Label("Drop scanned pages or folders anywhere on this tab");
    private double scale = 1, tx, ty;
    private double split = 0.5;
    private double dragX, dragY;
    private boolean draggingSplit;
    private boolean fitted;

    CompareView() {
        getStyleClass().add("compare-view");
        after.setClip(afterClip);
        splitLine.getStyleClass().add("split-line");
        knob.getStyleClass().add("split-knob");
        beforeLabel.getStyleClass().add("compare-label");
        afterLabel.getStyleClass().add("compare-label");
        placeholder.getStyleClass().add("placeholder");
        getChildren().addAll(before, after, splitLine, knob, beforeLabel, afterLabel, placeholder);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setOnScroll(e -> zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY())));
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            draggingSplit = Math.abs(e.getX() - splitX()) < SPLIT_GRAB;
        });
        setOnMouseDragged(e -> {
            if (draggingSplit) {
                setSplit(e.getX() / Math.max(1, getWidth()));
            } else {
                tx += e.getX() - dragX;
                ty += e.getY() - dragY;
                dragX = e.getX();
                dragY = e.getY();
                requestLayout();
            }
        });
        setOnMouseMoved(e -> setCursor(Math.abs(e.getX() - splitX()) < SPLIT_GRAB ? Cursor.H_RESIZE : Cursor.MOVE));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) fit();
        });
        show(null, null);
    }

    void show(Image beforeImage, Image afterImage) {
        boolean sameSize = before.getImage() != null && beforeImage != null
                && before.getImage().getWidth() == beforeImage.getWidth() && before.getImage().getHeight() == beforeImage.getHeight();
        before.setImage(beforeImage);
        after.setImage(afterImage);
        boolean empty = beforeImage == null;
        placeholder.setVisible(empty);
        for (var n : new javafx.scene.Node[] {splitLine, knob, beforeLabel, afterLabel}) n.setVisible(!empty);
        after.setVisible(afterImage != null);
        afterLabel.setText(afterImage != null ? "after" : "cleaning...");
        if (!sameSize) fitted = false;
        requestLayout();
    }

    /** Whole page in view. */
    void fit() {
        fitted = false;
        requestLayout();
    }

    /** One image pixel per screen pixel, centred. */
    void actualSize() {
        zoomAt(getWidth() / 2, getHeight() / 2, 1 / scale);
    }

    double scale() { return scale; }

    double split() { return split; }

    void setSplit(double fraction) {
        split = Math.max(0, Math.min(1, fraction));
        requestLayout();
    }

    void zoomAt(double x, double y, double factor) {
        if (before.getImage() == null) return;
        double next = Math.max(0.02, Math.min(32, scale * factor));
        double f = next / scale;
        tx = x - (x - tx) * f;
        ty = y - (y - ty) * f;
        scale = next;
        fitted = true;
        requestLayout();
    }

    private double splitX() {
        return split * getWidth();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        Image img = before.getImage();
        placeholder.resizeRelocate(0, 0, w, h);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        if (img == null) return;
        if (!fitted && w > 0 && h > 0) {
            scale = Math.min(w / img.getWidth(), h / img.getHeight()) * 0.98;
            tx = (w - img.getWidth() * scale) / 2;
            ty = (h - img.getHeight() * scale) / 2;
            fitted = true;
        }
        double iw = img.getWidth() * scale, ih = img.getHeight() * scale;
        boolean crisp = scale >= 2;
        for (ImageView v : new ImageView[] {before, after}) {
            v.setSmooth(!crisp);
            v.setFitWidth(iw);
            v.setFitHeight(ih);
            v.relocate(tx, ty);
        }
        double sx = splitX();
        afterClip.setX(Math.max(0, sx - tx));
        afterClip.setY(0);
        afterClip.setWidth(Math.max(0, iw - Math.max(0, sx - tx)));
        afterClip.setHeight(ih);
        splitLine.setStartX(sx);
        splitLine.setEndX(sx);
        splitLine.setStartY(0);
        splitLine.setEndY(h);
        knob.setCenterX(sx);
        knob.setCenterY(h / 2);
        beforeLabel.autosize();
        afterLabel.autosize();
        beforeLabel.relocate(Math.max(6, sx - beforeLabel.getWidth() - 10), 8);
        afterLabel.relocate(Math.min(w - afterLabel.getWidth() - 6, sx + 10), 8);
        beforeLabel.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        beforeLabel.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    }
}
