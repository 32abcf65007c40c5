package com.daeworkbench.ui.analysis;

import java.util.List;
import java.util.function.IntUnaryOperator;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;

/**
 * Ten classes (digits, Fashion-MNIST) told apart by colour and by marker. JavaFX's chart CSS
 * has eight colours and eight symbols and cycles them, so labels 8 and 9 looked exactly like
 * 0 and 1. The colours are Okabe and Ito's eight colour-blind-safe ones plus Paul Tol's
 * wine and a mid gray; each class also has its own marker shape, for print and for readers
 * who cannot tell two of the colours apart.
 */
final class ClassPalette {
    record Marker(String color, String svgShape) {
        /** The marker as a chart symbol's style: a circle is the symbol's rounded background. */
        String style() {
            return "-fx-background-color: " + color + ";" + (svgShape == null
                    ? " -fx-background-radius: 5px; -fx-padding: 4px;"
                    : " -fx-shape: \"" + svgShape + "\"; -fx-padding: 4.5px;");
        }
    }

    static final List<Marker> MARKERS = List.of(
            new Marker("#E69F00", null),                                                   // orange, circle
            new Marker("#56B4E9", "M0,0 H10 V10 H0 Z"),                                     // sky blue, square
            new Marker("#009E73", "M5,0 L10,10 L0,10 Z"),                                   // bluish green, triangle up
            new Marker("#0072B2", "M5,0 L10,5 L5,10 L0,5 Z"),                               // blue, diamond
            new Marker("#D55E00", "M0,0 L10,0 L5,10 Z"),                                    // vermillion, triangle down
            new Marker("#CC79A7", "M3.5,0 H6.5 V3.5 H10 V6.5 H6.5 V10 H3.5 V6.5 H0 V3.5 H3.5 Z"), // reddish purple, plus
            new Marker("#F0E442", "M5,0 L6.2,3.4 L10,3.6 L7,6 L8.1,10 L5,7.7 L1.9,10 L3,6 L0,3.6 L3.8,3.4 Z"), // yellow, star
            new Marker("#000000", "M2,0 L5,3 L8,0 L10,2 L7,5 L10,8 L8,10 L5,7 L2,10 L0,8 L3,5 L0,2 Z"), // black, x
            new Marker("#882255", "M2.5,0 H7.5 L10,5 L7.5,10 H2.5 L0,5 Z"),                 // wine, hexagon
            new Marker("#999999", "M5,0 L10,4 L8,10 H2 L0,4 Z"));                           // gray, pentagon

    private ClassPalette() { }

    static Marker of(int classIndex) {
        return MARKERS.get(Math.floorMod(classIndex, MARKERS.size()));
    }

    /** A scatter chart of classes: each series' points and legend symbol in its class's marker. */
    static final class Scatter extends ScatterChart<Number, Number> {
        private IntUnaryOperator classOf = k -> k;

        Scatter() {
            super(new NumberAxis(), new NumberAxis());
        }

        /** @param classOf the class of series k (its label: digit 7 looks the same whichever digits are present) */
        void show(List<XYChart.Series<Number, Number>> series, IntUnaryOperator classOf) {
            this.classOf = classOf;
            getData().setAll(series);
            for (int k = 0; k < series.size(); k++) {
                String style = of(classOf.applyAsInt(k)).style();
                for (XYChart.Data<Number, Number> d : series.get(k).getData()) {
                    if (d.getNode() != null) d.getNode().setStyle(style);
                }
            }
            styleLegend();
        }

        /** The legend is rebuilt here whenever the series change: restyle its symbols each time. */
        @Override
        protected void updateLegend() {
            super.updateLegend();
            styleLegend();
        }

        private void styleLegend() {
            // the legend's items are labels in series order, their symbols the labels' graphics (not yet
            // in the scene graph when the legend is rebuilt, so a CSS lookup would not find them)
            if (!(getLegend() instanceof javafx.scene.Parent legend)) return;
            int k = 0;
            for (Node item : legend.getChildrenUnmodifiable()) {
                if (item instanceof javafx.scene.control.Label label && label.getGraphic() != null && k < getData().size()) {
                    label.getGraphic().setStyle(of(classOf.applyAsInt(k++)).style());
                }
            }
        }
    }
}
