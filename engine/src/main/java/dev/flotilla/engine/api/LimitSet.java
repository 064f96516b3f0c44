package dev.flotilla.engine.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk limits of one bot or of the portfolio: the description of each, and the values now in force by name.
 * The portfolio's values also hold its per-symbol exceptions, e.g. "maxSymbolValue.BTC/USDT", which have no
 * description of their own.
 */
public record LimitSet(List<LimitInfo> limits, Map<String, String> values) {

    public static final LimitSet NONE = new LimitSet(List.of(), Map.of());

    public LimitSet {
        limits = List.copyOf(limits);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a limit. */
    public BigDecimal value(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("there is no limit '" + name + "'");
        return new BigDecimal(v);
    }

    /** The description of a limit, or null. */
    public LimitInfo info(String name) {
        return limits.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }
}
