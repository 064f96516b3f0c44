package dev.flotilla.engine.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * One bot's figures in a backtest (or the fleet's: id {@code "*"}, no strategy, symbol or timeframe), as reported and
 * as stored.
 *
 * @param symbol     as BTC/USDT
 * @param params     the strategy parameters it ran with
 * @param buyAndHold the symbol's own return over the period (for the fleet: weighted by capital)
 */
public record RunFigures(String id, String strategy, String symbol, String timeframe, Map<String, Double> params,
                         double capital, double finalEquity, Performance performance, double buyAndHold) {

    public static final String FLEET = "*";

    public RunFigures {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public boolean fleet() {
        return FLEET.equals(id);
    }
}
