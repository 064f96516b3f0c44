package dev.flotilla.ui.screen.chart;

import atlantafx.base.theme.Styles;
import dev.flotilla.engine.api.EquityPoint;
import dev.flotilla.ui.Fmt;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** An equity curve over its drawdown ("underwater") curve, redrawn once per change of its model. */
public final class EquityChartView extends VBox {

    private final EquityModel model;
    private final Supplier<String> titleOf;
    private final Label title = new Label();
    private final DefaultNumericAxis x = Charts.timeAxis();
    private final DefaultNumericAxis y = Charts.valueAxis("equity", "USDT");
    private final DefaultNumericAxis ddX = Charts.timeAxis();
    private final DefaultNumericAxis ddY = Charts.valueAxis("drawdown", "%");
    private final DoubleDataSet equity = Charts.dataSet("equity", "equity-line");
    private final DoubleDataSet drawdown = Charts.dataSet("drawdown", "drawdown-area");
    private boolean dirty = true;

    /** @param titleOf what the curve is of, e.g. "Fleet equity" */
    public EquityChartView(EquityModel model, Supplier<String> titleOf) {
        this.model = model;
        this.titleOf = titleOf;
        getStyleClass().add("equity-chart");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "chart-title-label");
        XYChart top = Charts.chart(x, y);
        ErrorDataSetRenderer line = Charts.lines();
        line.getDatasets().add(equity);
        top.getRenderers().add(line);
        XYChart bottom = Charts.chart(ddX, ddY);
        ErrorDataSetRenderer area = Charts.lines();
        area.setPolyLineStyle(LineStyle.AREA);
        area.getDatasets().add(drawdown);
        bottom.getRenderers().add(area);
        bottom.setPrefHeight(140);
        bottom.setMinHeight(110);
        x.setAutoRanging(false);
        ddX.setAutoRanging(false);
        y.setAutoRanging(false);
        ddY.setAutoRanging(false);
        VBox.setVgrow(top, Priority.ALWAYS);
        getChildren().addAll(title, top, bottom);
        model.version().addListener((o, a, b) -> {
            dirty = true;
            flush();
        });
        flush();
    }

    /** Redraws if the curve changed since the last drawing and the chart lets its data be written now. */
    public void flush() {
        if (!dirty || !Charts.writable(equity, drawdown)) return;
        dirty = false;
        redraw();
    }

    private void redraw() {
        double[] t = model.times();
        double[] e = model.values();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : e) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] dd = CurvesChartView.drawdown(e);
        equity.set(t, e);
        drawdown.set(t, dd);
        if (t.length == 0) {
            title.setText(titleOf.get() + ": no equity recorded yet");
            return;
        }
        double from = t[0];
        double to = Math.max(t[t.length - 1], from + 3600);
        x.set(from, to);
        ddX.set(from, to);
        double pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.0005);
        y.set(lo - pad, hi + pad);
        double deepest = 0;
        for (double d : dd) deepest = Math.min(deepest, d);
        ddY.set(Math.min(deepest * 1.15, -0.1), 0);
        EquityPoint last = model.last();
        title.setText(titleOf.get() + "  ·  " + Fmt.money(last.equity()) + " USDT  ·  drawdown "
                + String.format(java.util.Locale.ROOT, "%.2f%%", dd[dd.length - 1]) + ", deepest "
                + String.format(java.util.Locale.ROOT, "%.2f%%", deepest));
    }

    /** Points drawn (stored and live), for tests. */
    public int pointCount() {
        return equity.getDataCount();
    }
}
