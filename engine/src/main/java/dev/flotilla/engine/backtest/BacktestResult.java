package dev.flotilla.engine.backtest;

import dev.flotilla.engine.model.ClosedTrade;
import java.util.List;
import java.util.Map;

/**
 * What a backtest produced: a row of figures per bot and one for the fleet, the digest of its fills, each bot's (and
 * the fleet's, under {@code "*"}) hourly equity, its closed trades, and how long it took.
 */
public record BacktestResult(Backtest.Request request, List<Row> bots, Row fleet, int fills, String fillsDigest,
                             Map<String, Curve> equity, List<ClosedTrade> trades, long wallNanos) {

    /**
     * One bot's figures (or the fleet's, with no strategy, symbol or timeframe).
     *
     * @param buyAndHold the symbol's own return over the period (for the fleet: weighted by capital)
     */
    public record Row(String id, String strategy, String symbol, String timeframe, double capital, double finalEquity,
                      Performance performance, double buyAndHold) {
    }

    /** Equity at instants, oldest first. */
    public record Curve(long[] times, double[] equity) {
        /** The last equity, or {@code otherwise} when there is none. */
        public double last(double otherwise) {
            return equity.length == 0 ? otherwise : equity[equity.length - 1];
        }
    }
}
