package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Stored equity curves (a backtest's) over their drawdowns: one curve in USDT, or several as returns in percent so
 * runs of different capital compare. Replaced whole by {@link #show}, drawn at the next {@link #flush} the chart allows.
 */
public final class CurvesChartView extends VBox {

    /** One curve: equity at instants (epoch ms), oldest first. */
    public record Curve(String name, long[] times, double[] equity) {
    }

    private static final int MAX_CURVES = 2;

    private final Label title = new Label();
    private final DefaultNumericAxis x = Charts.timeAxis();
    private final DefaultNumericAxis y = Charts.valueAxis("equity", "USDT");
    private final DefaultNumericAxis ddX = Charts.timeAxis();
    private final DefaultNumericAxis ddY = Charts.valueAxis("drawdown", "%");
    private final List<DoubleDataSet> lines = new ArrayList<>();
    private final List<DoubleDataSet> drawdowns = new ArrayList<>();
    private final ErrorDataSetRenderer lineRenderer = Charts.lines();
    private final ErrorDataSetRenderer ddRenderer = Charts.lines();
    private String pendingTitle;
    private List<Curve> pending = List.of();
    private boolean relative;
    private boolean dirty = true;

    /** @param compare whether curves are compared: each drawdown then takes its curve's colour rather than red */
    public CurvesChartView(String emptyTitle, boolean compare) {
        getStyleClass().add("equity-chart");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "chart-title-label");
        pendingTitle = emptyTitle;
        for (int i = 0; i < MAX_CURVES; i++) {
            lines.add(Charts.dataSet("equity", i == 0 ? "equity-line" : "compare-line"));
            drawdowns.add(Charts.dataSet("drawdown", i == 0 ? (compare ? "equity-drawdown" : "drawdown-area") : "compare-drawdown"));
        }
        XYChart top = Charts.chart(x, y);
        top.getRenderers().add(lineRenderer);
        XYChart bottom = Charts.chart(ddX, ddY);
        ddRenderer.setPolyLineStyle(LineStyle.NORMAL);
        bottom.getRenderers().add(ddRenderer);
        bottom.setPrefHeight(150);
        bottom.setMinHeight(110);
        for (DefaultNumericAxis a : List.of(x, y, ddX, ddY)) a.setAutoRanging(false);
        VBox.setVgrow(top, Priority.ALWAYS);
        getChildren().addAll(title, top, bottom);
        flush();
    }

    /**
     * @param relative draw returns in percent (for comparing runs) rather than equity in USDT
     */
    public void show(String titleText, List<Curve> curves, boolean relative) {
        this.pendingTitle = titleText;
        this.pending = curves.stream().filter(c -> c.times().length > 0).limit(MAX_CURVES).toList();
        this.relative = relative;
        dirty = true;
        flush();
    }

    /** Draws what was last shown, if the chart lets its data be written now. */
    public void flush() {
        List<DataSet> all = new ArrayList<>(lines);
        all.addAll(drawdowns);
        if (!dirty || !Charts.writable(all.toArray(DataSet[]::new))) return;
        dirty = false;
        redraw();
    }

    private void redraw() {
        title.setText(pendingTitle);
        y.setName(relative ? "return" : "equity");
        y.setUnit(relative ? "%" : "USDT");
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double from = Double.MAX_VALUE;
        double to = -Double.MAX_VALUE;
        double deepest = 0;
        for (int k = 0; k < pending.size(); k++) {
            Curve c = pending.get(k);
            int n = c.times().length;
            double[] t = new double[n];
            double[] v = new double[n];
            double[] dd = drawdown(c.equity());
            double first = c.equity()[0];
            for (int i = 0; i < n; i++) {
                t[i] = c.times()[i] / 1000.0;
                v[i] = relative ? (c.equity()[i] / first - 1) * 100 : c.equity()[i];
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
                deepest = Math.min(deepest, dd[i]);
            }
            from = Math.min(from, t[0]);
            to = Math.max(to, t[n - 1]);
            lines.get(k).setName(c.name());
            lines.get(k).set(t, v);
            drawdowns.get(k).setName(c.name() + " drawdown");
            drawdowns.get(k).set(t, dd);
        }
        if (lineRenderer.getDatasets().size() != pending.size()) {
            lineRenderer.getDatasets().setAll(lines.subList(0, pending.size()));
            ddRenderer.getDatasets().setAll(drawdowns.subList(0, pending.size()));
        }
        if (pending.isEmpty()) return;
        to = Math.max(to, from + 3600);
        x.set(from, to);
        ddX.set(from, to);
        double pad = Math.max((hi - lo) * 0.08, relative ? 0.05 : Math.abs(hi) * 0.0005);
        y.set(lo - pad, hi + pad);
        ddY.set(Math.min(deepest * 1.15, -0.1), 0);
    }

    /** Drawdown in percent (0 or negative) at each point. */
    public static double[] drawdown(double[] equity) {
        double[] dd = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < dd.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? (equity[i] - peak) / peak * 100 : 0;
        }
        return dd;
    }

    public String title() {
        return title.getText();
    }

    /** Curves drawn, for tests. */
    public int curveCount() {
        return lineRenderer.getDatasets().size();
    }

    /** Points drawn over all curves, for tests. */
    public int pointCount() {
        return lineRenderer.getDatasets().stream().mapToInt(DataSet::getDataCount).sum();
    }
}
