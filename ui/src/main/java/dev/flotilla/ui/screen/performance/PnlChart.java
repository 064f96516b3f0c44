package dev.flotilla.ui.screen.performance;

import dev.flotilla.engine.api.PnlBucket;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * The realized PnL of each day, week or month as bars, green above zero and red below (a JavaFX bar chart: the buckets
 * are categories, which ChartFX's numeric axes do not draw as well).
 */
public final class PnlChart extends BarChart<String, Number> {

    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public PnlChart(ObservableList<PnlBucket> buckets) {
        super(new CategoryAxis(), new NumberAxis());
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(buckets.size() > 40 ? 1 : 4);
        setBarGap(0);
        getYAxis().setLabel("USDT");
        getStyleClass().add("pnl-chart");
        getData().add(series);
        buckets.addListener((ListChangeListener<PnlBucket>) c -> show(buckets));
        show(buckets);
    }

    private void show(ObservableList<PnlBucket> buckets) {
        setCategoryGap(buckets.size() > 40 ? 1 : 4);
        ((CategoryAxis) getXAxis()).getCategories().setAll(buckets.stream().map(PnlBucket::label).toList());
        series.getData().setAll(buckets.stream().map(b -> {
            XYChart.Data<String, Number> d = new XYChart.Data<>(b.label(), b.pnl().doubleValue());
            d.nodeProperty().addListener((o, a, n) -> colour(n, b));
            return d;
        }).toList());
    }

    private static void colour(Node n, PnlBucket b) {
        if (n != null) n.setStyle("-fx-bar-fill: " + (b.pnl().signum() < 0 ? "#d64545" : "#2e9d5b") + ";");
    }

    /** The bars shown: label to PnL. */
    public ObservableList<XYChart.Data<String, Number>> bars() {
        return series.getData();
    }
}
