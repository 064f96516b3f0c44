package dev.flotilla.engine.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** A bot's definition: what it trades, with which strategy and parameters, on how much paper capital. */
public record BotSpec(String id, String strategy, Symbol symbol, Timeframe timeframe,
                      Map<String, Double> params, BigDecimal capital) {
    public BotSpec {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The same bot with other strategy parameters (a sweep's set). */
    public BotSpec withParams(Map<String, Double> other) {
        return new BotSpec(id, strategy, symbol, timeframe, other, capital);
    }

    public Feed feed() {
        return new Feed(symbol, timeframe);
    }
}
