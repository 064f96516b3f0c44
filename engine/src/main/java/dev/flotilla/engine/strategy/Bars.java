package dev.flotilla.engine.strategy;

import dev.flotilla.engine.model.Candle;
import dev.flotilla.engine.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/** Turns a feed's closed candles into ta4j bars: the feed's growing series, and whole series for charts and tests. */
public final class Bars {

    /**
     * Bars a feed's series keeps. ta4j drops older ones with their cached values; the longest look-back of a built-in
     * indicator is 250 bars (Donchian) and the longest warm-up {@link StrategyRegistry#MAX_WINDOW} (300), so this
     * leaves a wide margin while bounding every indicator's cache (BoundedSeriesTest checks that it stays exact).
     */
    public static final int MAX_BARS = 1_000;

    private Bars() {
    }

    /**
     * Builds a series from closed candles, oldest first. DoubleNum because indicator math needs speed, not
     * decimal exactness; money is never computed from it. ta4j rejects a candle that does not close after the
     * one before it, so a disordered or duplicated feed fails here rather than giving silent nonsense.
     */
    public static BarSeries series(String name, Timeframe tf, List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(name)
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        for (Candle c : candles) append(series, tf, c);
        return series;
    }

    /**
     * An empty series of closed bars that keeps at most {@code maxBars}, for a feed that grows it one closed candle
     * at a time (see {@link ClosedBarSeries}: its end is one past its newest bar).
     */
    public static ClosedBarSeries growing(String name, int maxBars) {
        return new ClosedBarSeries(name, maxBars);
    }

    private static final java.util.Map<Timeframe, Duration> PERIODS = new java.util.EnumMap<>(Timeframe.class);

    static {
        for (Timeframe tf : Timeframe.values()) PERIODS.put(tf, Duration.ofMillis(tf.millis()));
    }

    /**
     * A closed candle as the bar ta4j's builder makes of it ({@link #append}: the same period, times and DoubleNum
     * prices, amount = close x volume, no trades), made directly: a feed converts every candle it ever holds.
     */
    public static Bar bar(Timeframe tf, Candle c) {
        NumFactory n = DoubleNumFactory.getInstance();
        Num close = n.numOf(c.close());
        Num volume = n.numOf(c.volume());
        return new BaseBar(PERIODS.get(tf), Instant.ofEpochMilli(c.openTime()), Instant.ofEpochMilli(c.closeTime(tf)),
                n.numOf(c.open()), n.numOf(c.high()), n.numOf(c.low()), close, volume,
                close.multipliedBy(volume), 0);
    }

    /** Adds one closed candle as the series' newest bar; one that does not close after the last bar fails. */
    public static void append(BarSeries series, Timeframe tf, Candle c) {
        series.barBuilder()
                .timePeriod(Duration.ofMillis(tf.millis()))
                .beginTime(Instant.ofEpochMilli(c.openTime()))
                .endTime(Instant.ofEpochMilli(c.closeTime(tf)))
                .openPrice(c.open())
                .highPrice(c.high())
                .lowPrice(c.low())
                .closePrice(c.close())
                .volume(c.volume())
                .add();
    }
}
