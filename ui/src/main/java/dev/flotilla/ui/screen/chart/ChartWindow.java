package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.BotChart;
import dev.flotilla.engine.api.ChartLine;
import dev.flotilla.engine.model.Candle;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The stretch of time a candle chart shows and the price scale that fits it. By default it follows the newest
 * candle over the chosen range; a zoom or pan (the mouse through ChartFX's zoomer, or the keys) that leaves the
 * right edge on the newest candle keeps following at the new width, one that moves away from it stays put while
 * candles arrive. The price axis always fits the candles, price indicators and levels in view.
 */
final class ChartWindow {

    /** The fewest candles a zoom leaves in view. */
    static final int MIN_CANDLES = 10;

    private final DefaultNumericAxis x;
    private final DefaultNumericAxis y;
    private final DefaultNumericAxis lowerX;
    private BotChart chart;
    private double[] times = new double[0];
    private double from;
    private double to;
    private double step = 1;
    private double rangeSpan = Double.POSITIVE_INFINITY;
    private double span = Double.POSITIVE_INFINITY;
    private boolean follow = true;
    private double shownMin = Double.NaN;
    private double shownMax = Double.NaN;

    ChartWindow(DefaultNumericAxis x, DefaultNumericAxis y, DefaultNumericAxis lowerX) {
        this.x = x;
        this.y = y;
        this.lowerX = lowerX;
        // whoever moves the time axis (the zoomer, the axis editor, this window), the lower panel and prices follow
        x.minProperty().addListener((o, a, b) -> moved());
        x.maxProperty().addListener((o, a, b) -> moved());
    }

    /** New data: candle open times in seconds, the candle length in seconds. */
    void data(BotChart c, double[] openTimes, double candleSeconds) {
        noteUserMove();
        chart = c;
        times = openTimes;
        step = candleSeconds;
        from = openTimes[0] - step / 2;
        to = openTimes[openTimes.length - 1] + step;
        if (follow) show(to - span, to);
        else show(shownMin, shownMax);
    }

    /** Shows the newest {@code r} of the data, following new candles. */
    void range(ChartRange r) {
        rangeSpan = r.seconds();
        reset();
    }

    /** Back to the chosen range, following the newest candle. */
    void reset() {
        noteUserMove();
        span = rangeSpan;
        follow = true;
        if (chart != null) show(to - span, to);
    }

    /** Zooms in ({@code factor} < 1) or out (> 1) around the middle, or the right edge while following. */
    void zoom(double factor) {
        noteUserMove();
        if (chart == null) return;
        double min = x.getMin();
        double max = x.getMax();
        double width = Math.max(MIN_CANDLES * step, Math.min(to - from, (max - min) * factor));
        double centre = follow ? to - width / 2 : (min + max) / 2;
        show(centre - width / 2, centre + width / 2);
        span = width;
    }

    /** Moves by {@code fraction} of the width in view: negative to the past, positive towards now. */
    void pan(double fraction) {
        noteUserMove();
        if (chart == null) return;
        double width = x.getMax() - x.getMin();
        double min = Math.max(from, Math.min(to - width, x.getMin() + fraction * width));
        show(min, min + width);
        follow = min + width >= to - step / 2;
    }

    /** Where the time axis starts and ends (seconds), for tests and the range picker. */
    double[] shown() {
        return new double[] {x.getMin(), x.getMax()};
    }

    boolean following() {
        return follow;
    }

    /** A change of the time axis by someone else (the zoomer, the axis editor) becomes this window's width. */
    private void noteUserMove() {
        if (Double.isNaN(shownMin) || (x.getMin() == shownMin && x.getMax() == shownMax)) return;
        shownMin = x.getMin();
        shownMax = x.getMax();
        span = shownMax - shownMin;
        follow = shownMax >= to - step / 2;
    }

    private void show(double min, double max) {
        double lo = Math.max(from, min);
        double hi = Math.min(max, Math.max(to, lo + MIN_CANDLES * step));
        shownMin = lo;
        shownMax = hi;
        x.set(lo, hi);
        moved();
    }

    private void moved() {
        lowerX.set(x.getMin(), x.getMax());
        fitPrices(x.getMin(), x.getMax());
    }

    /** The price axis over the candles in [min, max], with the price indicators and the position's levels. */
    private void fitPrices(double min, double max) {
        if (chart == null || times.length == 0) return;
        int a = Math.max(0, index(min - step));
        int b = Math.min(times.length - 1, index(max));
        if (a > b) return;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        List<Candle> list = chart.candles();
        for (int i = a; i <= b; i++) {
            lo = Math.min(lo, list.get(i).low());
            hi = Math.max(hi, list.get(i).high());
        }
        for (ChartLine line : chart.indicators()) {
            if (line.panel() != ChartLine.Panel.PRICE) continue;
            for (int i = a; i <= b && i < line.values().length; i++) {
                double v = line.values()[i];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (BigDecimal v : new BigDecimal[] {chart.entryPrice(), chart.stopPrice(), chart.takeProfitPrice()}) {
            if (v != null) {
                lo = Math.min(lo, v.doubleValue());
                hi = Math.max(hi, v.doubleValue());
            }
        }
        double pad = Math.max((hi - lo) * 0.06, hi * 1e-4);
        y.set(lo - pad, hi + pad);
    }

    /** The first candle opening at or after {@code t}. */
    private int index(double t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }
}
