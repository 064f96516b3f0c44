package dev.flotilla.engine.api;

import dev.flotilla.engine.model.Timeframe;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The candle lengths a chart can show: the fleet's timeframes and the day. A chart of a bot in a longer one than
 * the bot's own merges the bot's candles (UTC-aligned, as the exchange does), so what it shows is what the bot saw.
 */
public enum ChartTimeframe {
    M15(Timeframe.M15),
    H1(Timeframe.H1),
    H4(Timeframe.H4),
    D1("1d", 86_400);

    private final String label;
    private final long seconds;

    ChartTimeframe(Timeframe tf) {
        this(tf.label(), tf.seconds());
    }

    ChartTimeframe(String label, long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    public String label() {
        return label;
    }

    public long millis() {
        return seconds * 1000;
    }

    /** Whether a chart of candles of {@code tf} can be shown in this length: as long or longer, a whole multiple. */
    public boolean fits(Timeframe tf) {
        return seconds >= tf.seconds() && seconds % tf.seconds() == 0;
    }

    /** The chart length of a bot's own timeframe. */
    public static ChartTimeframe of(Timeframe tf) {
        return valueOf(tf.name());
    }

    public static ChartTimeframe parse(String text) {
        for (ChartTimeframe t : values()) {
            if (t.label.equalsIgnoreCase(String.valueOf(text).trim())) return t;
        }
        throw new IllegalArgumentException("chart timeframe must be one of "
                + Arrays.stream(values()).map(ChartTimeframe::label).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
