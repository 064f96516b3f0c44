package dev.flotilla.engine.model;

/**
 * One candle of a feed. Times are epoch milliseconds; prices are doubles because they feed indicator math,
 * money derived from them is BigDecimal.
 */
public record Candle(long openTime, double open, double high, double low, double close, double volume) {
    public long closeTime(Timeframe tf) {
        return openTime + tf.millis();
    }
}
