package dev.flotilla.ui.screen.chart;

import dev.flotilla.engine.api.ChartTimeframe;
import dev.flotilla.engine.api.EngineReads;
import java.time.Duration;

/** How much of a bot's history its chart loads and shows: the last day, week or month, or all stored candles. */
public enum ChartRange {
    DAY("1D", "the last day", Duration.ofDays(1)),
    WEEK("1W", "the last week", Duration.ofDays(7)),
    MONTH("1M", "the last month (30 days)", Duration.ofDays(30)),
    ALL("All", "every stored candle (up to " + EngineReads.MAX_CHART_BARS + " of the bot's own)", null);

    /** The most candles a chart loads, whatever its range. */
    public static final int MAX_BARS = EngineReads.MAX_CHART_BARS;

    private final String label;
    private final String description;
    private final Duration span;

    ChartRange(String label, String description, Duration span) {
        this.label = label;
        this.description = description;
        this.span = span;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The candles of {@code tf} that cover the range. */
    public int bars(ChartTimeframe tf) {
        return span == null ? MAX_BARS : (int) Math.min(MAX_BARS, Math.max(2, span.toMillis() / tf.millis()));
    }

    /** The range's length in seconds (the chart's time unit), or infinity for all. */
    double seconds() {
        return span == null ? Double.POSITIVE_INFINITY : span.toSeconds();
    }
}
