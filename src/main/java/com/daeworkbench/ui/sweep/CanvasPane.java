package com.daeworkbench.ui.sweep;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** A region that is one canvas its own size, redrawn whenever it is resized or told to. */
abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
        setMinSize(200, 120);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) draw(g, canvas.getWidth(), canvas.getHeight());
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    static Color fx(ColorScale.Rgb c) {
        return Color.color(c.red(), c.green(), c.blue());
    }

    /** The theme's text colour, read from the label style where there is one; dark gray else. */
    static final Color TEXT = Color.web("#333333");
    static final Color MUTED = Color.web("#888888");
}
