package com.daeworkbench.ui.inside;

import com.daeworkbench.core.model.FeatureMaps;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.TilePane;

/**
 * One tile per channel of a {@link FeatureMaps}. Activations: each tile stretched from its own
 * minimum (black) to its maximum (white), so a weak channel still shows its pattern and a dead one
 * is flat black. Weights (filters): gray is 0, white positive, black negative, on one scale for all.
 */
final class MapTiles extends TilePane {
    MapTiles(FeatureMaps maps, boolean signed, double tileSide) {
        super(3, 3);
        setPrefColumns(Math.min(16, maps.channels()));
        setMaxWidth(USE_PREF_SIZE);   // 16 a row, not as many as the window's width holds
        float absMax = 1e-12f;
        if (signed) for (float v : maps.values()) if (Float.isFinite(v)) absMax = Math.max(absMax, Math.abs(v));
        for (int c = 0; c < maps.channels(); c++) {
            float[] tile = maps.channel(c);
            ImageView view = new ImageView(signed ? image(tile, maps.width(), maps.height(), -absMax, absMax)
                    : image(tile, maps.width(), maps.height(), min(tile), max(tile)));
            view.setFitWidth(tileSide);
            view.setFitHeight(tileSide * maps.height() / maps.width());
            view.setSmooth(false);
            getChildren().add(view);
        }
    }

    static WritableImage image(float[] values, int width, int height, float lo, float hi) {
        float span = hi > lo ? hi - lo : 1;
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            float f = Float.isFinite(values[i]) ? (values[i] - lo) / span : 0;
            int v = Math.round(Math.max(0f, Math.min(1f, f)) * 255f);
            argb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) if (Float.isFinite(x)) m = Math.min(m, x);
        return m == Float.POSITIVE_INFINITY ? 0 : m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) if (Float.isFinite(x)) m = Math.max(m, x);
        return m == Float.NEGATIVE_INFINITY ? 0 : m;
    }
}
