package dev.flotilla.engine.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The candle lengths the fleet trades. Candles open and close on multiples of their length in UTC. */
public enum Timeframe {
    M15("15m", 900),
    H1("1h", 3_600),
    H4("4h", 14_400);

    private final String label;
    private final long seconds;

    Timeframe(String label, long seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    public String label() {
        return label;
    }

    public long seconds() {
        return seconds;
    }

    public long millis() {
        return seconds * 1000;
    }

    /** The latest candle close at or before the given instant (epoch ms). */
    public long lastCloseAtOrBefore(long epochMs) {
        return Math.floorDiv(epochMs, millis()) * millis();
    }

    /** The first candle close strictly after the given instant (epoch ms). */
    public long nextCloseAfter(long epochMs) {
        return lastCloseAtOrBefore(epochMs) + millis();
    }

    public static Timeframe parse(String text) {
        for (Timeframe tf : values()) {
            if (tf.label.equalsIgnoreCase(String.valueOf(text).trim())) return tf;
        }
        throw new IllegalArgumentException("timeframe must be one of "
                + Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
