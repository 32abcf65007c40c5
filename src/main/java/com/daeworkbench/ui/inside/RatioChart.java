package com.daeworkbench.ui.inside;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** log10 of each layer's update:weight ratio over the iterations, one line a layer, the healthy band shaded. */
final class RatioChart extends LineChart<Number, Number> {
    private final Rectangle band = new Rectangle();

    RatioChart() {
        super(new NumberAxis(), new NumberAxis());
        getXAxis().setLabel("iteration");
        getYAxis().setLabel("log10(|update| / |weights|)");
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setAnimated(false);
        setCreateSymbols(false);
        band.setFill(Color.web("#16a34a", 0.13));
        band.setMouseTransparent(true);
        getPlotChildren().add(0, band);
    }

    void show(List<LayerHistory> layers) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        double min = InsideViewModel.HEALTHY_LOW - 0.5, max = InsideViewModel.HEALTHY_HIGH + 0.5;
        for (LayerHistory layer : layers) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(layer.name().replaceFirst(":.*", ""));
            for (LayerHistory.Sample p : layer.samples()) {
                double r = p.log10Ratio();
                if (Double.isNaN(r)) continue;
                s.getData().add(new XYChart.Data<>(p.iteration(), r));
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            series.add(s);
        }
        // the band always in view, so a line far from it reads as far
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(Math.floor(min));
        y.setUpperBound(Math.ceil(max));
        y.setTickUnit(1);
        getData().setAll(series);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = y.getDisplayPosition(InsideViewModel.HEALTHY_HIGH), bottom = y.getDisplayPosition(InsideViewModel.HEALTHY_LOW);
        band.setX(0);
        band.setY(top);
        band.setWidth(getXAxis().getWidth());
        band.setHeight(Math.max(0, bottom - top));
        band.toBack();
    }
}
