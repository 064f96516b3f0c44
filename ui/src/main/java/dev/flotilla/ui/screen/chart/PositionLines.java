package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The open position's entry, stop and take-profit as dashed lines across the chart, each labelled with its name and
 * price at the price axis. None is shown while the bot is flat, nor a take-profit the bot's limits turn off.
 *
 * <p>The labels are a small chart plug-in of their own: ChartFX 11.3's {@code YWatchValueIndicator} lays its label
 * and axis mark out from the plot foreground's origin, which in this chart (price axis on the right, a title row
 * above) puts them at the plot's left edge or over the candles.
 */
final class PositionLines extends ChartPlugin {

    private final XYChart chart;
    private final ErrorDataSetRenderer renderer = Charts.lines();
    private final Level entry = new Level("entry ", "level-entry", BotChart::entryPrice);
    private final Level stop = new Level("SL ", "level-stop", BotChart::stopPrice);
    private final Level takeProfit = new Level("TP ", "level-take-profit", BotChart::takeProfitPrice);
    private final List<Level> all = List.of(entry, stop, takeProfit);

    private final class Level {
        final String name;
        final DoubleDataSet line;
        final Label label = new Label();
        final Function<BotChart, BigDecimal> level;
        double value = Double.NaN;

        Level(String name, String style, Function<BotChart, BigDecimal> level) {
            this.name = name;
            this.line = Charts.dataSet(name.strip(), style);
            this.level = level;
            label.getStyleClass().addAll("level-label", style);
            label.setManaged(false);
        }
    }

    PositionLines(XYChart chart) {
        this.chart = chart;
        chart.getPlugins().add(this);
        renderer.setShowInLegend(false);  // the labels at the price axis say what they are
    }

    /** The renderer of the lines, to add to the chart's renderers. */
    ErrorDataSetRenderer renderer() {
        return renderer;
    }

    List<DoubleDataSet> dataSets() {
        return all.stream().map(l -> l.line).toList();
    }

    /** @param from where the candles start, {@code to} where they end (seconds): the lines span them */
    void show(BotChart c, double from, double to) {
        List<DoubleDataSet> shown = new java.util.ArrayList<>();
        for (Level l : all) {
            BigDecimal v = c == null ? null : l.level.apply(c);
            if (v == null) {
                l.value = Double.NaN;
                l.line.set(new double[0], new double[0]);
                getChartChildren().remove(l.label);
                continue;
            }
            l.value = v.doubleValue();
            l.line.setName(l.name + Fmt.price(v));
            l.line.set(new double[] {from, to}, new double[] {l.value, l.value});
            l.label.setText(l.name + Fmt.price(v));
            if (!getChartChildren().contains(l.label)) getChartChildren().add(l.label);
            shown.add(l.line);
        }
        if (!renderer.getDatasets().equals(shown)) renderer.getDatasets().setAll(shown);
        chart.requestLayout();
    }

    /** The labels of the entry, stop and take-profit lines (null for a line not shown), for tests. */
    String[] labels() {
        return all.stream().map(l -> Double.isNaN(l.value) ? null : l.label.getText()).toArray(String[]::new);
    }

    @Override
    public void layoutChildren() {
        var canvas = chart.getCanvas();
        // top to bottom on the screen, each label pushed below the one above it if they would overlap
        List<Level> inView = new java.util.ArrayList<>();
        for (Level l : all) {
            if (Double.isNaN(l.value) || l.label.getParent() == null) continue;
            double y = chart.getYAxis().getDisplayPosition(l.value);
            boolean visible = y >= 0 && y <= canvas.getHeight();
            l.label.setVisible(visible);
            if (visible) inView.add(l);
        }
        inView.sort(java.util.Comparator.comparingDouble(l -> chart.getYAxis().getDisplayPosition(l.value)));
        double below = Double.NEGATIVE_INFINITY;
        for (Level l : inView) {
            double w = l.label.prefWidth(-1);
            double h = l.label.prefHeight(w);
            double top = Math.max(chart.getYAxis().getDisplayPosition(l.value) - h / 2, below);
            below = top + h;
            var at = l.label.getParent().sceneToLocal(canvas.localToScene(canvas.getWidth() - w - 4, top));
            l.label.resizeRelocate(at.getX(), at.getY(), w, h);
        }
    }

    /** Where each shown label is, in the chart's scene, top to bottom, for tests. */
    List<javafx.geometry.Bounds> labelBounds() {
        return all.stream().filter(l -> !Double.isNaN(l.value) && l.label.isVisible() && l.label.getParent() != null)
                .map(l -> l.label.localToScene(l.label.getLayoutBounds()))
                .sorted(java.util.Comparator.comparingDouble(javafx.geometry.Bounds::getMinY)).toList();
    }
}
